import type { Audience } from '../../../domain/mail/audience.js';
import type { FieldValues } from '../../../domain/mail/mail-fields.js';
import type { MailKind } from '../../../domain/mail/mail-kind.js';
import type { MailStatus } from '../../../domain/mail/mail-status.js';
import type { MailTemplate, TemplateOwner } from '../../../domain/mail/mail-template.js';
import type { Mail } from '../../../domain/mail/mail.js';

export interface OwnerColumns {
  owner_kind: TemplateOwner['kind'];
  owner_code: string | null;
}

export function ownerOf(row: OwnerColumns): TemplateOwner {
  return row.owner_kind === 'landelijk' ? { kind: 'landelijk' } : { kind: row.owner_kind, code: row.owner_code ?? '' };
}

export function ownerColumns(owner: TemplateOwner): [string, string | null] {
  return [owner.kind, owner.kind === 'landelijk' ? null : owner.code];
}

export interface TemplateRow extends OwnerColumns {
  id: string;
  kind: MailKind;
  name: string;
  subject: string;
  body: string;
  updated_at: Date;
}

export function toTemplate(r: TemplateRow): MailTemplate {
  return {
    id: r.id,
    kind: r.kind,
    owner: ownerOf(r),
    name: r.name,
    subject: r.subject,
    body: r.body,
    updatedAt: new Date(r.updated_at),
  };
}

export interface MailRow extends OwnerColumns {
  id: string;
  number: string;
  kind: MailKind;
  template_id: string | null;
  subject: string;
  body: string;
  fields: FieldValues;
  audience: Audience;
  status: MailStatus;
  scheduled_at: Date | null;
  answer_days: number;
  created_at: Date;
  created_by: string;
  created_by_name: string;
  updated_at: Date;
  version: number;
  queued_at: Date | null;
  finished_at: Date | null;
  stopped_at: Date | null;
  gemeente_codes: string[];
  recipients: number;
  sent: number;
  delivered: number;
  bounced: number;
  failed: number;
  skipped: number;
  cancelled: number;
  unsubscribed: number;
  answered: number;
}

const date = (d: Date | null): Date | null => (d === null ? null : new Date(d));

export function toMail(r: MailRow): Mail {
  return {
    id: r.id,
    number: r.number,
    kind: r.kind,
    templateId: r.template_id,
    owner: ownerOf(r),
    subject: r.subject,
    body: r.body,
    fields: r.fields,
    audience: r.audience,
    status: r.status,
    scheduledAt: date(r.scheduled_at),
    answerDays: r.answer_days,
    createdAt: new Date(r.created_at),
    createdBy: { id: r.created_by, name: r.created_by_name },
    updatedAt: new Date(r.updated_at),
    version: r.version,
    queuedAt: date(r.queued_at),
    finishedAt: date(r.finished_at),
    stoppedAt: date(r.stopped_at),
    gemeenteCodes: r.gemeente_codes ?? [],
    figures: {
      recipients: r.recipients,
      sent: r.sent,
      delivered: r.delivered,
      bounced: r.bounced,
      failed: r.failed,
      skipped: r.skipped,
      cancelled: r.cancelled,
      unsubscribed: r.unsubscribed,
      answered: r.answered,
    },
  };
}
