import type { PduOptions } from 'smpp';
import type { Priority } from '../../../domain/action/action-type.js';
import type { OutboundSms } from '../../../app/ports/sms-channel.js';
import { splitSmsText } from '../../../domain/sms/sms-text.js';
import type { SmsEncoding } from '../../../domain/sms/sms-text.js';
import { DATA_CODING, encodeSmsText } from './gsm-codec.js';
import { formatSmppAbsoluteTime } from './smpp-time.js';
import { concatUdh } from './udh.js';
import type { ConcatReferenceBits } from './udh.js';

/** Type of number / numbering plan indicator values (SMPP 3.4 §5.2.5, §5.2.6). */
const TON_INTERNATIONAL = 1;
export const TON_ALPHANUMERIC = 5;
const NPI_UNKNOWN = 0;
const NPI_ISDN = 1;

const ESM_CLASS_UDHI = 0x40;
const REGISTERED_DELIVERY_NONE = 0x00;
const REGISTERED_DELIVERY_FINAL = 0x01;

/**
 * priority_flag (SMPP 3.4 §5.2.14) per action priority: 0 for an ordinary action; the highest level (3: GSM
 * priority, ANSI-136 "very urgent", IS-95 "emergency") for a missing child or a noodsituatie.
 */
const PRIORITY_FLAG: Readonly<Record<Priority, number>> = { 0: 0, 1: 2, 2: 3 };

export function smppPriorityFlag(priority: Priority): number {
  return PRIORITY_FLAG[priority];
}
/** The total-parts octet of the concatenation UDH caps a message at 255 parts. */
export const MAX_CONCAT_PARTS = 255;
/** GSM limits an alphanumeric originator to 11 characters. */
export const MAX_ALPHANUMERIC_SENDER = 11;

export interface SubmitPduSettings {
  readonly sourceAddress: string;
  readonly serviceType: string;
  readonly referenceBits: ConcatReferenceBits;
}

export interface Address {
  readonly ton: number;
  readonly npi: number;
  readonly address: string;
}

export type PreparedSubmit =
  | {
      readonly kind: 'parts';
      readonly encoding: SmsEncoding;
      readonly parts: readonly PduOptions[];
      /** The concatenation reference in the parts' UDH; null for a single part (it has none). */
      readonly concatReference: number | null;
    }
  | { readonly kind: 'too-long'; readonly parts: number };

/** "Burgernet" is alphanumeric (TON 5, NPI 0); "+3197010203040" or "3197010203040" is international. */
export function senderAddress(source: string): Address {
  const digits = source.startsWith('+') ? source.slice(1) : source;
  if (/^\d+$/.test(digits)) return { ton: TON_INTERNATIONAL, npi: NPI_ISDN, address: digits };
  return { ton: TON_ALPHANUMERIC, npi: NPI_UNKNOWN, address: source };
}

/** E.164 goes on the wire without "+", as an international ISDN number. */
export function destinationAddress(to: string): Address {
  return { ton: TON_INTERNATIONAL, npi: NPI_ISDN, address: to.startsWith('+') ? to.slice(1) : to };
}

/**
 * One submit_sm per part, short_message as ready-made octets so that the smpp library's own
 * encoding detection (which would pick Latin-1 or its IA5 mislabel) never runs.
 */
export function buildSubmitPdus(sms: OutboundSms, settings: SubmitPduSettings, reference: number): PreparedSubmit {
  const { encoding, segments } = splitSmsText(sms.text);
  if (segments.length > MAX_CONCAT_PARTS) return { kind: 'too-long', parts: segments.length };

  const source = senderAddress(settings.sourceAddress);
  const destination = destinationAddress(sms.to);
  const concatenated = segments.length > 1;
  const parts = segments.map((segment, index): PduOptions => {
    const payload = encodeSmsText(segment, encoding);
    const udh = concatenated
      ? concatUdh({ reference, total: segments.length, sequence: index + 1 }, settings.referenceBits)
      : undefined;
    return {
      service_type: settings.serviceType,
      source_addr_ton: source.ton,
      source_addr_npi: source.npi,
      source_addr: source.address,
      dest_addr_ton: destination.ton,
      dest_addr_npi: destination.npi,
      destination_addr: destination.address,
      esm_class: concatenated ? ESM_CLASS_UDHI : 0,
      priority_flag: smppPriorityFlag(sms.priority ?? 0),
      validity_period: formatSmppAbsoluteTime(sms.validUntil),
      registered_delivery: sms.receipts === 'none' ? REGISTERED_DELIVERY_NONE : REGISTERED_DELIVERY_FINAL,
      data_coding: DATA_CODING[encoding],
      short_message: udh === undefined ? payload : Buffer.concat([udh, payload]),
    };
  });
  return { kind: 'parts', encoding, parts, concatReference: concatenated ? reference : null };
}
