import type { StoredAuditEntry } from '../../../app/ports/audit-search.js';
import type { PleinTexts } from '../../../domain/messages/plein-texts.js';

/** An audit event's name as staff read it; an event the catalogue does not know is shown as its name. */
export function auditEventLabel(t: PleinTexts, event: string): string {
  // Read back from the log: an event of an older version is a plain string.
  return (t.auditEvents as Readonly<Record<string, string | undefined>>)[event] ?? event;
}

export function formatDateTime(at: Date): string {
  return new Intl.DateTimeFormat('nl-NL', {
    dateStyle: 'short',
    timeStyle: 'medium',
    timeZone: 'Europe/Amsterdam',
  }).format(at);
}

/** Details as short text; purposes and codes only (entries hold no personal data beyond ids). */
export function auditDetails(entry: StoredAuditEntry): string {
  return Object.entries(entry.details)
    .filter(([, v]) => v !== null && v !== undefined && typeof v !== 'object')
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(', ');
}
