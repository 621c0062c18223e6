import {
  closeAction as closeActionRule,
  withdrawAction as withdrawActionRule,
  type Action,
} from '../../domain/action/action.js';
import type { ActionResult } from '../../domain/action/action-result.js';
import { composeClosingSpeech } from '../../domain/action/compose-speech.js';
import { composeClosingSms } from '../../domain/action/compose-sms.js';
import { actionFacts } from '../../domain/audit/audit-event.js';
import type { Staff } from '../../domain/staff/staff.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { Stores } from '../ports/stores.js';
import type { ActionDeps } from './action-deps.js';
import { changeAction } from './change-action.js';

export interface EndedAction {
  readonly action: Action;
  /** How many numbers get the closing message. */
  readonly recipients: number;
  /** Queued alerts and updates that will not be sent any more. */
  readonly cancelled: number;
}

/** Closes with a result: what is still queued is not sent; everyone reached gets the afloopbericht. */
export function closeAction(
  deps: ActionDeps,
  staff: Staff,
  actionId: string,
  result: ActionResult,
  closingText: string | null,
): Promise<Result<EndedAction>> {
  return endAction(deps, staff, actionId, 'action.closed', (action, at) =>
    closeActionRule(
      action,
      result,
      closingText?.trim() || deps.catalogue.sms.defaultClosing({ type: action.type, result }),
      staff.id,
      at,
    ),
  );
}

/** Withdraws an action started by mistake (people reached are told) or a concept that will not go out. */
export function withdrawAction(
  deps: ActionDeps,
  staff: Staff,
  actionId: string,
  closingText: string | null,
): Promise<Result<EndedAction>> {
  return endAction(deps, staff, actionId, 'action.withdrawn', (action, at) =>
    withdrawActionRule(action, closingText?.trim() || null, staff.id, at),
  );
}

async function endAction(
  deps: ActionDeps,
  staff: Staff,
  actionId: string,
  auditEvent: 'action.closed' | 'action.withdrawn',
  decide: Parameters<typeof changeAction>[3]['decide'],
): Promise<Result<EndedAction>> {
  const outcome = await changeAction(deps, staff, actionId, {
    decide,
    effects: (stores, ended, previous, at) => afterEnd(deps, stores, ended, previous, at, staff),
    event: { kind: auditEvent },
    audit: (a) => ({ event: auditEvent, details: { ...actionFacts(a), result: a.result, closingText: a.closingText } }),
  });
  if (!outcome.ok) return fail(outcome.error);
  const effect = outcome.value.effect ?? { recipients: 0, cancelled: 0 };
  if (effect.recipients > 0) {
    deps.wakeup.deliveriesQueued('sms');
    deps.wakeup.deliveriesQueued('voice');
  }
  return ok({ action: outcome.value.action, ...effect });
}

async function afterEnd(deps: ActionDeps, stores: Stores, ended: Action, previous: Action, at: Date, staff: Staff) {
  if (previous.status !== 'actief') return { recipients: 0, cancelled: 0 };
  const cancelled = await stores.dispatch.cancelQueued(ended.id, at);
  const ordinal = (await stores.actions.listMessages(ended.id)).length + 1;
  const message = {
    id: deps.ids.newId(),
    actionId: ended.id,
    ordinal,
    kind: 'closing' as const,
    text: composeClosingSms(ended, deps.catalogue),
    spokenText: composeClosingSpeech(ended, deps.catalogue),
    createdAt: at,
    createdBy: staff.id,
  };
  await stores.actions.insertMessage(message);
  const recipients = await stores.dispatch.enqueueForReached(message, at);
  return { recipients, cancelled };
}
