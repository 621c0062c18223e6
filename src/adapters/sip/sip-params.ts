import { tokenPattern } from './sip-headers.js';

/** Header or URI parameters (";branch=z9hG4bK…;rport"): lower-case names, values as written (null: no "="). */
export type SipParams = ReadonlyMap<string, string | null>;

const valuePattern = /^(?:[A-Za-z0-9\-.!%*_+`'~:[\]/&=$@?]+|"(?:[^"\\\r\n]|\\[^\r\n])*")$/;

/**
 * Reads ";a=b;c" (the leading ";" optional). Returns null when a name is not a token or a value is not a
 * token, host or quoted string; the caller turns that into its own parse error.
 */
export function parseParams(text: string): Map<string, string | null> | null {
  const params = new Map<string, string | null>();
  const trimmed = text.trim();
  if (trimmed === '') return params;
  const body = trimmed.startsWith(';') ? trimmed.slice(1) : trimmed;
  for (const part of splitOutsideQuotes(body, ';')) {
    const eq = part.indexOf('=');
    const name = (eq === -1 ? part : part.slice(0, eq)).trim();
    const value = eq === -1 ? null : part.slice(eq + 1).trim();
    if (!tokenPattern.test(name)) return null;
    if (value !== null && !valuePattern.test(value)) return null;
    params.set(name.toLowerCase(), value);
  }
  return params;
}

export function formatParams(params: SipParams): string {
  let out = '';
  for (const [name, value] of params) out += value === null ? `;${name}` : `;${name}=${value}`;
  return out;
}

/** Splits on a separator that is not inside a quoted string. */
export function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '\\') i++;
      else if (ch === '"') inQuotes = false;
    } else if (ch === '"') inQuotes = true;
    else if (ch === separator) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}
