import { widenAction as widenActionRule, type Action } from '../../domain/action/action.js';
import type { Area } from '../../domain/area/area.js';
import { actionFacts } from '../../domain/audit/audit-event.js';
import type { Staff } from '../../domain/staff/staff.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { ActionDeps } from './action-deps.js';
import { changeAction } from './change-action.js';

/** Widens the area: a new targeting run sends the alert to numbers in the new area not reached yet. */
export async function widenAction(
  deps: ActionDeps,
  staff: Staff,
  actionId: string,
  area: Area,
): Promise<Result<Action>> {
  const outcome = await changeAction(deps, staff, actionId, {
    decide: (action, at) => widenActionRule(action, area, at),
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
