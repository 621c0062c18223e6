import { checkArea, type Area } from '../area/area.js';
import { areaCovers } from '../area/area-covers.js';
import { resultFitsType, resultsForType, type ActionResult } from './action-result.js';
import { unfilledTemplateFields } from './template-fields.js';
import { priorityOf, type ActionType, type Priority } from './action-type.js';
import { fail, ok, type Result } from '../result.js';
import type { ActionError } from './errors.js';
import { DEFAULT_PUBLICATION, type Publication } from './publication.js';

import type { ActionStatus } from './action-status.js';

export { ACTION_STATUSES, type ActionStatus } from './action-status.js';

export interface Action {
  readonly id: string;
  readonly number: string;
  readonly type: ActionType;
  readonly meldkamerCode: string;
  /**
   * The other meldkamers whose region one of its areas touched (see geographic-scope.ts): they see the action,
   * read-only. A concept's are those of its current area; a live action keeps every one it reached.
   */
  readonly reachesMeldkamers: readonly string[];
  readonly status: ActionStatus;
  /** A missing child: dispatched before everything but a noodsituatie. */
  readonly missingChild: boolean;
  readonly priority: Priority;
  readonly message: string;
  /** Description of the person or vehicle to look out for. */
  readonly description: string | null;
  /** For a noodsituatie: what people must do for their own safety. */
  readonly instructions: string | null;
  readonly area: Area;
  /** What the app and the public page may show. */
  readonly publication: Publication;
  readonly result: ActionResult | null;
  readonly closingText: string | null;
  readonly createdAt: Date;
  readonly createdBy: string;
  readonly startedAt: Date | null;
  readonly startedBy: string | null;
  readonly endedAt: Date | null;
  readonly endedBy: string | null;
  readonly updatedAt: Date;
  readonly version: number;
}

export interface ActionDraft {
  readonly type: ActionType;
  readonly missingChild: boolean;
  readonly message: string;
  readonly description: string | null;
  readonly instructions: string | null;
  readonly area: Area;
  /** Absent: public, with the alert message as its text (DEFAULT_PUBLICATION), or unchanged when revising. */
  readonly publication?: Publication;
}

export const MESSAGE_MAX_LENGTH = 600;
export const DESCRIPTION_MAX_LENGTH = 400;
export const INSTRUCTIONS_MAX_LENGTH = 400;
export const CLOSING_TEXT_MAX_LENGTH = 400;

function checkDraft(draft: ActionDraft): Result<ActionDraft, ActionError> {
  const areaProblem = checkArea(draft.area);
  if (areaProblem !== null) return fail({ code: 'action.invalid-area', problem: areaProblem });
  if (draft.type === 'noodsituatie' && (draft.instructions ?? '').trim() === '') {
    return fail({ code: 'action.instructions-required' });
  }
  if (draft.missingChild && draft.type !== 'vermissing') return fail({ code: 'action.missing-child-needs-vermissing' });
  return ok(draft);
}

export function createAction(
  draft: ActionDraft,
  ids: { readonly id: string; readonly number: string },
  meldkamerCode: string,
  by: string,
  at: Date,
): Result<Action, ActionError> {
  const checked = checkDraft(draft);
  if (!checked.ok) return checked;
  return ok({
    ...ids,
    ...draft,
    publication: draft.publication ?? DEFAULT_PUBLICATION,
    meldkamerCode,
    reachesMeldkamers: [],
    status: 'concept',
    priority: priorityOf(draft.type, draft.missingChild),
    result: null,
    closingText: null,
    createdAt: at,
    createdBy: by,
    startedAt: null,
    startedBy: null,
    endedAt: null,
    endedBy: null,
    updatedAt: at,
    version: 1,
  });
}

function requireStatus(action: Action, allowed: readonly ActionStatus[]): Result<Action, ActionError> {
  return allowed.includes(action.status)
    ? ok(action)
    : fail({ code: 'action.wrong-status', actionStatus: action.status, allowed });
}

const bump = (action: Action, at: Date, changes: Partial<Action>): Action => ({
  ...action,
  ...changes,
  updatedAt: at,
  version: action.version + 1,
});

/** A concept can be changed freely until it starts. */
export function reviseConcept(action: Action, draft: ActionDraft, at: Date): Result<Action, ActionError> {
  const allowed = requireStatus(action, ['concept']);
  if (!allowed.ok) return allowed;
  const checked = checkDraft(draft);
  if (!checked.ok) return checked;
  return ok(
    bump(action, at, {
      ...draft,
      publication: draft.publication ?? action.publication,
      priority: priorityOf(draft.type, draft.missingChild),
    }),
  );
}

export function startAction(action: Action, by: string, at: Date): Result<Action, ActionError> {
  const allowed = requireStatus(action, ['concept']);
  if (!allowed.ok) return allowed;
  const unfilled = unfilledTemplateFields(
    [action.message, action.description, action.instructions, action.publication.publicText].join('\n'),
  );
  if (unfilled.length > 0) return fail({ code: 'action.unfilled-template-field', fields: unfilled });
  return ok(bump(action, at, { status: 'actief', startedAt: at, startedBy: by }));
}

/** Widening: the new area is where the alert goes next; those already reached are not messaged again. */
export function widenAction(action: Action, area: Area, at: Date): Result<Action, ActionError> {
  const allowed = requireStatus(action, ['actief']);
  if (!allowed.ok) return allowed;
  const problem = checkArea(area);
  if (problem !== null) return fail({ code: 'action.invalid-area', problem });
  // Widening never moves the alert: the new area holds all of the current one.
  if (!areaCovers(area, action.area)) return fail({ code: 'action.widening-must-contain' });
  return ok(bump(action, at, { area }));
}

/**
 * Moving the area: the alert goes to the new place, for people there not reached yet; those reached in the old
 * area stay part of the action (they get its updates and closing message). A different step from widening,
 * which the console asks to confirm with the number of new people.
 */
export function moveActionArea(action: Action, area: Area, at: Date): Result<Action, ActionError> {
  const allowed = requireStatus(action, ['actief']);
  if (!allowed.ok) return allowed;
  const problem = checkArea(area);
  if (problem !== null) return fail({ code: 'action.invalid-area', problem });
  return ok(bump(action, at, { area }));
}

export function closeAction(
  action: Action,
  result: ActionResult,
  closingText: string,
  by: string,
  at: Date,
): Result<Action, ActionError> {
  const allowed = requireStatus(action, ['actief']);
  if (!allowed.ok) return allowed;
  if (!resultFitsType(action.type, result)) {
    return fail({ code: 'action.result-not-for-type', type: action.type, allowed: resultsForType(action.type) });
  }
  const unfilled = unfilledTemplateFields(closingText);
  if (unfilled.length > 0) return fail({ code: 'action.unfilled-template-field', fields: unfilled });
  return ok(bump(action, at, { status: 'afgesloten', result, closingText, endedAt: at, endedBy: by }));
}

/** Withdrawing stops an action started by mistake (or a concept that will not go out). */
export function withdrawAction(
  action: Action,
  closingText: string | null,
  by: string,
  at: Date,
): Result<Action, ActionError> {
  const allowed = requireStatus(action, ['concept', 'actief']);
  if (!allowed.ok) return allowed;
  return ok(bump(action, at, { status: 'ingetrokken', closingText, endedAt: at, endedBy: by }));
}

/** What the public may see can change at any time, also after the end (to withdraw a text or a photo). */
export function changePublication(action: Action, publication: Publication, at: Date): Result<Action, ActionError> {
  return ok(bump(action, at, { publication }));
}

/** A vervolgbericht changes nothing but the action's time of last change. */
export function noteUpdateSent(action: Action, text: string, at: Date): Result<Action, ActionError> {
  const allowed = requireStatus(action, ['actief']);
  if (!allowed.ok) return allowed;
  const unfilled = unfilledTemplateFields(text);
  if (unfilled.length > 0) return fail({ code: 'action.unfilled-template-field', fields: unfilled });
  return ok(bump(action, at, {}));
}
