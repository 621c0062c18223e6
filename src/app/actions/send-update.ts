import { noteUpdateSent, type Action } from '../../domain/action/action.js';
import { composeUpdateSpeech } from '../../domain/action/compose-speech.js';
import { composeUpdateSms } from '../../domain/action/compose-sms.js';
import type { Staff } from '../../domain/staff/staff.js';
import { failure, type Outcome } from '../errors.js';
import type { ActionDeps } from './action-deps.js';
import { changeAction } from './change-action.js';

/** A vervolgbericht goes to everyone the alert reached or is about to reach. */
export async function sendUpdate(
  deps: ActionDeps,
  staff: Staff,
  actionId: string,
  text: string,
): Promise<Outcome<{ action: Action; recipients: number }>> {
  const outcome = await changeAction(deps, staff, actionId, {
    decide: (action, at) => noteUpdateSent(action, at),
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
    auditEvent: 'action.update-sent',
    event: { kind: 'action.updated', updateText: text },
    auditDetails: () => ({ text }),
  });
  if (!outcome.ok) return failure(outcome.error);
  deps.wakeup.deliveriesQueued('sms');
  deps.wakeup.deliveriesQueued('voice');
  return { ok: true, value: { action: outcome.value.action, recipients: outcome.value.effect ?? 0 } };
}
