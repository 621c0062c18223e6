import { MAIL_FIELDS, type MailField, type MailKind } from './mail-kind.js';

/** Whose template it is: the national defaults, or a gemeente's or meldkamer's own. */
export type TemplateOwner =
  | { readonly kind: 'landelijk' }
  | { readonly kind: 'gemeente'; readonly code: string }
  | { readonly kind: 'meldkamer'; readonly code: string };

/**
 * A template (sjabloon): a subject and a body of plain text with placeholders `{datum}`, `{straat}`… Blank lines
 * separate paragraphs, lines starting with "- " form a list. No markup of any kind: what a sender types is text.
 */
export interface MailTemplate {
  readonly id: string;
  readonly kind: MailKind;
  readonly owner: TemplateOwner;
  readonly name: string;
  readonly subject: string;
  readonly body: string;
  readonly updatedAt: Date;
}

export const TEMPLATE_LIMITS = { name: 100, subject: 150, body: 10_000 } as const;

export type TemplateProblem =
  | { readonly kind: 'unknown-placeholder'; readonly placeholder: string }
  | { readonly kind: 'too-long'; readonly part: 'name' | 'subject' | 'body' }
  | { readonly kind: 'empty'; readonly part: 'name' | 'subject' | 'body' }
  | { readonly kind: 'subject-lines' };

const PLACEHOLDER = /\{([a-z]+)\}/g;

export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

export function checkTemplate(t: {
  readonly name: string;
  readonly subject: string;
  readonly body: string;
}): TemplateProblem | null {
  for (const part of ['name', 'subject', 'body'] as const) {
    if (t[part].trim() === '') return { kind: 'empty', part };
    if (t[part].length > TEMPLATE_LIMITS[part]) return { kind: 'too-long', part };
  }
  if (/[\r\n]/.test(t.subject) || /[\r\n]/.test(t.name)) return { kind: 'subject-lines' };
  for (const placeholder of [...placeholdersIn(t.subject), ...placeholdersIn(t.body)]) {
    if (!(MAIL_FIELDS as readonly string[]).includes(placeholder)) return { kind: 'unknown-placeholder', placeholder };
  }
  return null;
}

/**
 * Puts the values in. A line whose placeholders are all empty goes ("Contact: {contact}" without a contact), so
 * optional fields leave no half sentences behind.
 */
export function fillPlaceholders(text: string, values: Readonly<Record<MailField, string>>): string {
  return text
    .split('\n')
    .flatMap((line) => {
      const names = placeholdersIn(line).filter((n) => (MAIL_FIELDS as readonly string[]).includes(n));
      if (names.length > 0 && names.every((n) => (values[n as MailField] ?? '') === '')) return [];
      return [
        line.replace(PLACEHOLDER, (whole, name: string) =>
          (MAIL_FIELDS as readonly string[]).includes(name) ? values[name as MailField] : whole,
        ),
      ];
    })
    .join('\n');
}

export function ownerEquals(a: TemplateOwner, b: TemplateOwner): boolean {
  return a.kind === b.kind && (a.kind === 'landelijk' || a.code === (b as { code: string }).code);
}
