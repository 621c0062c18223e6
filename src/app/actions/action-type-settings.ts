import type { Action } from '../../domain/action/action.js';
import { resultsForType, type ActionResult } from '../../domain/action/action-result.js';
import { ACTION_TYPES, type ActionType } from '../../domain/action/action-type.js';
import type { Catalogue } from '../../domain/messages/catalogue.js';
import { may } from '../../domain/staff/permissions.js';
import { mayRunActionsFor, type Staff } from '../../domain/staff/staff.js';
import type { AppError } from '../../domain/app-error.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { ActionTypeSetting } from '../ports/action-type-settings.js';
import type { Stores } from '../ports/stores.js';
import type { ActionDeps } from './action-deps.js';

export interface ActionTypeSettingView {
  readonly type: ActionType;
  readonly label: string;
  readonly template: string;
  readonly requiresApproval: boolean;
  /** The results an action of this type can close with (the console offers only these). */
  readonly results: readonly ActionResult[];
}

/** Every type with its template and approval rule: stored settings over the catalogue's defaults. */
export async function actionTypeSettings(
  deps: Pick<ActionDeps, 'store' | 'catalogue'>,
): Promise<ActionTypeSettingView[]> {
  const stored = new Map((await deps.store.actionTypeSettings.list()).map((s) => [s.type, s]));
  return ACTION_TYPES.map((type) => ({
    type,
    label: deps.catalogue.actionTypes[type],
    template: stored.get(type)?.template ?? defaultTemplate(deps.catalogue, type),
    requiresApproval: stored.get(type)?.requiresApproval ?? false,
    results: resultsForType(type),
  }));
}

function defaultTemplate(catalogue: Catalogue, type: ActionType): string {
  return catalogue.plein.templates[type];
}

/** Templates and approval rules are national: landelijk beheer changes them. */
export async function saveActionTypeSetting(
  deps: Pick<ActionDeps, 'store' | 'clock' | 'catalogue'>,
  staff: Staff,
  input: { readonly type: ActionType; readonly template: string; readonly requiresApproval: boolean },
): Promise<Result<ActionTypeSettingView>> {
  if (!may(staff, 'settings.manage') || staff.scope.kind !== 'landelijk') return fail({ code: 'auth.forbidden' });
  const at = deps.clock.now();
  const setting: ActionTypeSetting = {
    type: input.type,
    template: input.template.trim(),
    requiresApproval: input.requiresApproval,
    updatedAt: at,
  };
  await deps.store.transaction(async (stores) => {
    await stores.actionTypeSettings.save(setting, staff.id);
    await stores.audit.append({
      actorId: staff.id,
      actorName: staff.name,
      event: 'action-type.changed',
      subjectType: 'system',
      subjectId: input.type,
      details: { requiresApproval: input.requiresApproval, templateLength: setting.template.length },
      at,
    });
  });
  return ok({
    type: input.type,
    label: deps.catalogue.actionTypes[input.type],
    template: setting.template,
    requiresApproval: setting.requiresApproval,
    results: resultsForType(input.type),
  });
}

/**
 * A second centralist of the same meldkamer approves the concept as it is now (a revision needs a new one).
 * With `expectedVersion` (the version the approver saw), a concept revised since then is not approved.
 */
export async function approveAction(
  deps: Pick<ActionDeps, 'store' | 'clock'>,
  staff: Staff,
  actionId: string,
  expectedVersion: number | null = null,
): Promise<
  Result<{
    readonly actionId: string;
    readonly version: number;
    readonly approvedBy: string;
    readonly approvedAt: string;
  }>
> {
  const at = deps.clock.now();
  return deps.store.transaction(async (stores) => {
    // Locked, so that the approval is recorded for the version that is current when it commits.
    const action = await stores.actions.findActionForUpdate(actionId);
    if (action === null) return fail({ code: 'action.not-found' });
    if (!mayRunActionsFor(staff, action.meldkamerCode)) return fail({ code: 'auth.forbidden' });
    if (action.status !== 'concept')
      return fail({ code: 'action.wrong-status', actionStatus: action.status, allowed: ['concept'] });
    if (expectedVersion !== null && expectedVersion !== action.version)
      return fail({ code: 'action.stale-version', currentVersion: action.version });
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
    return ok({ actionId, version: action.version, approvedBy: staff.id, approvedAt: at.toISOString() });
  });
}

/**
 * Before a start, on the locked action: when the type asks for it, a second centralist must have approved this
 * version of the concept, and the one who starts may not be the one who approved.
 */
export async function approvalGate(
  stores: Pick<Stores, 'actionTypeSettings'>,
  staff: Staff,
  action: Action,
): Promise<AppError | null> {
  if (action.status !== 'concept') return null;
  const settings = await stores.actionTypeSettings.list();
  if (!settings.some((s) => s.type === action.type && s.requiresApproval)) return null;
  const approval = await stores.actionTypeSettings.approvalOf(action.id, action.version);
  if (approval === null) return { code: 'action.approval-required' };
  if (approval.approvedBy === staff.id) return { code: 'action.approval-by-self' };
  return null;
}
