import { stringify } from 'csv-stringify/sync';
import type { StoredAuditEntry } from '../../../app/ports/audit-search.js';

/** The audit export: one row per entry, details as JSON; cells starting with = + - @ are quoted against formula injection. */
export function auditCsv(entries: readonly StoredAuditEntry[]): string {
  const safe = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
  return stringify([
    ['id', 'tijdstip', 'actor_id', 'actor', 'gebeurtenis', 'onderwerp', 'onderwerp_id', 'details'],
    ...entries.map((e) => [
      String(e.id),
      e.at.toISOString(),
      e.actorId ?? '',
      safe(e.actorName),
      e.event,
      e.subjectType,
      e.subjectId ?? '',
      safe(JSON.stringify(e.details)),
    ]),
  ]);
}
