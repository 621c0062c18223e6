import type { AuditEvent } from '../../domain/audit/audit-event.js';
import type { Staff } from '../../domain/staff/staff.js';
import type { AuditLog } from '../ports/audit-log.js';

export type MailAuditEvent = Extract<AuditEvent, { readonly event: `mail.${string}` }>;

/** Writes a staff member's Burgernetmail event in the audit log. */
export function auditMail(
  audit: AuditLog,
  staff: Staff,
  mailId: string | null,
  entry: MailAuditEvent,
  at: Date,
): Promise<void> {
  return audit.append({
    actorId: staff.id,
    actorName: staff.name,
    ...entry,
    subjectType: 'mail',
    subjectId: mailId,
    at,
  });
}

/** An attempt outside the sender's gemeente or region: refused (403) and written down, who and what. */
export function auditDenied(
  audit: AuditLog,
  staff: Staff,
  attempted: string,
  mailId: string | null,
  details: Record<string, never> | { readonly templateId: string } | { readonly gemeenteCode: string },
  at: Date,
): Promise<void> {
  return auditMail(
    audit,
    staff,
    mailId,
    { event: 'mail.denied', details: { attempted, scope: staff.scope, ...details } },
    at,
  );
}
