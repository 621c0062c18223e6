import type { Action } from '../../domain/action/action.js';
import { sizeExcess } from '../../domain/action/action-limits.js';
import { scopeOfArea, type ActionGeography, type AreaScope } from '../../domain/action/geographic-scope.js';
import type { Area } from '../../domain/area/area.js';
import type { AppError } from '../../domain/app-error.js';
import type { Staff } from '../../domain/staff/staff.js';
import type { Stores } from '../ports/stores.js';
import { countReach } from './count-reach.js';

/**
 * Before a start, on the locked concept: a second centralist of the meldkamer must have approved this version when
 * its type asks for it or its area or reach is above the caps (and the one who starts may not be that approver);
 * every other meldkamer whose region the area reaches beyond the margin must have approved it. Those still to
 * approve are asked at once, whatever else holds the start up: the request is written even when the start is refused.
 */
export async function startGate(
  geography: ActionGeography,
  stores: Stores,
  staff: Staff,
  concept: Action,
  at: Date,
): Promise<AppError | null> {
  const scope = scopeOfArea(geography, concept.area, concept.meldkamerCode);
  const size = sizeExcess(geography.limits, scope.areaKm2, await countReach(stores, concept.area, at));
  const typeNeedsApproval = (await stores.actionTypeSettings.list()).some(
    (s) => s.type === concept.type && s.requiresApproval,
  );
  const missing = await askMissingRegions(stores, staff, concept, scope, at);
  if (size !== null || typeNeedsApproval) {
    const approval = await stores.actionTypeSettings.approvalOf(concept.id, concept.version);
    if (approval === null) {
      return size !== null
        ? { code: 'action.size-approval-required', size, meldkamers: missing }
        : { code: 'action.approval-required' };
    }
    if (approval.approvedBy === staff.id) return { code: 'action.approval-by-self' };
  }
  if (missing.length > 0) {
    return {
      code: 'action.region-approval-required',
      meldkamers: missing,
      marginMetres: geography.limits.regionMarginMetres,
    };
  }
  return null;
}

/** The meldkamers still to approve this version; each not asked before is asked now (their console shows it). */
async function askMissingRegions(
  stores: Stores,
  staff: Staff,
  concept: Action,
  scope: AreaScope,
  at: Date,
): Promise<readonly string[]> {
  if (scope.needsApprovalOf.length === 0) return [];
  const approved = new Set(
    (await stores.regionApprovals.of(concept.id, concept.version))
      .filter((a) => a.approvedAt !== null)
      .map((a) => a.meldkamerCode),
  );
  const missing = scope.needsApprovalOf.filter((code) => !approved.has(code));
  const asked: string[] = [];
  for (const meldkamerCode of missing) {
    const request = { actionId: concept.id, actionVersion: concept.version, meldkamerCode };
    if (await stores.regionApprovals.request({ ...request, requestedBy: staff.id, requestedAt: at })) {
      asked.push(meldkamerCode);
    }
  }
  if (asked.length > 0) {
    await stores.audit.append({
      actorId: staff.id,
      actorName: staff.name,
      event: 'action.region-approval-requested',
      subjectType: 'action',
      subjectId: concept.id,
      details: { number: concept.number, version: concept.version, meldkamerCodes: asked },
      at,
    });
  }
  return missing;
}

/**
 * Before a widening or a move of a live action: the new area may reach beyond the margin only into regions whose
 * meldkamer approved the action, and the area and everyone reached so far and newly must stay within the caps.
 * Otherwise it is refused (a new action for the extra area can get the approvals); no approval of an area change.
 */
export async function areaChangeGate(
  geography: ActionGeography,
  stores: Stores,
  action: Action,
  area: Area,
  scope: AreaScope,
  at: Date,
): Promise<AppError | null> {
  const approved = await stores.regionApprovals.approvedEver(action.id);
  const missing = scope.needsApprovalOf.filter((code) => !approved.has(code));
  const reached = await stores.dispatch.reachedMsisdns(action.id);
  const size = sizeExcess(
    geography.limits,
    scope.areaKm2,
    reached.size + (await countReach(stores, area, at, reached)),
  );
  if (missing.length === 0 && size === null) return null;
  return {
    code: 'action.area-change-needs-approval',
    meldkamers: missing,
    marginMetres: geography.limits.regionMarginMetres,
    size,
  };
}
