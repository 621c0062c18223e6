import { mayManageMeldkamer, type Staff } from '../../domain/staff/staff.js';
import { failure, success, type Outcome } from '../errors.js';
import type { Clock } from '../ports/clock.js';
import type { Store } from '../ports/stores.js';

/** Beheer sets where 0800-0011 puts callers through for a meldkamer (a SIP URI or +E.164 number). */
export async function setRoutingTarget(deps: { readonly store: Store; readonly clock: Clock }, staff: Staff, code: string, target: string): Promise<Outcome<void>> {
  if (!mayManageMeldkamer(staff, code)) return failure({ code: 'auth.forbidden' });
  return deps.store.transaction(async (stores) => {
    if (!(await stores.meldkamers.setRoutingTarget(code, target))) return failure({ code: 'meldkamer.not-found' });
    await stores.audit.append({ actorId: staff.id, actorName: staff.name, event: 'meldkamer.routing-changed', subjectType: 'system', subjectId: code, details: { target }, at: deps.clock.now() });
    return success(undefined);
  });
}
