import type { MailAnswer } from '../../../app/ports/mail-store.js';

const HEADER = ['ontvangen', 'tekst', 'wanneer', 'waar', 'naam', 'telefoon', 'e-mail', 'foto'];

/** A cell: quoted, quotes doubled, and a leading = + - @ defused so that a spreadsheet never runs it as a formula. */
function cell(value: string | null): string {
  const text = value ?? '';
  const defused = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${defused.replace(/"/g, '""')}"`;
}

/** The answers to one mail as CSV (semicolons, as Dutch spreadsheets expect; a BOM for Excel). */
export function answersCsv(answers: readonly MailAnswer[]): string {
  const lines = [HEADER.map(cell).join(';')];
  for (const a of answers) {
    lines.push(
      [
        a.receivedAt.toISOString(),
        a.text,
        a.seenWhen,
        a.seenWhere,
        a.contact.name,
        a.contact.phone,
        a.contact.email,
        a.photo === null ? 'nee' : 'ja',
      ]
        .map(cell)
        .join(';'),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
