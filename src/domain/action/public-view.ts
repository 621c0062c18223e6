import type { Area } from '../area/area.js';
import type { Action } from './action.js';
import type { ActionResult } from './action-result.js';
import type { ActionType } from './action-type.js';

/** The statuses the public sees; a concept never leaves the meldkamer. */
export type PublicStatus = 'actief' | 'afgesloten' | 'ingetrokken';

/** Whom "Bel politie" calls: the meldkamer that runs the action, or 112 when the action says so. */
export type CallTarget = 'meldkamer' | '112';

/**
 * What the app and the public page show of an action. Only what the meldkamer made public; when a missing
 * person is found (or the search ends) the details about them go, and a withdrawn action shows only that it
 * was withdrawn.
 */
export interface PublicView {
  readonly id: string;
  readonly number: string;
  readonly type: ActionType;
  readonly missingChild: boolean;
  readonly status: PublicStatus;
  readonly meldkamerCode: string;
  /** The appeal: the public text or the alert message; null once it may no longer be shown. */
  readonly text: string | null;
  readonly description: string | null;
  readonly instructions: string | null;
  /** Null for a withdrawn action: there is nothing to look out for. */
  readonly area: Area | null;
  readonly showPhoto: boolean;
  /** Null when the action is no longer active: calling or sending a tip is for an active action. */
  readonly call: CallTarget | null;
  readonly acceptsTips: boolean;
  readonly startedAt: Date;
  readonly endedAt: Date | null;
  readonly updatedAt: Date;
  readonly result: ActionResult | null;
  readonly closingText: string | null;
}

/** The public view of an action, or null when the public may not see it at all. */
export function publicViewOf(action: Action): PublicView | null {
  if (!action.publication.public || action.startedAt === null) return null;
  const base = {
    id: action.id,
    number: action.number,
    type: action.type,
    missingChild: action.missingChild,
    meldkamerCode: action.meldkamerCode,
    startedAt: action.startedAt,
    endedAt: action.endedAt,
    updatedAt: action.updatedAt,
  };
  const text = action.publication.publicText?.trim() || action.message;
  switch (action.status) {
    case 'concept':
      return null;
    case 'actief':
      return {
        ...base,
        status: 'actief',
        text,
        description: action.description,
        instructions: action.instructions,
        area: action.area,
        showPhoto: true,
        call: action.publication.call112 ? '112' : 'meldkamer',
        acceptsTips: true,
        result: null,
        closingText: null,
      };
    case 'afgesloten': {
      // A missing person's appeal is about them: once it ends, their description and photo are not shown any more.
      const aboutAPerson = action.type === 'vermissing';
      return {
        ...base,
        status: 'afgesloten',
        text: aboutAPerson ? null : text,
        description: aboutAPerson ? null : action.description,
        instructions: null,
        area: action.area,
        showPhoto: !aboutAPerson,
        call: null,
        acceptsTips: false,
        result: action.result,
        closingText: action.closingText,
      };
    }
    case 'ingetrokken':
      return {
        ...base,
        status: 'ingetrokken',
        text: null,
        description: null,
        instructions: null,
        area: null,
        showPhoto: false,
        call: null,
        acceptsTips: false,
        result: null,
        closingText: action.closingText,
      };
  }
}
