/**
 * Why staff ask for a tip's number to call back: to call the tipper back for the action, or to pass the
 * number on to a unit in the field. Written to the audit log with the read; the number itself never is.
 */
export type CallbackPurpose = 'callback' | 'forward-to-unit';
export const CALLBACK_PURPOSES: readonly CallbackPurpose[] = ['callback', 'forward-to-unit'];

/** The optional words staff add to the purpose. */
export const CALLBACK_NOTE_MAX_LENGTH = 200;
