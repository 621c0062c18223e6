import type { Logger } from '../../app/ports/logger.js';
import type { Relay, RelayKind } from './relay.js';

export interface RelayCounts {
  /** Messages handed to each relay. */
  readonly sent: Readonly<Record<RelayKind, number>>;
  /** Messages from other nodes, by the relay they came over. */
  readonly received: Readonly<Record<RelayKind, number>>;
  /** Messages no relay could take: the other nodes find that work at their next poll. */
  readonly unsent: number;
  /** Times the first relay went away (each outage logged once). */
  readonly outages: number;
}

/**
 * The relays in order of preference (NATS, then PostgreSQL LISTEN/NOTIFY): a message goes over the first that is
 * available; listeners hear every relay, so a node whose NATS is away still hears the others over PostgreSQL. A
 * publish never throws or waits: with no relay available the message is dropped and counted, and the others'
 * polling is the last resort.
 */
export interface RelayChain {
  publish(topic: string, payload: string): void;
  subscribe(topic: string, listener: (payload: string) => void): void;
  /** The relay a message published now would take; null when none is available. */
  via(): RelayKind | null;
  counts(): RelayCounts;
}

export function createRelayChain(relays: readonly Relay[], logger: Logger): RelayChain {
  const sent: Record<RelayKind, number> = { nats: 0, postgres: 0 };
  const received: Record<RelayKind, number> = { nats: 0, postgres: 0 };
  let unsent = 0;
  let outages = 0;
  /** Published another way since the first relay went away; null while it is there. */
  let degradedFor: number | null = null;
  const first = relays[0];

  return {
    publish(topic, payload) {
      for (const relay of relays) {
        if (!relay.available() || !relay.publish(topic, payload)) continue;
        sent[relay.kind] += 1;
        if (relay === first && degradedFor !== null) {
          logger.info({ relay: relay.kind, publishedOtherwise: degradedFor }, 'relay back; messages go over it again');
          degradedFor = null;
        }
        if (relay !== first) noteDegraded(relay.kind);
        return;
      }
      unsent += 1;
      noteDegraded(null);
    },
    subscribe(topic, listener) {
      for (const relay of relays) {
        relay.subscribe(topic, (payload) => {
          received[relay.kind] += 1;
          try {
            listener(payload);
          } catch (error) {
            logger.error({ err: error, topic, relay: relay.kind }, 'handling a relayed message failed');
          }
        });
      }
    },
    via: () => relays.find((r) => r.available())?.kind ?? null,
    counts: () => ({ sent: { ...sent }, received: { ...received }, unsent, outages }),
  };

  function noteDegraded(via: RelayKind | null): void {
    if (degradedFor === null) {
      outages += 1;
      degradedFor = 0;
      logger.warn(
        { relay: first?.kind, fallback: via ?? 'poll' },
        'relay unavailable; wake-ups and live events go the fallback way until it is back',
      );
    }
    degradedFor += 1;
  }
}
