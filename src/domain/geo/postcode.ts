/**
 * A Dutch postcode in its canonical form "1234AB": four digits (no leading zero) and two capitals.
 * Returns null for anything else; accepts a space and lower case ("1234 ab").
 */
export function normalizePostcode(text: string): string | null {
  const match = /^\s*([1-9]\d{3})\s*([a-zA-Z]{2})\s*$/.exec(text);
  if (match === null) return null;
  const [, digits = '', letters = ''] = match;
  return `${digits}${letters.toUpperCase()}`;
}

/** The four-digit area ("1234") of a canonical postcode. */
export const pc4Of = (postcode: string): string => postcode.slice(0, 4);
