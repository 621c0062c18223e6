import type { Priority } from '../../domain/action/action-type.js';
import type { Msisdn } from '../../domain/participant/msisdn.js';

/** What an earlier attempt at this SMS got to the SMSC before it was cut short (a dropped connection). */
export interface SmsResume {
  /** The concatenation reference (UDH) its parts went under; null for a single-part SMS. */
  readonly concatReference: number | null;
  readonly parts: number;
  /** The SMSC connection profile those parts went to (null: not known, stored before profiles had names). */
  readonly smsc: string | null;
  /** The parts (1-based) the SMSC acknowledged: they are not sent again. */
  readonly acceptedParts: readonly number[];
}

export interface OutboundSms {
  /** Our delivery id; adapters may use it for logging only. */
  readonly deliveryId: string;
  readonly to: Msisdn;
  readonly text: string;
  /** The SMSC must not deliver after this moment (SMPP validity_period). */
  readonly validUntil: Date;
  /** The action's priority, for the SMSC too (SMPP priority_flag); 0 when absent. */
  readonly priority?: Priority;
  /** Send only the parts the SMSC did not acknowledge before, under the same concatenation reference. */
  readonly resume?: SmsResume;
  /** Whether the SMSC is to send delivery receipts: nothing waits for those of a sign-up code. Requested when absent. */
  readonly receipts?: 'requested' | 'none';
}

/** One part the SMSC acknowledged with its message id. */
export interface AcceptedSmsPart {
  /** 1-based. */
  readonly part: number;
  /** The SMSC connection profile it went to: the message id is that SMSC's, and only its receipts name it. */
  readonly smsc: string;
  /** The SMSC's message id. */
  readonly reference: string;
  /** When it was handed to the channel: before the SMSC could send a receipt for it. */
  readonly submittedAt: Date;
}

/** The parts of one SMS the SMSC acknowledged in one attempt. */
export interface SmsSubmission {
  readonly parts: number;
  readonly concatReference: number | null;
  /** Acknowledged in this attempt, in part order (a resumed attempt: only the parts sent now). */
  readonly accepted: readonly AcceptedSmsPart[];
}

export type SmsSubmitOutcome =
  /** The SMSC acknowledged every part (of a resumed attempt: every part left). */
  | ({ readonly kind: 'accepted' } & SmsSubmission)
  /** The SMSC refused it for good (bad number, barred): do not retry. */
  | { readonly kind: 'rejected'; readonly reason: string }
  /**
   * Not (all) sent (no bind, connection lost mid-flight): safe to try again later. `partial`: the parts the SMSC
   * acknowledged before that; a next attempt resumes after them.
   */
  | { readonly kind: 'unavailable'; readonly reason: string; readonly partial?: SmsSubmission };

export type SmsReceiptStatus = 'delivered' | 'failed' | 'expired';

export interface SmsReceipt {
  /** The SMSC connection profile the receipt came in on. */
  readonly smsc: string;
  /** The SMSC's message id of the part. */
  readonly reference: string;
  readonly status: SmsReceiptStatus;
  readonly at: Date;
}

/**
 * Sends SMS and reports delivery receipts. The adapter paces itself (rate, window, SMSC throttling):
 * callers may submit many messages at once and await each outcome.
 */
export interface SmsChannel {
  submit(sms: OutboundSms): Promise<SmsSubmitOutcome>;
  /**
   * The listener must resolve once the receipt is stored; the adapter acknowledges the receipt to the
   * SMSC only then, so that a crash before storing makes the SMSC send it again.
   */
  onReceipt(listener: (receipt: SmsReceipt) => Promise<void>): void;
  close(): Promise<void>;
}
