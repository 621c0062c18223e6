import type { Catalogue } from '../messages/catalogue.js';
import type { Action } from './action.js';

/** What a call to a voice participant says for the alert (the SMS text is written for reading, this for listening). */
export function composeAlertSpeech(
  action: Pick<Action, 'type' | 'message' | 'description' | 'instructions'>,
  catalogue: Catalogue,
): string {
  return action.type === 'noodsituatie'
    ? catalogue.voice.emergency({ message: action.message.trim(), instructions: (action.instructions ?? '').trim() })
    : catalogue.voice.alert({ message: action.message.trim(), description: action.description?.trim() || null });
}

export function composeUpdateSpeech(text: string, catalogue: Catalogue): string {
  return catalogue.voice.update({ text: text.trim() });
}

export function composeClosingSpeech(
  action: Pick<Action, 'type' | 'result' | 'closingText' | 'status'>,
  catalogue: Catalogue,
): string {
  if (action.status === 'ingetrokken')
    return catalogue.voice.closing({ text: action.closingText?.trim() || catalogue.sms.withdrawn });
  const text =
    action.closingText?.trim() ||
    (action.result ? catalogue.sms.defaultClosing({ type: action.type, result: action.result }) : '');
  return catalogue.voice.closing({ text });
}
