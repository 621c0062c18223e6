import { widenAction as widenActionRule, type Action } from '../../domain/action/action.js';
import { noteMeldkamersReached, scopeOfArea, type AreaScope } from '../../domain/action/geographic-scope.js';
import type { Area } from '../../domain/area/area.js';
import { actionFacts } from '../../domain/audit/audit-event.js';
import type { Staff } from '../../domain/staff/staff.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { ActionDeps } from './action-deps.js';
import { areaChangeGate } from './approval-gates.js';
import { changeAction } from './change-action.js';

/**
 * Widens the area: a new targeting run sends the alert to numbers in the new area not reached yet. A widening
 * beyond the region's margin (into a region whose meldkamer did not approve the action) or above the caps is refused.
 */
export async function widenAction(
  deps: ActionDeps,
  staff: Staff,
  actionId: string,
  area: Area,
): Promise<Result<Action>> {
  let scope: AreaScope | null = null;
  const outcome = await changeAction(deps, staff, actionId, {
    decide: (action, at) => {
      const widened = widenActionRule(action, area, at);
      if (!widened.ok) return widened;
      scope = scopeOfArea(deps.geography, area, action.meldkamerCode);
      return ok(noteMeldkamersReached(widened.value, scope.touches));
    },
    checkDecided: (stores, _widened, current, at) => areaChangeGate(deps.geography, stores, current, area, scope!, at),
    effects: async (stores, widened, _previous, at) => {
      const alert = (await stores.actions.listMessages(widened.id)).find((m) => m.kind === 'alert');
      if (alert === undefined) throw new Error(`active action ${widened.id} has no alert message`);
      await stores.dispatch.insertTargetingRun(
        { id: deps.ids.newId(), actionId: widened.id, messageId: alert.id, area, evaluatedAt: at },
        at,
      );
    },
    audit: (a) => ({ event: 'action.widened', details: { ...actionFacts(a), area } }),
    event: { kind: 'action.widened' },
  });
  if (!outcome.ok) return fail(outcome.error);
  deps.wakeup.targetingQueued();
  return ok(outcome.value.action);
}
