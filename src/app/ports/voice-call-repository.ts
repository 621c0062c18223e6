import type { CallOutcome, CallOutcomeKind } from './voice-channel.js';

/** One call placed for a delivery, and what should happen to that delivery next. */
export interface VoiceCallRecord {
  readonly deliveryId: number;
  /** 1 for the first call of the delivery, 2… for retries. */
  readonly attempt: number;
  readonly outcome: CallOutcome;
  readonly startedAt: Date;
  readonly endedAt: Date;
  /**
   * Set: call again from this moment on, if the action still wants it (domain/delivery/requeue.ts: an alert or
   * update only while the action is active; a closing message after a trunk failure also once it is closed).
   * Null: the outcome is final.
   */
  readonly retryAt: Date | null;
}

/** An action's calls so far: every call placed by its outcome, and the numbers waiting to be called again. */
export interface VoiceCallCounts {
  readonly byOutcome: Record<CallOutcomeKind, number>;
  readonly waitingForRetry: number;
}

export interface VoiceCallRepository {
  callCounts(actionId: string): Promise<VoiceCallCounts>;
  /** Stores each call and moves its delivery on: delivered, failed, or back in the queue until `retryAt`. */
  recordCalls(records: readonly VoiceCallRecord[], at: Date): Promise<void>;
  /** Puts claimed deliveries back in the queue, uncalled, until `until` (closing calls in the quiet hours). */
  defer(deliveryIds: readonly number[], until: Date): Promise<void>;
}
