import { moveActionArea as moveActionAreaRule, type Action } from '../../domain/action/action.js';
import type { Area } from '../../domain/area/area.js';
import { actionFacts } from '../../domain/audit/audit-event.js';
import type { Staff } from '../../domain/staff/staff.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { ActionDeps } from './action-deps.js';
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
  const outcome = await changeAction(deps, staff, actionId, {
    decide: (action, at) => {
      from = action.area;
      return moveActionAreaRule(action, area, at);
    },
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
