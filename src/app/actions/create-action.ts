import { createAction as createActionRule, type Action, type ActionDraft } from '../../domain/action/action.js';
import { noteMeldkamersReached, scopeOfArea } from '../../domain/action/geographic-scope.js';
import type { Staff } from '../../domain/staff/staff.js';
import { mayRunActionsFor } from '../../domain/staff/staff.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { ActionDeps } from './action-deps.js';

/** A centralist writes a concept action for their meldkamer; national beheer names the meldkamer. */
export async function createAction(
  deps: Pick<ActionDeps, 'store' | 'clock' | 'ids' | 'geography'>,
  staff: Staff,
  input: { readonly meldkamerCode: string | null; readonly draft: ActionDraft },
): Promise<Result<Action>> {
  const meldkamerCode = input.meldkamerCode ?? (staff.scope.kind === 'meldkamer' ? staff.scope.meldkamerCode : null);
  if (meldkamerCode === null || !mayRunActionsFor(staff, meldkamerCode)) return fail({ code: 'auth.forbidden' });
  const at = deps.clock.now();
  return deps.store.transaction(async (stores) => {
    const number = await stores.actions.nextActionNumber(at);
    const created = createActionRule(input.draft, { id: deps.ids.newId(), number }, meldkamerCode, staff.id, at);
    if (!created.ok) return fail(created.error);
    // A concept may reach anywhere; its start asks the approvals. Other meldkamers reached see it from now on.
    const action = noteMeldkamersReached(
      created.value,
      scopeOfArea(deps.geography, created.value.area, meldkamerCode).touches,
    );
    await stores.actions.insertAction(action);
    await stores.audit.append({
      actorId: staff.id,
      actorName: staff.name,
      event: 'action.created',
      subjectType: 'action',
      subjectId: action.id,
      details: { number, type: action.type, meldkamerCode },
      at,
    });
    return ok(action);
  });
}
