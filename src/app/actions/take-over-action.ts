import type { Action } from '../../domain/action/action.js';
import { mayRunActionsFor, type Staff } from '../../domain/staff/staff.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { ActionDeps } from './action-deps.js';

/**
 * A centralist opens a live action of their meldkamer in the console, to carry on with it (after a reload, on
 * another machine, or taking over from a colleague). Taking over someone else's action is written to the audit
 * log; opening one's own is not a change and writes nothing.
 */
export async function takeOverAction(
  deps: Pick<ActionDeps, 'store' | 'clock'>,
  staff: Staff,
  actionId: string,
): Promise<Result<Action>> {
  return deps.store.transaction(async (stores) => {
    const action = await stores.actions.findAction(actionId);
    if (action === null) return fail({ code: 'action.not-found' });
    if (!mayRunActionsFor(staff, action.meldkamerCode)) return fail({ code: 'auth.forbidden' });
    if (action.status !== 'actief') {
      return fail({ code: 'action.wrong-status', actionStatus: action.status, allowed: ['actief'] });
    }
    if (action.startedBy !== staff.id) {
      await stores.audit.append({
        actorId: staff.id,
        actorName: staff.name,
        event: 'action.taken-over',
        details: { number: action.number, startedBy: action.startedBy },
        subjectType: 'action',
        subjectId: action.id,
        at: deps.clock.now(),
      });
    }
    return ok(action);
  });
}
