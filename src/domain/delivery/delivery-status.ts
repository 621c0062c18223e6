import { assertNever } from '../assert-never.js';

/**
 * One message of an action to one number on one channel (SMS or voice): queued, then sending while a worker has
 * it, submitted once the SMSC took it (a call goes straight on), then delivered; or failed, expired or cancelled.
 * Mirrored by the CHECK on deliveries.status.
 */
export type DeliveryStatus = 'queued' | 'sending' | 'submitted' | 'delivered' | 'failed' | 'expired' | 'cancelled';
export const DELIVERY_STATUSES: readonly DeliveryStatus[] = [
  'queued',
  'sending',
  'submitted',
  'delivered',
  'failed',
  'expired',
  'cancelled',
];

/** Every delivery starts in the queue. */
export const INITIAL_STATUS: DeliveryStatus = 'queued';

/** Final: nothing moves the delivery on any more (it gets its final_at). */
export function isFinal(status: DeliveryStatus): boolean {
  switch (status) {
    case 'queued':
    case 'sending':
    case 'submitted':
      return false;
    case 'delivered':
    case 'failed':
    case 'expired':
    case 'cancelled':
      return true;
    default:
      return assertNever(status);
  }
}

export const FINAL_STATUSES: readonly DeliveryStatus[] = DELIVERY_STATUSES.filter(isFinal);
