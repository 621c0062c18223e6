import { assertNever } from '../assert-never.js';
import { MESSAGE_KINDS, type MessageKind } from './message-kind.js';

/**
 * Whether the end of an action stops a message of this kind that is still queued: its alerts and updates are
 * not sent any more; its closing message is what the end sends.
 */
export function stoppedByActionEnd(kind: MessageKind): boolean {
  switch (kind) {
    case 'alert':
    case 'update':
      return true;
    case 'closing':
      return false;
    default:
      return assertNever(kind);
  }
}

export const KINDS_STOPPED_BY_ACTION_END: readonly MessageKind[] = MESSAGE_KINDS.filter(stoppedByActionEnd);
