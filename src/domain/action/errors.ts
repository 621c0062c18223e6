import type { AreaProblem } from '../area/area.js';
import type { ActionResult } from './action-result.js';
import type { ActionStatus } from './action-status.js';
import type { ActionType } from './action-type.js';
import type { SizeExcess } from './action-limits.js';

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

/**
 * A second centralist's approval (Burgernetplein): for a type that asks for it, for an area or reach above the
 * caps (a colleague of the same meldkamer), and for an area reaching beyond the margin into another meldkamer's
 * region (a centralist of that meldkamer).
 */
export type ApprovalError =
  | { readonly code: 'action.approval-required' }
  | { readonly code: 'action.approval-by-self' }
  | {
      readonly code: 'action.size-approval-required';
      readonly size: SizeExcess;
      /** Other meldkamers whose approval is needed too (asked at the same time). */
      readonly meldkamers: readonly string[];
    }
  | {
      readonly code: 'action.region-approval-required';
      /** The meldkamers still to approve; each was asked (their console shows the request). */
      readonly meldkamers: readonly string[];
      readonly marginMetres: number;
    }
  /** A widening or move that would need an approval: refused, a new action for the extra area can get one. */
  | {
      readonly code: 'action.area-change-needs-approval';
      readonly meldkamers: readonly string[];
      readonly marginMetres: number;
      readonly size: SizeExcess | null;
    };
