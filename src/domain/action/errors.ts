import type { AreaProblem } from '../area/area.js';
import type { ActionResult } from './action-result.js';
import type { ActionStatus } from './action-status.js';
import type { ActionType } from './action-type.js';

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
  | { readonly code: 'action.stale-version'; readonly currentVersion: number }
  /** A text still holds a template field such as `[naam]`. */
  | { readonly code: 'action.unfilled-template-field'; readonly fields: readonly string[] }
  /** A widening that does not hold all of the current area (it would move the alert). */
  | { readonly code: 'action.widening-must-contain' }
  | {
      readonly code: 'action.result-not-for-type';
      readonly type: ActionType;
      readonly allowed: readonly ActionResult[];
    };

/** A second centralist's approval (Burgernetplein). */
export type ApprovalError =
  { readonly code: 'action.approval-required' } | { readonly code: 'action.approval-by-self' };
