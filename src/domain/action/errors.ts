import type { AreaProblem } from '../area/area.js';
import type { ActionStatus } from './action-status.js';

/** Everything that can go wrong with an action as the rules see it; `code` is stable and documented. */
export type ActionError =
  | { readonly code: 'action.not-found' }
  | {
      readonly code: 'action.wrong-status';
      readonly actionStatus: ActionStatus;
      readonly allowed: readonly ActionStatus[];
    }
  | { readonly code: 'action.invalid-area'; readonly problem: AreaProblem }
  | { readonly code: 'action.instructions-required' }
  | { readonly code: 'action.missing-child-needs-vermissing' }
  | { readonly code: 'action.stale-version'; readonly currentVersion: number };

/** A second centralist's approval (Burgernetplein). */
export type ApprovalError =
  { readonly code: 'action.approval-required' } | { readonly code: 'action.approval-by-self' };
