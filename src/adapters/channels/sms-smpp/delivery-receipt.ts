import type { DecodedShortMessage } from 'smpp';
import type { SmsReceipt, SmsReceiptStatus } from '../../../app/ports/sms-channel.js';

/** esm_class message type bits (SMPP 3.4 §5.2.12). */
export const ESM_CLASS_DELIVERY_RECEIPT = 0x04;

/** message_state TLV values (§5.2.28). */
export const MESSAGE_STATE = {
  scheduled: 0,
  enroute: 1,
  delivered: 2,
  expired: 3,
  deleted: 4,
  undeliverable: 5,
  accepted: 6,
  unknown: 7,
  rejected: 8,
  skipped: 9,
} as const;

type ReceiptState = SmsReceiptStatus | 'intermediate';

const stateByTlv: ReadonlyMap<number, ReceiptState> = new Map<number, ReceiptState>([
  [MESSAGE_STATE.scheduled, 'intermediate'],
  [MESSAGE_STATE.enroute, 'intermediate'],
  [MESSAGE_STATE.accepted, 'intermediate'],
  [MESSAGE_STATE.delivered, 'delivered'],
  [MESSAGE_STATE.expired, 'expired'],
  [MESSAGE_STATE.deleted, 'failed'],
  [MESSAGE_STATE.undeliverable, 'failed'],
  [MESSAGE_STATE.unknown, 'failed'],
  [MESSAGE_STATE.rejected, 'failed'],
  [MESSAGE_STATE.skipped, 'failed'],
]);

/** The stat: words of the de-facto receipt text (SMPP 3.4 Appendix B). */
const stateByText: ReadonlyMap<string, ReceiptState> = new Map<string, ReceiptState>([
  ['ENROUTE', 'intermediate'],
  ['ACCEPTD', 'intermediate'],
  ['DELIVRD', 'delivered'],
  ['EXPIRED', 'expired'],
  ['DELETED', 'failed'],
  ['UNDELIV', 'failed'],
  ['REJECTD', 'failed'],
  ['UNKNOWN', 'failed'],
]);

export interface DeliverSmFields {
  readonly esm_class?: number;
  readonly receipted_message_id?: string;
  readonly message_state?: number;
  readonly short_message?: DecodedShortMessage;
  readonly message_payload?: DecodedShortMessage;
}

/** A receipt as read off the wire; the channel adds the SMSC it came from. */
export type ReadReceipt = Omit<SmsReceipt, 'smsc'>;

export type DeliverSmMeaning =
  | { readonly kind: 'receipt'; readonly receipt: ReadReceipt }
  | { readonly kind: 'intermediate-receipt'; readonly reference: string }
  | { readonly kind: 'mobile-originated' }
  | { readonly kind: 'malformed-receipt'; readonly reason: string };

/**
 * Reads a deliver_sm. The TLVs win over the text, which SMSCs format loosely; `receivedAt` becomes
 * the receipt time because the text's "done date" has minute precision and no time zone.
 */
export function interpretDeliverSm(pdu: DeliverSmFields, receivedAt: Date): DeliverSmMeaning {
  if (((pdu.esm_class ?? 0) & ESM_CLASS_DELIVERY_RECEIPT) === 0) return { kind: 'mobile-originated' };

  const text = messageText(pdu.short_message) || messageText(pdu.message_payload);
  const reference = nonEmpty(pdu.receipted_message_id) ?? /\bid:(\S+)/i.exec(text)?.[1];
  if (reference === undefined) return { kind: 'malformed-receipt', reason: 'no message id' };

  const statWord = /\bstat:(\w+)/i.exec(text)?.[1]?.toUpperCase();
  const state =
    (pdu.message_state === undefined ? undefined : stateByTlv.get(pdu.message_state)) ??
    (statWord === undefined ? undefined : stateByText.get(statWord));
  if (state === undefined) {
    return { kind: 'malformed-receipt', reason: `unknown state ${pdu.message_state ?? statWord ?? 'none'}` };
  }
  if (state === 'intermediate') return { kind: 'intermediate-receipt', reference };
  return { kind: 'receipt', receipt: { reference, status: state, at: receivedAt } };
}

const nonEmpty = (value: string | undefined): string | undefined => (value ? value : undefined);

function messageText(message: DecodedShortMessage | undefined): string {
  if (message === undefined) return '';
  return typeof message.message === 'string' ? message.message : message.message.toString('latin1');
}

export interface ReceiptTextFields {
  readonly id: string;
  readonly submittedAt: Date;
  readonly doneAt: Date;
  readonly stat: 'DELIVRD' | 'UNDELIV' | 'EXPIRED';
  readonly error: number;
  readonly text: string;
}

/** The receipt text SMSCs send: "id:… sub:001 dlvrd:001 submit date:YYMMDDhhmm done date:… stat:… err:… text:…". */
export function formatReceiptText(fields: ReceiptTextFields): string {
  const delivered = fields.stat === 'DELIVRD' ? '001' : '000';
  return (
    `id:${fields.id} sub:001 dlvrd:${delivered} submit date:${receiptDate(fields.submittedAt)} ` +
    `done date:${receiptDate(fields.doneAt)} stat:${fields.stat} err:${fields.error.toString().padStart(3, '0')} ` +
    `text:${fields.text.slice(0, 20)}`
  );
}

const receiptDate = (at: Date): string =>
  [at.getUTCFullYear() % 100, at.getUTCMonth() + 1, at.getUTCDate(), at.getUTCHours(), at.getUTCMinutes()]
    .map((n) => n.toString().padStart(2, '0'))
    .join('');
