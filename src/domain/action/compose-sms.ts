import type { Catalogue } from '../messages/catalogue.js';
import type { Action } from './action.js';

/** The text of the first SMS of an action, as participants will read it. */
export function composeAlertSms(
  action: Pick<Action, 'type' | 'message' | 'description' | 'instructions'>,
  catalogue: Catalogue,
): string {
  return action.type === 'noodsituatie'
    ? catalogue.sms.emergency({ message: action.message.trim(), instructions: (action.instructions ?? '').trim() })
    : catalogue.sms.alert({ message: action.message.trim(), description: action.description?.trim() || null });
}

export function composeUpdateSms(text: string, catalogue: Catalogue): string {
  return catalogue.sms.update({ text: text.trim() });
}

export function composeClosingSms(
  action: Pick<Action, 'type' | 'result' | 'closingText' | 'status'>,
  catalogue: Catalogue,
): string {
  if (action.status === 'ingetrokken')
    return catalogue.sms.closing({ text: action.closingText?.trim() || catalogue.sms.withdrawn });
  const text =
    action.closingText?.trim() ||
    (action.result ? catalogue.sms.defaultClosing({ type: action.type, result: action.result }) : '');
  return catalogue.sms.closing({ text });
}
