import type { Staff } from '../../domain/staff/staff.js';
import type { ExportRow } from '../ports/relation-repository.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { Forbidden } from '../../domain/staff/errors.js';
import { mayUse } from '../participants/participant-scope.js';
import type { RelatiebeheerDeps } from './relatiebeheer-deps.js';

const PAGE = 2_000;

/**
 * The gemeente's participants for its own mailings, page by page (an export of 100,000 is never held at once).
 * Audited before the first row leaves, with who and why: an export cut short was still an export.
 */
export async function exportRelations(
  deps: RelatiebeheerDeps,
  staff: Staff,
  purpose: string,
): Promise<Result<AsyncIterable<readonly ExportRow[]>, Forbidden>> {
  if (!mayUse(staff, 'relatiebeheer')) return fail({ code: 'auth.forbidden' });
  await deps.store.audit.append({
    actorId: staff.id,
    actorName: staff.name,
    event: 'relatiebeheer.exported',
    subjectType: 'participant',
    subjectId: null,
    details: { purpose, scope: staff.scope },
    at: deps.clock.now(),
  });
  async function* pages(): AsyncIterable<readonly ExportRow[]> {
    let after: string | null = null;
    for (;;) {
      const rows = await deps.store.relations.exportPage(staff.scope, after, PAGE);
      if (rows.length === 0) return;
      yield rows;
      after = rows[rows.length - 1]!.participantId;
    }
  }
  return ok(pages());
}
