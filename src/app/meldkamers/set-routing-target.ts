import { mayManageMeldkamer, type Staff } from '../../domain/staff/staff.js';
import { fail, ok, type Result } from '../../domain/result.js';
import { auditActor } from '../audit-actor.js';
import type { Clock } from '../ports/clock.js';
import type { Store } from '../ports/stores.js';

/**
 * Beheer sets where 0800-0011 puts callers through for a meldkamer (a SIP URI or +E.164 number). `staff` null is
 * the operator on the command line.
 */
export async function setRoutingTarget(
  deps: { readonly store: Store; readonly clock: Clock },
  staff: Staff | null,
  code: string,
  target: string,
): Promise<Result<void>> {
  if (staff !== null && !mayManageMeldkamer(staff, code)) return fail({ code: 'auth.forbidden' });
  return deps.store.transaction(async (stores) => {
    if (!(await stores.meldkamers.setRoutingTarget(code, target))) return fail({ code: 'meldkamer.not-found' });
    await stores.audit.append({
      ...auditActor(staff),
      event: 'meldkamer.routing-changed',
      subjectType: 'system',
      subjectId: code,
      details: { target },
      at: deps.clock.now(),
    });
    return ok(undefined);
  });
}
