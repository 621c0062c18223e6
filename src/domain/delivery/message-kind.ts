/**
 * What a message of an action is: the alert, an update (vervolgbericht) or the closing message (afloopbericht).
 * Mirrored by the CHECK on action_messages.kind.
 */
export type MessageKind = 'alert' | 'update' | 'closing';
export const MESSAGE_KINDS: readonly MessageKind[] = ['alert', 'update', 'closing'];
