import { INITIAL_PART_STATUS, type SmsPartStatus } from './sms-parts.js';

/**
 * How a delivery receipt finds its SMS part. An SMSC numbers its messages itself and may hand a number out again
 * (it restarted, or it is another SMSC), so a receipt names a part only together with the SMSC connection profile
 * it came in on, and only a part submitted there before the receipt and within the window. A receipt that cannot
 * be matched with certainty is set aside, never credited to a part it may not be for.
 */
export interface ReceiptRules {
  /** A part submitted this long before the receipt is not its part: the SMSC may have reused the id since. */
  readonly windowMs: number;
  /**
   * How long a receipt may wait for its part. The SMSC answers a submit before its result is stored, so a receipt
   * can overtake its part; within this time every part submitted before the receipt is stored.
   */
  readonly holdMs: number;
}

/** A part with the same SMSC and message id as the receipt. */
export interface ReceiptCandidate {
  readonly partId: number;
  readonly status: SmsPartStatus;
  readonly submittedAt: Date;
}

/** Why a receipt was set aside: more than one part it may be for, or none. */
export type SetAsideReason = 'ambiguous' | 'no-part';
export const SET_ASIDE_REASONS: readonly SetAsideReason[] = ['ambiguous', 'no-part'];

export type ReceiptMatch =
  /** The one part it is for. */
  | { readonly kind: 'credit'; readonly partId: number }
  /** Its part may not be stored yet: ask again later. */
  | { readonly kind: 'wait' }
  /** Its part already had this receipt (the SMSC sent it again): nothing to do. */
  | { readonly kind: 'repeat' }
  /** Kept aside and counted; `partIds`: the parts it could be for. */
  | { readonly kind: 'set-aside'; readonly reason: SetAsideReason; readonly partIds: readonly number[] };

/**
 * What to do with a receipt received at `receivedAt`, asked at `now`. Only a part still waiting for its receipt
 * takes one. A part submitted long before the receipt may have a newer twin (the SMSC reused the id) whose submit
 * result is not stored yet, so such a receipt waits out the hold first; a receipt for a part just submitted is
 * credited at once.
 */
export function matchReceipt(
  receivedAt: Date,
  candidates: readonly ReceiptCandidate[],
  now: Date,
  rules: ReceiptRules,
): ReceiptMatch {
  const received = receivedAt.getTime();
  const inWindow = candidates.filter((c) => {
    const submitted = c.submittedAt.getTime();
    return submitted <= received && received - submitted <= rules.windowMs;
  });
  const open = inWindow.filter((c) => c.status === INITIAL_PART_STATUS);
  const heldLongEnough = now.getTime() - received >= rules.holdMs;
  const [only, ...others] = open;
  if (only !== undefined && others.length > 0) {
    return { kind: 'set-aside', reason: 'ambiguous', partIds: open.map((c) => c.partId) };
  }
  if (only !== undefined) {
    const justSubmitted = received - only.submittedAt.getTime() <= rules.holdMs;
    return justSubmitted || heldLongEnough ? { kind: 'credit', partId: only.partId } : { kind: 'wait' };
  }
  if (!heldLongEnough) return { kind: 'wait' };
  return inWindow.length > 0 ? { kind: 'repeat' } : { kind: 'set-aside', reason: 'no-part', partIds: [] };
}
