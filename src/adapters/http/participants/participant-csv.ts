import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { CountryCode } from 'libphonenumber-js';
import type { ImportRow, ReadRow, RowProblem } from '../../../app/relatiebeheer/import-relations.js';
import type { ExportRow } from '../../../app/ports/relation-repository.js';
import { formatTimeWindows, parseTimeWindowSpec } from '../../../domain/time-window/time-window.js';
import { parsePhoneNumber } from '../server/phone-number.js';

/** The columns of an import (and an export): what gemeenten keep in their own files. */
export const IMPORT_COLUMNS = [
  'naam',
  'postcode',
  'huisnummer',
  'toevoeging',
  'telefoon',
  'kanaal',
  'e-mail',
  'tijden',
] as const;
const REQUIRED = ['naam', 'postcode', 'huisnummer', 'telefoon'] as const;

export interface CsvTexts {
  readonly missingColumns: (columns: string) => string;
  readonly tooManyRows: (max: number) => string;
  readonly unreadable: string;
  readonly required: string;
  readonly name: string;
  readonly postcode: string;
  readonly houseNumber: string;
  readonly addition: string;
  readonly phone: string;
  readonly channel: string;
  readonly email: string;
  readonly times: string;
}

/** `tooManyRows`: the file has more than `maxRows` rows (it was not read further). */
export type CsvOutcome =
  | { readonly ok: true; readonly rows: ReadRow[] }
  | { readonly ok: false; readonly problem: string; readonly tooManyRows?: true };

/** "E-mail", "e_mail", "Email " all name the column e-mail; "huisnr" the house number. */
function columnName(header: string): string {
  const plain = header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  const aliases: Record<string, string> = {
    email: 'e-mail',
    'e-mailadres': 'e-mail',
    huisnr: 'huisnummer',
    telefoonnummer: 'telefoon',
    mobiel: 'telefoon',
    toev: 'toevoeging',
    'huisnummer-toevoeging': 'toevoeging',
    tijdvensters: 'tijden',
  };
  return aliases[plain] ?? plain;
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,189}\.[^\s@]{2,}$/;

/**
 * Reads an import file as it streams in: UTF-8 (a byte-order mark is fine), separated by ; or , with a header
 * row. Each row becomes a checked ImportRow or its problems per column; the addresses are placed later.
 */
export async function readParticipantCsv(
  input: Readable,
  options: { readonly phoneCountries: readonly CountryCode[]; readonly maxRows: number; readonly texts: CsvTexts },
): Promise<CsvOutcome> {
  const t = options.texts;
  const parser = input.pipe(
    parse({
      bom: true,
      delimiter: [';', ','],
      columns: (headers: string[]) => headers.map(columnName),
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      max_record_size: 10_000,
    }),
  );
  // pipe() does not pass errors on: an input that fails (too large, cut off) must end the reading too.
  input.on('error', (error) => parser.destroy(error));
  const rows: ReadRow[] = [];
  let checkedHeader = false;
  try {
    for await (const record of parser as AsyncIterable<Record<string, string | undefined>>) {
      if (!checkedHeader) {
        const missing = REQUIRED.filter((c) => !(c in record));
        if (missing.length > 0) return { ok: false, problem: t.missingColumns(missing.join(', ')) };
        checkedHeader = true;
      }
      if (rows.length >= options.maxRows)
        return { ok: false, problem: t.tooManyRows(options.maxRows), tooManyRows: true };
      // Line numbers as a spreadsheet shows them: the header is line 1.
      rows.push(readRow(record, rows.length + 2, options.phoneCountries, t));
    }
  } catch {
    return { ok: false, problem: t.unreadable };
  }
  if (!checkedHeader) return { ok: false, problem: t.missingColumns(REQUIRED.join(', ')) };
  return { ok: true, rows };
}

function readRow(
  record: Record<string, string | undefined>,
  line: number,
  countries: readonly CountryCode[],
  t: CsvTexts,
): ReadRow {
  const problems: RowProblem[] = [];
  const value = (column: string) => (record[column] ?? '').trim();
  const name = value('naam');
  if (name === '' || name.length > 200 || name.includes('\u0000'))
    problems.push({ column: 'naam', message: name === '' ? t.required : t.name });
  const postcode = value('postcode').replace(/\s+/g, '').toUpperCase();
  if (!/^[1-9]\d{3}[A-Z]{2}$/.test(postcode))
    problems.push({ column: 'postcode', message: postcode === '' ? t.required : t.postcode });
  const houseNumberText = value('huisnummer');
  const houseNumber = /^\d{1,5}$/.test(houseNumberText) ? Number(houseNumberText) : NaN;
  if (!(houseNumber >= 1 && houseNumber <= 99_999))
    problems.push({ column: 'huisnummer', message: houseNumberText === '' ? t.required : t.houseNumber });
  const additionText = value('toevoeging')
    .replace(/[\s-]+/g, '')
    .toUpperCase();
  if (additionText !== '' && !/^[A-Z0-9]{1,10}$/.test(additionText))
    problems.push({ column: 'toevoeging', message: t.addition });
  const phoneText = value('telefoon');
  const phone = phoneText === '' || phoneText.length > 25 ? null : parsePhoneNumber(phoneText, countries);
  if (phone === null) problems.push({ column: 'telefoon', message: phoneText === '' ? t.required : t.phone });
  const channelText = value('kanaal').toLowerCase();
  const channel =
    channelText === '' || channelText === 'sms'
      ? 'sms'
      : ['voice', 'spraak', 'bellen', 'vast'].includes(channelText)
        ? 'voice'
        : null;
  if (channel === null) problems.push({ column: 'kanaal', message: t.channel });
  const emailText = value('e-mail');
  if (emailText !== '' && (emailText.length > 254 || !EMAIL.test(emailText)))
    problems.push({ column: 'e-mail', message: t.email });
  const times = parseTimeWindowSpec(value('tijden'));
  if (!times.ok) problems.push({ column: 'tijden', message: t.times });
  if (problems.length > 0 || phone === null || channel === null || !times.ok) return { line, problems };
  const row: ImportRow = {
    name,
    email: emailText === '' ? null : emailText.toLowerCase(),
    phone,
    channel,
    address: { postcode, houseNumber, houseNumberAddition: additionText === '' ? null : additionText },
    timeWindows: times.value,
  };
  return { line, row };
}

/** A cell as a spreadsheet reads it safely: no formula (=, +, -, @ at the start is quoted away). */
function cell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^\+\d{7,15}$/.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const EXPORT_HEADER = [...IMPORT_COLUMNS, 'e-mail bevestigd', 'plaats', 'gemeente'].join(';') + '\r\n';

/** Export rows in the import's columns (so a file can go back in), separated by ; as Dutch spreadsheets expect. */
export function exportCsvLines(rows: readonly ExportRow[]): string {
  return rows
    .map(
      (r) =>
        [
          r.name,
          r.registration.address.postcode,
          r.registration.address.houseNumber,
          r.registration.address.houseNumberAddition,
          r.registration.msisdn,
          r.registration.channel,
          r.email,
          formatTimeWindows(r.registration.timeWindows),
          r.emailConfirmed ? 'ja' : 'nee',
          r.registration.city,
          r.registration.gemeenteCode,
        ]
          .map(cell)
          .join(';') + '\r\n',
    )
    .join('');
}
