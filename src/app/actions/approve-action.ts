import { scopeOfArea } from '../../domain/action/geographic-scope.js';
import { mayRunActionsFor, type Staff } from '../../domain/staff/staff.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { ActionDeps } from './action-deps.js';

export interface Approval {
  readonly actionId: string;
  readonly version: number;
  /** The meldkamer that approved: the action's own (a second centralist) or another one its area reaches. */
  readonly meldkamerCode: string;
  readonly approvedBy: string;
  readonly approvedAt: string;
}

/**
 * Approves the concept as it is now (a revision needs a new approval). A second centralist of the action's own
 * meldkamer approves its type or its size; a centralist of another meldkamer approves for their region, and only
 * when the area reaches into it beyond the margin. With `expectedVersion` (the version the approver saw), a
 * concept revised since then is not approved.
 */
export async function approveAction(
  deps: Pick<ActionDeps, 'store' | 'clock' | 'geography'>,
  staff: Staff,
  actionId: string,
  expectedVersion: number | null = null,
): Promise<Result<Approval>> {
  const at = deps.clock.now();
  return deps.store.transaction(async (stores) => {
    // Locked, so that the approval is recorded for the version that is current when it commits.
    const action = await stores.actions.findActionForUpdate(actionId);
    if (action === null) return fail({ code: 'action.not-found' });
    const own = mayRunActionsFor(staff, action.meldkamerCode);
    const region = own ? null : regionOf(staff);
    if (!own && (region === null || !action.reachesMeldkamers.includes(region)))
      return fail({ code: 'auth.forbidden' });
    if (action.status !== 'concept')
      return fail({ code: 'action.wrong-status', actionStatus: action.status, allowed: ['concept'] });
    if (expectedVersion !== null && expectedVersion !== action.version)
      return fail({ code: 'action.stale-version', currentVersion: action.version });
    const approval = { actionId, version: action.version, approvedBy: staff.id, approvedAt: at.toISOString() };
    if (region === null) {
      if (action.createdBy === staff.id) return fail({ code: 'action.approval-by-self' });
      await stores.actionTypeSettings.approve({
        actionId,
        actionVersion: action.version,
        approvedBy: staff.id,
        approvedAt: at,
      });
      await stores.audit.append({
        actorId: staff.id,
        actorName: staff.name,
        event: 'action.approved',
        subjectType: 'action',
        subjectId: actionId,
        details: { version: action.version },
        at,
      });
      return ok({ ...approval, meldkamerCode: action.meldkamerCode });
    }
    // Another meldkamer approves only what reaches its region beyond the margin: the rest is not theirs to decide.
    if (!scopeOfArea(deps.geography, action.area, action.meldkamerCode).needsApprovalOf.includes(region))
      return fail({ code: 'auth.forbidden' });
    await stores.regionApprovals.approve({
      actionId,
      actionVersion: action.version,
      meldkamerCode: region,
      approvedBy: staff.id,
      approvedAt: at,
    });
    await stores.audit.append({
      actorId: staff.id,
      actorName: staff.name,
      event: 'action.region-approved',
      subjectType: 'action',
      subjectId: actionId,
      details: { number: action.number, version: action.version, meldkamerCode: region },
      at,
    });
    return ok({ ...approval, meldkamerCode: region });
  });
}

/** The meldkamer a police staff member approves for; null for anyone else. */
function regionOf(staff: Staff): string | null {
  switch (staff.role) {
    case 'centralist':
    case 'meldkamer-beheer':
      return staff.scope.kind === 'meldkamer' ? staff.scope.meldkamerCode : null;
    case 'landelijk-beheer':
    case 'gemeente':
    case 'gemeente-beheer':
      return null;
  }
}
