import { may } from '../../domain/staff/permissions.js';
import type { Staff } from '../../domain/staff/staff.js';
import type { AuditQuery, StoredAuditEntry } from '../ports/audit-search.js';
import type { AuthDeps } from './auth-deps.js';
import type { AuthError } from '../../domain/staff/errors.js';
import { fail, ok, type Result } from '../../domain/result.js';

/**
 * Beheer searches the audit log within its scope: the entries of staff of its meldkamer or gemeente
 * (national beheer: all). An export is itself audited.
 */
export async function searchAuditLog(
  deps: Pick<AuthDeps, 'store' | 'clock'>,
  staff: Staff,
  query: Omit<AuditQuery, 'meldkamerCode' | 'gemeenteCode'>,
  isExport: boolean,
): Promise<Result<{ readonly items: readonly StoredAuditEntry[]; readonly total: number }, AuthError>> {
  if (!may(staff, 'audit.view')) return fail({ code: 'auth.forbidden' });
  const result = await deps.store.auditSearch.search({
    ...query,
    meldkamerCode: staff.scope.kind === 'meldkamer' ? staff.scope.meldkamerCode : null,
    gemeenteCode: staff.scope.kind === 'gemeente' ? staff.scope.gemeenteCode : null,
  });
  if (isExport) {
    await deps.store.audit.append({
      actorId: staff.id,
      actorName: staff.name,
      event: 'audit.exported',
      subjectType: 'system',
      subjectId: null,
      details: {
        rows: result.items.length,
        event: query.event,
        from: query.from?.toISOString() ?? null,
        to: query.to?.toISOString() ?? null,
      },
      at: deps.clock.now(),
    });
  }
  return ok(result);
}
