import { assertNever } from '../assert-never.js';
import type { DeliveryEvent, DeliveryEventKind, PlainEventKind } from './delivery-event.js';
import type { DeliveryStatus } from './delivery-status.js';
import { stoppedByActionEnd } from './action-end.js';
import { attemptsExhausted, requeueStatus } from './requeue.js';

export interface DeliveryState {
  readonly status: DeliveryStatus;
  /** Times it was handed to a channel. */
  readonly attempts: number;
}

/**
 * The statuses an event moves a delivery out of. In any other it changes nothing: it came late (a submit result
 * for a delivery taken back meanwhile is still stored; a receipt for one that is already final is not). No final
 * status is among them.
 */
export function movesFrom(kind: DeliveryEventKind): readonly DeliveryStatus[] {
  switch (kind) {
    case 'claimed':
    case 'action-ended':
    case 'recipient-erased':
      return ['queued'];
    case 'deferred':
    case 'send-failed-final':
    case 'send-failed-retryable':
    case 'handed-back':
      return ['sending'];
    case 'submitted':
      // Taken back (a lease ran out) while the SMSC took it: it went out all the same.
      return ['queued', 'sending'];
    case 'receipt-delivered':
    case 'receipt-failed':
    case 'expired':
      return ['sending', 'submitted'];
    default:
      return assertNever(kind);
  }
}

/** Where an event that needs no context moves a delivery from each status in movesFrom. */
export function targetOf(kind: PlainEventKind): DeliveryStatus {
  switch (kind) {
    case 'claimed':
      return 'sending';
    case 'deferred':
      return 'queued';
    case 'submitted':
      return 'submitted';
    case 'receipt-delivered':
      return 'delivered';
    case 'receipt-failed':
    case 'send-failed-final':
      return 'failed';
    case 'expired':
      return 'expired';
    case 'recipient-erased':
      return 'cancelled';
    default:
      return assertNever(kind);
  }
}

/** A claim counts as an attempt; a claim given back unused takes its attempt back. */
export function attemptChange(kind: DeliveryEventKind): -1 | 0 | 1 {
  switch (kind) {
    case 'claimed':
      return 1;
    case 'deferred':
      return -1;
    case 'submitted':
    case 'receipt-delivered':
    case 'receipt-failed':
    case 'expired':
    case 'send-failed-final':
    case 'send-failed-retryable':
    case 'handed-back':
    case 'action-ended':
    case 'recipient-erased':
      return 0;
    default:
      return assertNever(kind);
  }
}

function statusAfter(current: DeliveryState, event: DeliveryEvent): DeliveryStatus {
  switch (event.kind) {
    case 'send-failed-retryable':
      return requeueStatus({ ...event, attemptsExhausted: attemptsExhausted(current.attempts) });
    case 'handed-back':
      // The worker stopped, not the channel or the person: as for a channel that could not take it.
      return requeueStatus({
        ...event,
        cause: 'channel-unavailable',
        attemptsExhausted: attemptsExhausted(current.attempts),
      });
    case 'action-ended':
      return stoppedByActionEnd(event.messageKind) ? 'cancelled' : current.status;
    case 'claimed':
    case 'deferred':
    case 'submitted':
    case 'receipt-delivered':
    case 'receipt-failed':
    case 'expired':
    case 'send-failed-final':
    case 'recipient-erased':
      return targetOf(event.kind);
    default:
      return assertNever(event);
  }
}

/** What an event makes of a delivery. The store carries this out in SQL (adapters/store/dispatch/delivery-sql.ts). */
export function nextDelivery(current: DeliveryState, event: DeliveryEvent): DeliveryState {
  if (!movesFrom(event.kind).includes(current.status)) return current;
  return { status: statusAfter(current, event), attempts: Math.max(0, current.attempts + attemptChange(event.kind)) };
}
