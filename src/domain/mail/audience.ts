import { checkArea, type Area, type AreaProblem } from '../area/area.js';
import { assertNever } from '../assert-never.js';

/** A range of postcodes, both ends PC4 ("3511") or both PC6 ("3511AB"); one postcode is a range of one. */
export interface PostcodeRange {
  readonly from: string;
  readonly to: string;
}

/** The address a circle was drawn around: as the sender typed it, and where the geocoder placed it. */
export interface AudienceAddress {
  readonly postcode: string;
  readonly houseNumber: number;
  readonly street: string | null;
  readonly city: string;
}

/**
 * Who gets a mail: everyone with an address in an area, in postcode ranges, or in a whole gemeente. A circle
 * around an address keeps that address (`around`), so that people read "Damrak 1, Amsterdam", not coordinates.
 */
export type Audience =
  | { readonly kind: 'area'; readonly area: Area; readonly around?: AudienceAddress }
  | { readonly kind: 'postcodes'; readonly ranges: readonly PostcodeRange[] }
  | { readonly kind: 'gemeente'; readonly gemeenteCode: string };

/** An address and a radius as the sender chooses them: looked up, it becomes a circle (`around` that address). */
export interface AddressChoice {
  readonly kind: 'address';
  readonly postcode: string;
  readonly houseNumber: number;
  readonly radiusMetres: number;
}

/** What a sender chooses: an audience, or an address with a radius still to be looked up. */
export type AudienceChoice = Audience | AddressChoice;

export const MAX_POSTCODE_RANGES = 50;

export type AudienceProblem =
  | { readonly kind: 'area'; readonly problem: AreaProblem }
  | { readonly kind: 'postcode-format'; readonly value: string }
  | { readonly kind: 'postcode-order'; readonly range: PostcodeRange }
  | { readonly kind: 'postcode-count' }
  | { readonly kind: 'gemeente-code' }
  | { readonly kind: 'address-not-found' };

const PC4 = /^[1-9][0-9]{3}$/;
const PC6 = /^[1-9][0-9]{3}[A-Z]{2}$/;

/** "3511 ab" → "3511AB"; anything else is returned cleaned for the format check to refuse. */
export function normalizePostcode(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

export function checkAudience(audience: Audience): AudienceProblem | null {
  switch (audience.kind) {
    case 'area': {
      const problem = checkArea(audience.area);
      return problem === null ? null : { kind: 'area', problem };
    }
    case 'postcodes': {
      if (audience.ranges.length === 0 || audience.ranges.length > MAX_POSTCODE_RANGES)
        return { kind: 'postcode-count' };
      for (const range of audience.ranges) {
        for (const value of [range.from, range.to]) {
          if (!PC4.test(value) && !PC6.test(value)) return { kind: 'postcode-format', value };
        }
        if (range.from.length !== range.to.length || range.from > range.to) return { kind: 'postcode-order', range };
      }
      return null;
    }
    case 'gemeente':
      return /^GM[0-9]{4}$/.test(audience.gemeenteCode) ? null : { kind: 'gemeente-code' };
    default:
      return assertNever(audience);
  }
}

/**
 * The range as full six-character postcodes, so that a stored postcode lies in it exactly when it sorts between
 * the two ends: "3511"–"3512" is "3511AA"–"3512ZZ".
 */
export function postcodeBounds(range: PostcodeRange): { readonly from: string; readonly to: string } {
  return range.from.length === 4
    ? { from: `${range.from}AA`, to: `${range.to}ZZ` }
    : { from: range.from, to: range.to };
}

export function postcodeInRanges(postcode: string, ranges: readonly PostcodeRange[]): boolean {
  return ranges.some((r) => {
    const b = postcodeBounds(r);
    return postcode >= b.from && postcode <= b.to;
  });
}

/** "3511–3514, 3581AB" for people. */
export function describeRanges(ranges: readonly PostcodeRange[]): string {
  return ranges.map((r) => (r.from === r.to ? r.from : `${r.from}–${r.to}`)).join(', ');
}

/**
 * Reads ranges as people type them: "3511-3514, 3581 AB; 3600" (commas, semicolons or new lines between ranges,
 * a hyphen or en dash inside one). Null when a piece is not a postcode.
 */
export function parsePostcodeRanges(text: string): PostcodeRange[] | null {
  const pieces = text
    .split(/[,;\n]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const ranges: PostcodeRange[] = [];
  for (const piece of pieces) {
    const [from = '', to, ...rest] = piece.split(/\s*[-–]\s*/);
    if (rest.length > 0) return null;
    const a = normalizePostcode(from);
    const b = normalizePostcode(to ?? from);
    if ((!PC4.test(a) && !PC6.test(a)) || (!PC4.test(b) && !PC6.test(b))) return null;
    ranges.push({ from: a, to: b });
  }
  return ranges;
}
