import type { Action } from '../../domain/action/action.js';
import { publicViewOf } from '../../domain/action/public-view.js';
import type { ActionEventKind } from '../../domain/broadcast/action-event.js';
import type { ActionError } from '../../domain/action/errors.js';
import { mayRunActionsFor, type Staff } from '../../domain/staff/staff.js';
import type { AppError } from '../../domain/app-error.js';
import type { ActionChangeEvent } from '../../domain/audit/audit-event.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { Stores } from '../ports/stores.js';
import type { ActionDeps } from './action-deps.js';

export interface ActionChange<T> {
  /** The rule to apply to the current action. */
  readonly decide: (action: Action, at: Date) => Result<Action, ActionError>;
  /** What else the change writes, in the same transaction. */
  readonly effects?: (stores: Stores, changed: Action, previous: Action, at: Date) => Promise<T>;
  /** The audit entry's event and details (actionFacts first). */
  readonly audit: (changed: Action) => ActionChangeEvent;
  /** When set, the change is refused if someone else changed the action since this version. */
  readonly expectedVersion?: number;
  /** A condition checked on the locked action, in the same transaction (e.g. a second centralist's approval). */
  readonly check?: (stores: Stores, current: Action) => Promise<AppError | null>;
  /**
   * A condition on the change the rule decided, before it is saved (a start's or a widening's approvals): the
   * rule's own refusals come first. It may write (a request for approval) even when it refuses.
   */
  readonly checkDecided?: (stores: Stores, changed: Action, current: Action, at: Date) => Promise<AppError | null>;
  /** What the change is for broadcast channels (partner webhooks …), if anything; with an update's text. */
  readonly event?: { readonly kind: ActionEventKind; readonly updateText?: string };
}

/**
 * The shape of every change to an action: lock it, check who may, apply the rule, save with its effects and
 * an audit entry, all in one transaction.
 */
export async function changeAction<T>(
  deps: Pick<ActionDeps, 'store' | 'clock' | 'ids' | 'broadcast'>,
  staff: Staff,
  actionId: string,
  change: ActionChange<T>,
): Promise<Result<{ action: Action; effect: T | undefined }>> {
  const at = deps.clock.now();
  let recorded = false;
  const outcome = await deps.store.transaction(async (stores) => {
    const current = await stores.actions.findActionForUpdate(actionId);
    if (current === null) return fail({ code: 'action.not-found' });
    if (!mayRunActionsFor(staff, current.meldkamerCode)) return fail({ code: 'auth.forbidden' });
    if (change.expectedVersion !== undefined && change.expectedVersion !== current.version) {
      return fail({ code: 'action.stale-version', currentVersion: current.version });
    }
    const refused = change.check ? await change.check(stores, current) : null;
    if (refused !== null) return fail(refused);
    const decided = change.decide(current, at);
    if (!decided.ok) return fail(decided.error);
    const changed = decided.value;
    const held = change.checkDecided ? await change.checkDecided(stores, changed, current, at) : null;
    if (held !== null) return fail(held);
    if (!(await stores.actions.updateAction(changed, current.version))) {
      return fail({ code: 'action.stale-version', currentVersion: current.version });
    }
    const effect = change.effects ? await change.effects(stores, changed, current, at) : undefined;
    await stores.audit.append({
      actorId: staff.id,
      actorName: staff.name,
      ...change.audit(changed),
      subjectType: 'action',
      subjectId: changed.id,
      at,
    });
    if (change.event !== undefined) recorded = await recordEvent(deps, stores, changed, change.event, at);
    return ok({ action: changed, effect });
  });
  if (recorded) deps.broadcast.eventsRecorded();
  return outcome;
}

/**
 * The event goes into the outbox of every destination that wants it, in the change's own transaction: a crash
 * loses neither. Only a public action is broadcast, and only what the public may see of it.
 */
async function recordEvent(
  deps: Pick<ActionDeps, 'ids' | 'broadcast'>,
  stores: Stores,
  action: Action,
  event: { readonly kind: ActionEventKind; readonly updateText?: string },
  at: Date,
): Promise<boolean> {
  const view = publicViewOf(action);
  if (view === null) return false;
  const actionEvent = {
    id: deps.ids.newId(),
    kind: event.kind,
    sequence: await stores.broadcast.nextSequence(action.id),
    occurredAt: at,
    action: view,
    updateText: event.updateText ?? null,
  };
  await stores.broadcast.recordEvent(actionEvent, deps.broadcast.destinationsFor(actionEvent));
  return true;
}
