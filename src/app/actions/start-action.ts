import { startAction as startActionRule, type Action } from '../../domain/action/action.js';
import { composeAlertSpeech } from '../../domain/action/compose-speech.js';
import { composeAlertSms } from '../../domain/action/compose-sms.js';
import { actionFacts } from '../../domain/audit/audit-event.js';
import type { Staff } from '../../domain/staff/staff.js';
import { ok, type Result } from '../../domain/result.js';
import { startGate } from './approval-gates.js';
import type { ActionDeps } from './action-deps.js';
import { changeAction } from './change-action.js';

/**
 * Starts the action: its alert and the targeting run that selects recipients are recorded with the status
 * change, so that after a crash the run is finished rather than forgotten.
 */
export async function startAction(deps: ActionDeps, staff: Staff, actionId: string): Promise<Result<Action>> {
  const outcome = await changeAction(deps, staff, actionId, {
    decide: (action, at) => startActionRule(action, staff.id, at),
    // Checked on the locked row, in the start's own transaction: a revision cannot slip in between the check
    // and the start (the approvals belong to the version that is started).
    checkDecided: (stores, _started, concept, at) => startGate(deps.geography, stores, staff, concept, at),
    effects: async (stores, started, _previous, at) => {
      const messageId = deps.ids.newId();
      await stores.actions.insertMessage({
        id: messageId,
        actionId: started.id,
        ordinal: 1,
        kind: 'alert',
        text: composeAlertSms(started, deps.catalogue),
        spokenText: composeAlertSpeech(started, deps.catalogue),
        createdAt: at,
        createdBy: staff.id,
      });
      await stores.dispatch.insertTargetingRun(
        { id: deps.ids.newId(), actionId: started.id, messageId, area: started.area, evaluatedAt: at },
        at,
      );
    },
    audit: (a) => ({ event: 'action.started', details: actionFacts(a) }),
    event: { kind: 'action.started' },
  });
  if (!outcome.ok) return outcome;
  deps.wakeup.targetingQueued();
  return ok(outcome.value.action);
}
