import type { ActionEvent, ActionEventKind } from '../../domain/broadcast/action-event.js';
import type { OutboxStatus, Settlement } from '../../domain/broadcast/outbox-delivery.js';

/** An event claimed for one destination: the head of its queue, now in flight. */
export interface ClaimedBroadcast {
  readonly position: number;
  readonly destination: string;
  readonly event: ActionEvent;
  /** Attempts including this one. */
  readonly attempts: number;
  readonly createdAt: Date;
}

/** One row of the delivery log, for beheer: no content, only what happened when. */
export interface BroadcastLogEntry {
  readonly destination: string;
  readonly eventId: string;
  readonly kind: ActionEventKind;
  readonly actionId: string;
  readonly actionNumber: string;
  readonly sequence: number;
  readonly status: OutboxStatus;
  readonly attempts: number;
  readonly lastHttpStatus: number | null;
  readonly lastReason: string | null;
  readonly createdAt: Date;
  readonly nextAttemptAt: Date;
  readonly settledAt: Date | null;
}

/**
 * The durable outbox of broadcast channels. `recordEvent` runs in the transaction that changes the action;
 * the rest is the workers' side.
 */
export interface BroadcastOutbox {
  /** The next sequence number of this action's events (the action row is locked by the caller). */
  nextSequence(actionId: string): Promise<number>;
  /** Writes the event once, and one pending row for each destination that wants it. */
  recordEvent(event: ActionEvent, destinations: readonly string[]): Promise<void>;
  /**
   * Claims the head of a destination's queue if it is due and nothing of that destination is in flight;
   * null otherwise. At most one event per destination is ever in flight, so the order holds.
   */
  claimHead(destination: string, workerId: string, now: Date): Promise<ClaimedBroadcast | null>;
  /** Records how the attempt went. */
  settle(
    position: number,
    settlement: Settlement,
    detail: { readonly httpStatus: number | null; readonly reason: string | null },
    now: Date,
  ): Promise<void>;
  /** Claims of a worker that stopped (it holds no live lease at `orphanedAt`; never `exceptWorker`'s) go back to the queue. */
  requeueInFlight(orphanedAt: Date, exceptWorker: string): Promise<number>;
  /** When the head of a destination's queue is next due (null: nothing waiting, or the head is in flight). */
  nextDue(destination: string): Promise<Date | null>;
  /** The newest entries of the delivery log, optionally of one destination, action or meldkamer's actions. */
  log(filter: {
    readonly destination: string | null;
    readonly actionId: string | null;
    readonly meldkamerCode: string | null;
    readonly limit: number;
  }): Promise<readonly BroadcastLogEntry[]>;
}
