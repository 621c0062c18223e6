import type { Msisdn } from '../../domain/participant/msisdn.js';

export interface OutboundSms {
  /** Our delivery id; adapters may use it for logging only. */
  readonly deliveryId: string;
  readonly to: Msisdn;
  readonly text: string;
  /** The SMSC must not deliver after this moment (SMPP validity_period). */
  readonly validUntil: Date;
}

export type SmsSubmitOutcome =
  /** The SMSC accepted every part; one reference (SMSC message id) per part, in order. */
  | { readonly kind: 'accepted'; readonly references: readonly string[] }
  /** The SMSC refused it for good (bad number, barred): do not retry. */
  | { readonly kind: 'rejected'; readonly reason: string }
  /** Not sent (no bind, connection lost mid-flight): safe to try again later. */
  | { readonly kind: 'unavailable'; readonly reason: string };

export type SmsReceiptStatus = 'delivered' | 'failed' | 'expired';

export interface SmsReceipt {
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
