import type { ActionEvent } from '../../domain/broadcast/action-event.js';

/** How one attempt to publish an event at one destination went. */
export type BroadcastOutcome =
  | { readonly kind: 'delivered'; readonly status: number | null }
  /** Not now (down, timed out, overloaded, throttled): the same event is tried again, and nothing after it before it. */
  | {
      readonly kind: 'retry';
      readonly reason: string;
      readonly status: number | null;
      readonly retryAfterMs: number | null;
    }
  /** Refused for good (the destination says the request itself is wrong or gone): the next event goes on. */
  | { readonly kind: 'rejected'; readonly reason: string; readonly status: number | null };

/**
 * A broadcast channel: one message per action event per destination (a partner's webhook, a province's social
 * account, a display network), not one per person. The durable outbox (one row per event and destination)
 * calls `publish` and records the outcome; the channel itself keeps nothing.
 */
export interface BroadcastChannel {
  /** Stable name of the destination, e.g. `partner-webhook:amber-alert-nl`; the outbox keys its rows on it. */
  readonly destination: string;
  /** Whether this destination wants this kind of event at all. */
  accepts(event: ActionEvent): boolean;
  publish(event: ActionEvent): Promise<BroadcastOutcome>;
  close(): Promise<void>;
}

/** What the use cases need of the broadcast channels: who wants an event, and a hint that one was recorded. */
export interface BroadcastRouting {
  /** The destinations (of every broadcast channel) that want this event. */
  destinationsFor(event: ActionEvent): readonly string[];
  /** Called after the transaction that recorded events committed: the workers need not wait for their poll. */
  eventsRecorded(): void;
}
