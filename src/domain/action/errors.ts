import type { AreaProblem } from '../area/area.js';
import type { ActionStatus } from './action-status.js';

/** Everything that can go wrong with an action as the rules see it; `code` is stable and documented. */
export type ActionError =
  | { readonly code: 'action.not-found' }
  | { readonly code: 'action.wrong-status'; readonly actionStatus: ActionStatus; readonly allowed: readonly ActionStatus[] }
  | { readonly code: 'action.invalid-area'; readonly problem: AreaProblem }
  | { readonly code: 'action.instructions-required' }
  | { readonly code: 'action.missing-child-needs-vermissing' }
  | { readonly code: 'action.stale-version'; readonly currentVersion: number };

export type ActionOutcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ActionError };

export const ok = <T>(value: T): ActionOutcome<T> => ({ ok: true, value });
export const fail = <T = never>(error: ActionError): ActionOutcome<T> => ({ ok: false, error });
