import type { Action } from '../../domain/action/action.js';
import { may } from '../../domain/staff/permissions.js';
import type { Staff } from '../../domain/staff/staff.js';
import type { ActionDeps } from './action-deps.js';

/** At most this many requests are shown at once: more waiting is a matter for a phone call, not a list. */
const SHOWN = 20;

/**
 * Other meldkamers' concepts that wait for this staff member's meldkamer to approve them (a start was held up for
 * it), newest first: what their console shows. Nothing for staff who do not approve or have no meldkamer.
 */
export async function approvalRequests(deps: Pick<ActionDeps, 'store'>, staff: Staff): Promise<readonly Action[]> {
  if (staff.scope.kind !== 'meldkamer' || !may(staff, 'actions.approve')) return [];
  const open = await deps.store.regionApprovals.openRequests(staff.scope.meldkamerCode, SHOWN);
  const actions = await Promise.all(open.map((r) => deps.store.actions.findAction(r.actionId)));
  return actions.filter((a): a is Action => a !== null);
}
