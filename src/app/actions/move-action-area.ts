import { moveActionArea as moveActionAreaRule, type Action } from '../../domain/action/action.js';
import { noteMeldkamersReached, scopeOfArea, type AreaScope } from '../../domain/action/geographic-scope.js';
import type { Area } from '../../domain/area/area.js';
import { actionFacts } from '../../domain/audit/audit-event.js';
import type { Staff } from '../../domain/staff/staff.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { ActionDeps } from './action-deps.js';
import { areaChangeGate } from './approval-gates.js';
import { changeAction } from './change-action.js';

/**
 * Moves the area ("gebied verplaatsen"): a new targeting run sends the alert to people in the new area not
 * reached yet; the audit keeps both areas, so the old one can still be drawn and explained.
 */
export async function moveActionArea(
  deps: ActionDeps,
  staff: Staff,
  actionId: string,
  area: Area,
): Promise<Result<Action>> {
  let from: Area | null = null;
  let scope: AreaScope | null = null;
  const outcome = await changeAction(deps, staff, actionId, {
    decide: (action, at) => {
      from = action.area;
      const moved = moveActionAreaRule(action, area, at);
      if (!moved.ok) return moved;
      scope = scopeOfArea(deps.geography, area, action.meldkamerCode);
      return ok(noteMeldkamersReached(moved.value, scope.touches));
    },
    // Checked as a widening is: the same margin, approvals and caps.
    checkDecided: (stores, _moved, current, at) => areaChangeGate(deps.geography, stores, current, area, scope!, at),
    effects: async (stores, moved, _previous, at) => {
      const alert = (await stores.actions.listMessages(moved.id)).find((m) => m.kind === 'alert');
      if (alert === undefined) throw new Error(`active action ${moved.id} has no alert message`);
      await stores.dispatch.insertTargetingRun(
        { id: deps.ids.newId(), actionId: moved.id, messageId: alert.id, area, evaluatedAt: at },
        at,
      );
    },
    audit: (a) => ({ event: 'action.area-moved', details: { ...actionFacts(a), from: from ?? a.area, area } }),
    event: { kind: 'action.area-moved' },
  });
  if (!outcome.ok) return fail(outcome.error);
  deps.wakeup.targetingQueued();
  return ok(outcome.value.action);
}
