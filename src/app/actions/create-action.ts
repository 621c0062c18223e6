import { createAction as createActionRule, type Action, type ActionDraft } from '../../domain/action/action.js';
import type { Staff } from '../../domain/staff/staff.js';
import { mayRunActionsFor } from '../../domain/staff/staff.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { ActionDeps } from './action-deps.js';

/** A centralist writes a concept action for their meldkamer; national beheer names the meldkamer. */
export async function createAction(
  deps: Pick<ActionDeps, 'store' | 'clock' | 'ids'>,
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
    await stores.actions.insertAction(created.value);
    await stores.audit.append({
      actorId: staff.id,
      actorName: staff.name,
      event: 'action.created',
      subjectType: 'action',
      subjectId: created.value.id,
      details: { number, type: created.value.type, meldkamerCode },
      at,
    });
    return ok(created.value);
  });
}
