import { resultsForType, type ActionResult } from '../../domain/action/action-result.js';
import { ACTION_TYPES, type ActionType } from '../../domain/action/action-type.js';
import type { Catalogue } from '../../domain/messages/catalogue.js';
import { may } from '../../domain/staff/permissions.js';
import type { Staff } from '../../domain/staff/staff.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { ActionTypeSetting } from '../ports/action-type-settings.js';
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
