import type { CountryCode } from 'libphonenumber-js';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { CodeTarget } from '../../../app/self-service/code-target.js';
import { asMsisdn } from '../../../domain/participant/msisdn.js';
import type { SelfServiceTexts } from '../../../domain/messages/self-service-texts.js';
import {
  WEEKDAYS,
  canonicalTimeWindows,
  validateTimeWindow,
  type TimeWindow,
} from '../../../domain/time-window/time-window.js';

export type FormBody = Readonly<Record<string, string | readonly string[] | undefined>>;
export type FieldErrors = Record<string, string>;

/** The first value of a form field, trimmed and cut to a sane length (the server never trusts the browser's maxlength). */
export function field(body: FormBody | undefined, name: string, max = 300): string {
  const value = body?.[name];
  const first = typeof value === 'string' ? value : value?.[0];
  return (first ?? '')
    .replace(/\u0000/g, '')
    .trim()
    .slice(0, max);
}

export function fields(body: FormBody | undefined, name: string): string[] {
  const value = body?.[name];
  return (typeof value === 'string' ? [value] : (value ?? [])).map((v) => v.trim()).slice(0, 20);
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,189}\.[^\s@]{2,}$/;

export function readEmail(text: string): string | null {
  return text.length <= 254 && EMAIL.test(text) ? text.toLowerCase() : null;
}

/** A number as people type it ("06 1234 5678"), in the countries that may register; with its country for the code rules. */
export function readPhone(
  text: string,
  countries: readonly CountryCode[],
): Extract<CodeTarget, { kind: 'phone' }> | null {
  if (text.length < 6 || text.length > 25) return null;
  const parsed = parsePhoneNumberFromString(text, 'NL');
  if (parsed === undefined || !parsed.isValid() || parsed.country === undefined || !countries.includes(parsed.country))
    return null;
  const type = parsed.getType();
  const kind =
    type === 'MOBILE' ? 'mobile' : type === 'FIXED_LINE' || type === 'FIXED_LINE_OR_MOBILE' ? 'fixed' : 'other';
  return { kind: 'phone', phone: { msisdn: asMsisdn(parsed.number), kind }, country: parsed.country };
}

export interface AddressValues {
  readonly postcode: string;
  readonly houseNumber: number;
  readonly houseNumberAddition: string | null;
}

/** Postcode, huisnummer and toevoeging; errors go to `errors` under the field names. */
export function readAddress(
  body: FormBody | undefined,
  texts: SelfServiceTexts,
  errors: FieldErrors,
): AddressValues | null {
  const postcode = field(body, 'postcode', 20).replace(/\s+/g, '').toUpperCase();
  if (!/^[1-9]\d{3}[A-Z]{2}$/.test(postcode)) errors.postcode = texts.errors.postcode;
  const houseNumberText = field(body, 'huisnummer', 20);
  const houseNumber = /^\d{1,5}$/.test(houseNumberText) ? Number(houseNumberText) : NaN;
  if (!(houseNumber >= 1 && houseNumber <= 99_999)) errors.huisnummer = texts.errors.houseNumber;
  const addition = field(body, 'toevoeging', 30)
    .replace(/[\s-]+/g, '')
    .toUpperCase();
  if (addition !== '' && !/^[A-Z0-9]{1,10}$/.test(addition)) errors.toevoeging = texts.errors.addition;
  if (errors.postcode || errors.huisnummer || errors.toevoeging) return null;
  return { postcode, houseNumber, houseNumberAddition: addition === '' ? null : addition };
}

/** Days (checkboxes) with one span "van"–"tot"; no days: always. */
export function readTimeWindows(
  body: FormBody | undefined,
  texts: SelfServiceTexts,
  errors: FieldErrors,
): TimeWindow[] | null {
  const days = fields(body, 'dagen').filter((d): d is (typeof WEEKDAYS)[number] =>
    (WEEKDAYS as readonly string[]).includes(d),
  );
  if (days.length === 0) return [];
  const from = field(body, 'van', 10);
  const to = field(body, 'tot', 10);
  const timePattern = /^\d{1,2}:\d{2}$/;
  if (!timePattern.test(from)) errors.van = texts.errors.time;
  if (!timePattern.test(to)) errors.tot = texts.errors.time;
  if (errors.van || errors.tot) return null;
  const windows: TimeWindow[] = [];
  for (const day of days) {
    const checked = validateTimeWindow({ day, from, to });
    if (!checked.ok) {
      if (checked.error.code === 'time-window.empty-window') errors.tot = texts.errors.timeOrder;
      else errors.van = texts.errors.time;
      return null;
    }
    windows.push(checked.value);
  }
  return canonicalTimeWindows(windows);
}

/** The parsed urlencoded form of a page request (the web scope parses it). */
export function bodyOf(request: { readonly body: unknown }): FormBody | undefined {
  return typeof request.body === 'object' && request.body !== null ? (request.body as FormBody) : undefined;
}

/** One query-string value (never personal data: tokens, flags). */
export function queryValue(request: { readonly query: unknown }, name: string): string | undefined {
  const value =
    typeof request.query === 'object' && request.query !== null
      ? (request.query as Record<string, unknown>)[name]
      : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** The `:id` route parameter, validated by the route's schema. */
export function idParam(request: { readonly params: unknown }): string {
  const id = (request.params as { id?: unknown }).id;
  return typeof id === 'string' ? id : '';
}
