import type { Audience } from './audience.js';
import type { FieldValues } from './mail-fields.js';
import type { MailKind } from './mail-kind.js';
import type { MailFigures, MailStatus } from './mail-status.js';
import type { TemplateOwner } from './mail-template.js';

/** A Burgernetmail: written from a template by a gemeente or the police, for an audience in their own scope. */
export interface Mail {
  readonly id: string;
  /** "M-2026-000042": what staff say to each other. */
  readonly number: string;
  readonly kind: MailKind;
  readonly templateId: string | null;
  /** The organisation that sends it (the sender's gemeente or meldkamer, or landelijk). */
  readonly owner: TemplateOwner;
  readonly subject: string;
  readonly body: string;
  readonly fields: FieldValues;
  readonly audience: Audience;
  readonly status: MailStatus;
  readonly scheduledAt: Date | null;
  readonly answerDays: number;
  readonly createdAt: Date;
  readonly createdBy: { readonly id: string; readonly name: string };
  readonly updatedAt: Date;
  readonly version: number;
  readonly queuedAt: Date | null;
  readonly finishedAt: Date | null;
  readonly stoppedAt: Date | null;
  /** The gemeenten its recipients live in, once queued. */
  readonly gemeenteCodes: readonly string[];
  readonly figures: MailFigures;
}
