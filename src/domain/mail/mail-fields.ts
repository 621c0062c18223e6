import { FIELD_MAX_LENGTH, KIND_FIELDS, fieldsOf, type MailField, type MailKind } from './mail-kind.js';

export type FieldValues = Readonly<Partial<Record<MailField, string>>>;

export type FieldProblem =
  'required' | 'too-long' | 'invalid-date' | 'invalid-time' | 'control-characters' | 'not-for-kind';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
// Tabs and new lines may stand in a description; other control characters never reach a mail.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/;
const SINGLE_LINE_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

function isRealDate(value: string): boolean {
  const m = DATE.exec(value);
  if (m === null) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * Checks the field values of a mail of this kind: every required field filled (when `complete`), each value within
 * its length, dates and times well-formed, no control characters (a subject or a street is one line).
 * Returns the problems per field; empty when all is well.
 */
export function checkFields(
  kind: MailKind,
  values: FieldValues,
  complete: boolean,
): Partial<Record<MailField, FieldProblem>> {
  const problems: Partial<Record<MailField, FieldProblem>> = {};
  const allowed = fieldsOf(kind);
  for (const [name, value] of Object.entries(values) as [MailField, string | undefined][]) {
    if (value === undefined || value === '') continue;
    if (!allowed.includes(name)) problems[name] = 'not-for-kind';
    else if (value.length > FIELD_MAX_LENGTH[name]) problems[name] = 'too-long';
    else if ((name === 'omschrijving' ? CONTROL : SINGLE_LINE_CONTROL).test(value))
      problems[name] = 'control-characters';
    else if (name === 'datum' && !isRealDate(value)) problems[name] = 'invalid-date';
    else if (name === 'tijd' && !TIME.test(value)) problems[name] = 'invalid-time';
  }
  if (complete) {
    for (const name of KIND_FIELDS[kind].required) {
      if ((values[name] ?? '').trim() === '' && problems[name] === undefined) problems[name] = 'required';
    }
  }
  return problems;
}

const WEEKDAYS = ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'];
const MONTHS = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];

/** "2026-05-12" → "dinsdag 12 mei 2026" (a calendar date: no time zone involved). */
export function dutchDate(value: string): string {
  const m = DATE.exec(value);
  if (m === null || !isRealDate(value)) return value;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return `${WEEKDAYS[date.getUTCDay()]} ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** The values as a mail shows them: dates written out, times with "uur", the rest as typed (trimmed). */
export function displayValues(values: FieldValues): Readonly<Record<MailField, string>> {
  const text = (name: MailField) => (values[name] ?? '').trim();
  return {
    datum: text('datum') === '' ? '' : dutchDate(text('datum')),
    tijd: text('tijd') === '' ? '' : `${text('tijd')} uur`,
    straat: text('straat'),
    plaats: text('plaats'),
    omschrijving: text('omschrijving'),
    contact: text('contact'),
  };
}
