import { displayValues, type FieldValues } from './mail-fields.js';
import { asksForAnswers, type MailKind } from './mail-kind.js';
import { fillPlaceholders } from './mail-template.js';

export type MailBlock =
  | { readonly kind: 'paragraph'; readonly lines: readonly string[] }
  | { readonly kind: 'list'; readonly items: readonly string[] };

/**
 * A mail as structure, not markup: the HTML and the plain-text part are both rendered from this one document
 * (adapters/burgernetmail), and every piece of it is text to be escaped there.
 */
export interface MailDocument {
  readonly kind: MailKind;
  readonly subject: string;
  readonly blocks: readonly MailBlock[];
  /** Who sends it, as the reader sees it: "Gemeente Utrecht", "Politie eenheid Midden-Nederland". */
  readonly senderName: string;
  /** A buurtonderzoek invites an answer through the reader's own link. */
  readonly asksForAnswers: boolean;
  /** How many days that link works. */
  readonly answerDays: number;
}

/** Blank lines separate blocks; a block whose lines all start with "- " is a list. */
export function blocksOf(text: string): MailBlock[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((chunk) =>
      chunk
        .split('\n')
        .map((l) => l.trimEnd())
        .filter((l) => l.trim() !== ''),
    )
    .filter((lines) => lines.length > 0)
    .map((lines): MailBlock =>
      lines.every((l) => /^\s*[-•*] /.test(l))
        ? { kind: 'list', items: lines.map((l) => l.replace(/^\s*[-•*] /, '')) }
        : { kind: 'paragraph', lines },
    );
}

/** The subject as readers see it, its fields filled in. */
export function filledSubject(mail: { readonly subject: string; readonly fields: FieldValues }): string {
  return fillPlaceholders(mail.subject, displayValues(mail.fields)).replace(/\s+/g, ' ').trim();
}

/** Fills a mail's subject and body with its field values and splits the body into blocks. */
export function composeMailDocument(mail: {
  readonly kind: MailKind;
  readonly subject: string;
  readonly body: string;
  readonly fields: FieldValues;
  readonly senderName: string;
  readonly answerDays: number;
}): MailDocument {
  const values = displayValues(mail.fields);
  return {
    kind: mail.kind,
    subject: filledSubject(mail),
    blocks: blocksOf(fillPlaceholders(mail.body, values)),
    senderName: mail.senderName,
    asksForAnswers: asksForAnswers(mail.kind),
    answerDays: mail.answerDays,
  };
}
