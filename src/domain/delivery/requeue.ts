import type { ActionStatus } from '../action/action-status.js';
import { assertNever } from '../assert-never.js';
import type { DeliveryStatus } from './delivery-status.js';
import { stoppedByActionEnd } from './action-end.js';
import type { MessageKind } from './message-kind.js';

/** A delivery is handed to a channel at most this often; one that still did not go out then has failed. */
export const MAX_ATTEMPTS = 20;

/**
 * Why a delivery handed out did not go out and may be tried again: the channel could not take it (no bind, the
 * trunk down, no speech, or its worker stopped), or the person did not answer (busy, no answer).
 */
export type RetryCause = 'channel-unavailable' | 'not-answered';
export const RETRY_CAUSES: readonly RetryCause[] = ['channel-unavailable', 'not-answered'];

/** What a delivery back from a channel is tried again for. */
export interface Requeue {
  readonly messageKind: MessageKind;
  readonly actionStatus: ActionStatus;
  readonly cause: RetryCause;
  /** It was handed out MAX_ATTEMPTS times (see attemptsExhausted). */
  readonly attemptsExhausted: boolean;
}

export type RequeueStatus = Extract<DeliveryStatus, 'queued' | 'cancelled' | 'failed'>;

export function attemptsExhausted(attempts: number): boolean {
  return attempts >= MAX_ATTEMPTS;
}

/**
 * Whether the action still wants the message: all of them while it is active. Once it ended, a closing message
 * still goes out (that is what the end sends), unless its person was tried and did not answer: nothing follows a
 * close, so nobody is called again for it.
 */
export function stillWanted(messageKind: MessageKind, actionStatus: ActionStatus, cause: RetryCause): boolean {
  if (actionStatus === 'actief') return true;
  if (stoppedByActionEnd(messageKind)) return false;
  switch (cause) {
    case 'channel-unavailable':
      return true;
    case 'not-answered':
      return false;
    default:
      return assertNever(cause);
  }
}

/** Back in the queue while the action still wants it, cancelled otherwise; failed after MAX_ATTEMPTS. */
export function requeueStatus(r: Requeue): RequeueStatus {
  if (r.attemptsExhausted) return 'failed';
  return stillWanted(r.messageKind, r.actionStatus, r.cause) ? 'queued' : 'cancelled';
}
