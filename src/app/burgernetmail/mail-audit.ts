import type { Staff } from '../../domain/staff/staff.js';
import type { AuditLog } from '../ports/audit-log.js';

/** Writes a staff member's Burgernetmail event in the audit log. */
export function auditMail(audit: AuditLog, staff: Staff, event: string, mailId: string | null, details: Readonly<Record<string, unknown>>, at: Date): Promise<void> {
  return audit.append({ actorId: staff.id, actorName: staff.name, event, subjectType: 'mail', subjectId: mailId, details, at });
}

/** An attempt outside the sender's gemeente or region: refused (403) and written down, who and what. */
export function auditDenied(audit: AuditLog, staff: Staff, attempted: string, mailId: string | null, details: Readonly<Record<string, unknown>>, at: Date): Promise<void> {
  return auditMail(audit, staff, 'mail.denied', mailId, { attempted, scope: staff.scope, ...details }, at);
}
