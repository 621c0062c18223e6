import { noteUpdateSent, type Action } from '../../domain/action/action.js';
import { composeUpdateSpeech } from '../../domain/action/compose-speech.js';
import { composeUpdateSms } from '../../domain/action/compose-sms.js';
import { actionFacts } from '../../domain/audit/audit-event.js';
import type { Staff } from '../../domain/staff/staff.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { ActionDeps } from './action-deps.js';
import { changeAction } from './change-action.js';

/** A vervolgbericht goes to everyone the alert reached or is about to reach. */
export async function sendUpdate(
  deps: ActionDeps,
  staff: Staff,
  actionId: string,
  text: string,
): Promise<Result<{ action: Action; recipients: number }>> {
  const outcome = await changeAction(deps, staff, actionId, {
    decide: (action, at) => noteUpdateSent(action, text, at),
    effects: async (stores, action, _previous, at) => {
      const ordinal = (await stores.actions.listMessages(action.id)).length + 1;
      const message = {
        id: deps.ids.newId(),
        actionId: action.id,
        ordinal,
        kind: 'update' as const,
        text: composeUpdateSms(text, deps.catalogue),
        spokenText: composeUpdateSpeech(text, deps.catalogue),
        createdAt: at,
        createdBy: staff.id,
      };
      await stores.actions.insertMessage(message);
      return stores.dispatch.enqueueForReached(message, at);
    },
    audit: (a) => ({ event: 'action.update-sent', details: { ...actionFacts(a), text } }),
    event: { kind: 'action.updated', updateText: text },
  });
  if (!outcome.ok) return fail(outcome.error);
  deps.wakeup.deliveriesQueued('sms');
  deps.wakeup.deliveriesQueued('voice');
  return ok({ action: outcome.value.action, recipients: outcome.value.effect ?? 0 });
}
