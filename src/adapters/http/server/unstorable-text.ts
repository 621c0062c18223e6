import type { Catalogue } from '../../../domain/messages/catalogue.js';
import type { FieldError } from './request-error.js';

/**
 * A string no text field can hold: U+0000 (PostgreSQL refuses it in text and jsonb, so it would fail in the database
 * as a 500) or half of a UTF-16 surrogate pair (not a character: PostgreSQL refuses it, PGlite stores it, and no SMS
 * or mail can carry it). Returns the first such string's path in the request, or null.
 */
export function unstorableText(value: unknown, root: string, catalogue: Catalogue): FieldError | null {
  const pending: [unknown, string][] = [[value, root]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [item, path] = next;
    if (typeof item === 'string') {
      if (item.includes('\u0000')) return { path: path || '/', message: catalogue.problemDetails.textNulCharacter };
      if (!item.isWellFormed()) return { path: path || '/', message: catalogue.problemDetails.textLoneSurrogate };
    } else if (typeof item === 'object' && item !== null) {
      for (const [key, child] of Object.entries(item)) pending.push([child, path === '' ? key : `${path}/${key}`]);
    }
  }
  return null;
}

/**
 * The same value with every string made storable: NUL removed, a lone surrogate replaced by U+FFFD. For pages:
 * a form is answered in HTML with what the person typed, so it is cleaned instead of refused.
 */
export function storableText(value: unknown): unknown {
  if (typeof value === 'string') return value.replaceAll('\u0000', '').toWellFormed();
  if (Array.isArray(value)) return value.map(storableText);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, child]) => [storableText(key) as string, storableText(child)]),
    );
  }
  return value;
}
