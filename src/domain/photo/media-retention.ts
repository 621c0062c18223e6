import type { Action } from '../action/action.js';

const DAY_MS = 86_400_000;

/**
 * When the photo and the tips of an action may no longer be kept: its retention after the action ended. An
 * active action keeps them; a concept that never started counts from its last change.
 */
export function mediaExpiresAt(
  action: Pick<Action, 'status' | 'endedAt' | 'updatedAt' | 'publication'>,
  defaultRetentionDays: number,
): Date | null {
  const days = action.publication.mediaRetentionDays ?? defaultRetentionDays;
  switch (action.status) {
    case 'actief':
      return null;
    case 'concept':
      return new Date(action.updatedAt.getTime() + days * DAY_MS);
    case 'afgesloten':
    case 'ingetrokken':
      return action.endedAt === null ? null : new Date(action.endedAt.getTime() + days * DAY_MS);
  }
}
