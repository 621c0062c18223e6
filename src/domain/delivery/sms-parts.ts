import type { DeliveryEventKind } from './delivery-event.js';

/**
 * One SMS part at the SMSC: submitted until its receipt says delivered, failed or expired. Superseded: the SMS was
 * sent whole again on another SMSC (failover) after this part went out; it settles nothing any more. Mirrored by
 * the CHECK on sms_parts.status.
 */
export type SmsPartStatus = 'submitted' | 'delivered' | 'failed' | 'expired' | 'superseded';
export const SMS_PART_STATUSES: readonly SmsPartStatus[] = [
  'submitted',
  'delivered',
  'failed',
  'expired',
  'superseded',
];
export const SUPERSEDED_PART_STATUS: SmsPartStatus = 'superseded';

/** A part starts submitted (the SMSC took it), and only a submitted part takes a receipt. */
export const INITIAL_PART_STATUS: SmsPartStatus = 'submitted';

export type PartsEvent = Extract<DeliveryEventKind, 'receipt-delivered' | 'receipt-failed' | 'expired'>;

export interface PartsRule {
  /** `some`: one part in this status is enough; `every`: all parts of the SMS must be (so all must be known). */
  readonly when: 'some' | 'every';
  readonly part: SmsPartStatus;
  readonly event: PartsEvent;
}

/**
 * What the receipts of a delivery's parts make of it, the first rule that holds: one part that failed makes it
 * failed, else one that expired makes it expired; it is delivered when every part of the SMS is.
 */
export const PARTS_RULES: readonly PartsRule[] = [
  { when: 'some', part: 'failed', event: 'receipt-failed' },
  { when: 'some', part: 'expired', event: 'expired' },
  { when: 'every', part: 'delivered', event: 'receipt-delivered' },
];

/**
 * The event the parts' receipts so far amount to; null while the delivery waits for more. `parts` holds one status
 * per part the SMSC took, `total` how many parts the SMS has: parts not taken yet (an attempt cut short by a lost
 * connection) keep it from being delivered. Superseded parts do not count.
 */
export function partsEvent(all: readonly SmsPartStatus[], total: number): PartsEvent | null {
  const parts = all.filter((p) => p !== SUPERSEDED_PART_STATUS);
  if (parts.length === 0) return null;
  const rule = PARTS_RULES.find((r) =>
    r.when === 'some' ? parts.some((p) => p === r.part) : parts.length >= total && parts.every((p) => p === r.part),
  );
  return rule?.event ?? null;
}
