import {
  GSM7_ESCAPE,
  gsm7BasicChar,
  gsm7BasicSeptet,
  gsm7ExtensionChar,
  gsm7ExtensionSeptet,
} from '../../../domain/sms/gsm-alphabet.js';
import type { SmsEncoding } from '../../../domain/sms/sms-text.js';

/** SMPP data_coding values we send: 0 = SMSC default alphabet (GSM 03.38), 8 = UCS-2. */
export const DATA_CODING: Readonly<Record<SmsEncoding, number>> = { gsm7: 0x00, ucs2: 0x08 };

/**
 * GSM 03.38 septets, one octet each (unpacked, as SMPP carries data_coding 0), extension characters
 * as escape + septet. Throws on a character outside the alphabet: callers check with isGsm7Text first.
 */
export function encodeGsm7(text: string): Buffer {
  const septets: number[] = [];
  for (const ch of text) {
    const basic = gsm7BasicSeptet(ch);
    if (basic !== undefined) {
      septets.push(basic);
      continue;
    }
    const extension = gsm7ExtensionSeptet(ch);
    if (extension === undefined) throw new RangeError(`not a GSM 03.38 character: U+${codePoint(ch)}`);
    septets.push(GSM7_ESCAPE, extension);
  }
  return Buffer.from(septets);
}

/** Inverse of encodeGsm7; an unknown septet or escape becomes '?' rather than failing. */
export function decodeGsm7(octets: Uint8Array): string {
  let text = '';
  for (let i = 0; i < octets.length; i += 1) {
    const septet = octets[i] ?? 0;
    if (septet === GSM7_ESCAPE) {
      i += 1;
      text += gsm7ExtensionChar(octets[i] ?? -1) ?? '?';
    } else {
      text += gsm7BasicChar(septet) ?? '?';
    }
  }
  return text;
}

/** UCS-2 big endian; surrogate pairs pass through as two code units (UTF-16, as handsets expect). */
export function encodeUcs2(text: string): Buffer {
  return Buffer.from(text, 'utf16le').swap16();
}

export function decodeUcs2(octets: Uint8Array): string {
  const copy = Buffer.from(octets.subarray(0, octets.length - (octets.length % 2)));
  return copy.swap16().toString('utf16le');
}

export function encodeSmsText(text: string, encoding: SmsEncoding): Buffer {
  return encoding === 'gsm7' ? encodeGsm7(text) : encodeUcs2(text);
}

const codePoint = (ch: string): string => (ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
