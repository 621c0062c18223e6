import type { ActionStatus } from '../action/action-status.js';
import type { MessageKind } from './message-kind.js';
import type { RetryCause } from './requeue.js';

/** What happens to a delivery; `nextDelivery` says what it makes of it. */
export type DeliveryEvent =
  /** A worker took it from the queue to hand it to its channel. */
  | { readonly kind: 'claimed' }
  /** Its worker gave it back unused (a closing call in the quiet hours): the claim does not count. */
  | { readonly kind: 'deferred' }
  /** The SMSC took every part. */
  | { readonly kind: 'submitted' }
  /** Every part's receipt said delivered, or the call was answered. */
  | { readonly kind: 'receipt-delivered' }
  /** A part's receipt said it could not be delivered. */
  | { readonly kind: 'receipt-failed' }
  /** A part's receipt said its validity ran out before it could be delivered. */
  | { readonly kind: 'expired' }
  /** Refused for good (a number the SMSC rejects, a call rejected or failed), or out of retries. */
  | { readonly kind: 'send-failed-final' }
  /** It did not go out and may be tried again; the action decides whether it still wants that. */
  | {
      readonly kind: 'send-failed-retryable';
      readonly cause: RetryCause;
      readonly messageKind: MessageKind;
      readonly actionStatus: ActionStatus;
    }
  /** Taken back from a worker that stopped (its claim is older than the lease). */
  | { readonly kind: 'handed-back'; readonly messageKind: MessageKind; readonly actionStatus: ActionStatus }
  /** The action was closed or withdrawn. */
  | { readonly kind: 'action-ended'; readonly messageKind: MessageKind }
  /** The participant deleted their data. */
  | { readonly kind: 'recipient-erased' };

export type DeliveryEventKind = DeliveryEvent['kind'];

/** The events whose outcome depends on nothing but the event. */
export type PlainEventKind = Exclude<DeliveryEventKind, 'send-failed-retryable' | 'handed-back' | 'action-ended'>;
