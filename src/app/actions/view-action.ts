import type { Action } from '../../domain/action/action.js';
import { areaCovers } from '../../domain/area/area-covers.js';
import { mayViewAction } from '../../domain/action/action-visibility.js';
import type { Staff } from '../../domain/staff/staff.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { ActionMessage, ActionSearch } from '../ports/action-repository.js';
import type { ActionProgress, TargetedArea } from '../ports/dispatch-repository.js';
import type { ContactChannel } from '../../domain/participant/registration.js';
import type { VoiceCallCounts } from '../ports/voice-call-repository.js';
import { summarisePushProgress, type PushProgress } from '../../domain/push/push-progress.js';
import type { ActionDeps } from './action-deps.js';

/** Delivery counts per channel, and the app notifications' numbers (`push`). */
export type ActionProgressView = ActionProgress & { readonly push: PushProgress; readonly calls: VoiceCallCounts };

export interface ActionView {
  readonly action: Action;
  readonly messages: readonly ActionMessage[];
  readonly progress: ActionProgressView;
  /** Every area the alert went to, oldest first: the start, widenings, moves. */
  readonly areas: readonly (TargetedArea & { readonly change: AreaChange })[];
  /** People per message (by its id) and channel. */
  readonly peoplePerMessage: ReadonlyMap<string, Readonly<Record<ContactChannel, number>>>;
}

async function progressOf(deps: Pick<ActionDeps, 'store'>, actionId: string): Promise<ActionProgressView> {
  const [progress, fanouts, calls] = await Promise.all([
    deps.store.dispatch.progress(actionId),
    deps.store.pushFanouts.fanoutsOf(actionId),
    deps.store.voiceCalls.callCounts(actionId),
  ]);
  return { ...progress, push: summarisePushProgress(fanouts), calls };
}

export async function viewAction(
  deps: Pick<ActionDeps, 'store'>,
  staff: Staff,
  actionId: string,
): Promise<Result<ActionView>> {
  const action = await deps.store.actions.findAction(actionId);
  if (action === null) return fail({ code: 'action.not-found' });
  if (!mayViewAction(staff, action)) return fail({ code: 'auth.forbidden' });
  const [messages, progress, areas, peoplePerMessage] = await Promise.all([
    deps.store.actions.listMessages(action.id),
    progressOf(deps, action.id),
    deps.store.dispatch.targetedAreas(action.id),
    deps.store.dispatch.peoplePerMessage(action.id),
  ]);
  return ok({ action, messages, progress, areas: withChanges(areas), peoplePerMessage });
}

/** How each area came about: the first is the start; one that holds the one before widened it; else it moved. */
export type AreaChange = 'start' | 'widened' | 'moved';

function withChanges(areas: readonly TargetedArea[]): (TargetedArea & { readonly change: AreaChange })[] {
  return areas.map((a, i) => {
    const before = areas[i - 1];
    const change: AreaChange = before === undefined ? 'start' : areaCovers(a.area, before.area) ? 'widened' : 'moved';
    return { ...a, change };
  });
}

export async function actionProgress(
  deps: Pick<ActionDeps, 'store'>,
  staff: Staff,
  actionId: string,
): Promise<Result<ActionProgressView & { status: Action['status'] }>> {
  const action = await deps.store.actions.findAction(actionId);
  if (action === null) return fail({ code: 'action.not-found' });
  if (!mayViewAction(staff, action)) return fail({ code: 'auth.forbidden' });
  return ok({ status: action.status, ...(await progressOf(deps, action.id)) });
}

/**
 * Police staff search their own meldkamer's actions and those of other meldkamers that reached into its region
 * (read-only); national beheer searches all.
 */
export async function searchActions(
  deps: Pick<ActionDeps, 'store'>,
  staff: Staff,
  search: Omit<ActionSearch, 'meldkamerCode'> & { readonly meldkamerCode: string | null },
): Promise<Result<{ readonly items: readonly Action[]; readonly total: number }>> {
  if (staff.role === 'landelijk-beheer')
    return ok(await deps.store.actions.searchActions({ ...search, visibleTo: null }));
  if (staff.scope.kind !== 'meldkamer') return fail({ code: 'auth.forbidden' });
  const own = staff.scope.meldkamerCode;
  if (search.meldkamerCode !== null && search.meldkamerCode !== own) return fail({ code: 'auth.forbidden' });
  return ok(await deps.store.actions.searchActions({ ...search, visibleTo: own }));
}
