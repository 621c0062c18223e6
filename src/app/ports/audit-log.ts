import type { AuditEvent } from '../../domain/audit/audit-event.js';

/** Who did it, to what and when: every entry has these beside its event and details. */
export interface AuditMeta {
  readonly actorId: string | null;
  readonly actorName: string;
  readonly subjectType: 'action' | 'participant' | 'registration' | 'staff' | 'system' | 'mail';
  readonly subjectId: string | null;
  readonly at: Date;
}

/** An entry to write: a known event with the details of that event (domain/audit/audit-event.ts). */
export type AuditEntry = AuditMeta & AuditEvent;

/** Append-only: the store refuses changes to what was written. */
export interface AuditLog {
  append(entry: AuditEntry): Promise<void>;
}
