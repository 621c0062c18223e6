/** Which engine carries a relayed message between nodes. */
export type RelayKind = 'nats' | 'postgres';

/**
 * Carries short messages between the nodes of one system: a topic (`wake.targeting`, `events.call-routed`) and a
 * text. A node does not receive what it published itself; it hands that to its own listeners directly.
 */
export interface Relay {
  readonly kind: RelayKind;
  /** Whether a message published now can reach the other nodes (connected, subscribed). */
  available(): boolean;
  /** Hands the message over without waiting; false when it could not (not connected). Never throws. */
  publish(topic: string, payload: string): boolean;
  /** Calls `listener` for every message of `topic` from another node, also after a reconnect. */
  subscribe(topic: string, listener: (payload: string) => void): void;
  close(): Promise<void>;
}
