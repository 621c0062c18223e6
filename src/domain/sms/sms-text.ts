import { gsm7SeptetCount } from './gsm-alphabet.js';

export type SmsEncoding = 'gsm7' | 'ucs2';

/** Capacity of one SMS: a concatenated part loses room to its user data header. */
export const SMS_CAPACITY: Readonly<Record<SmsEncoding, { readonly single: number; readonly part: number }>> = {
  gsm7: { single: 160, part: 153 },
  ucs2: { single: 70, part: 67 },
};

export interface SmsTextAnalysis {
  readonly encoding: SmsEncoding;
  /** Septets (gsm7) or UTF-16 code units (ucs2). */
  readonly units: number;
  readonly parts: number;
}

export interface SmsTextSplit {
  readonly encoding: SmsEncoding;
  /** Never empty: an empty text is one empty segment. */
  readonly segments: readonly string[];
}

/** True when every character is in the GSM 03.38 basic or extension table. */
export function isGsm7Text(text: string): boolean {
  for (const ch of text) {
    if (gsm7SeptetCount(ch) === undefined) return false;
  }
  return true;
}

const unitsOf = (ch: string, encoding: SmsEncoding): number =>
  encoding === 'gsm7' ? (gsm7SeptetCount(ch) ?? 1) : ch.length;

const totalUnits = (text: string, encoding: SmsEncoding): number => {
  if (encoding === 'ucs2') return text.length;
  let units = 0;
  for (const ch of text) units += unitsOf(ch, encoding);
  return units;
};

/**
 * Splits into SMS segments. It walks code points, so an extension character (escape + septet)
 * or a surrogate pair always lands whole in one segment.
 */
export function splitSmsText(text: string): SmsTextSplit {
  const encoding: SmsEncoding = isGsm7Text(text) ? 'gsm7' : 'ucs2';
  const capacity = SMS_CAPACITY[encoding];
  if (totalUnits(text, encoding) <= capacity.single) return { encoding, segments: [text] };

  const segments: string[] = [];
  let current = '';
  let used = 0;
  for (const ch of text) {
    const units = unitsOf(ch, encoding);
    if (used + units > capacity.part) {
      segments.push(current);
      current = '';
      used = 0;
    }
    current += ch;
    used += units;
  }
  segments.push(current);
  return { encoding, segments };
}

export function analyseSmsText(text: string): SmsTextAnalysis {
  const { encoding, segments } = splitSmsText(text);
  return { encoding, units: totalUnits(text, encoding), parts: segments.length };
}

/** Units one segment takes in the given encoding. */
export const segmentUnits = (segment: string, encoding: SmsEncoding): number => totalUnits(segment, encoding);
