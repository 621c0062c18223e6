import { assertNever } from '../assert-never.js';
import { DELIVERY_STATUSES, type DeliveryStatus } from './delivery-status.js';

/**
 * Whether the alert reached its number or is about to: updates and the afloopbericht go to the numbers whose
 * alert is in one of these statuses. One that failed, expired or was cancelled never reached anyone.
 */
export function isReached(status: DeliveryStatus): boolean {
  switch (status) {
    case 'queued':
    case 'sending':
    case 'submitted':
    case 'delivered':
      return true;
    case 'failed':
    case 'expired':
    case 'cancelled':
      return false;
    default:
      return assertNever(status);
  }
}

export const REACHED_STATUSES: readonly DeliveryStatus[] = DELIVERY_STATUSES.filter(isReached);
