import { reviseConcept, type Action, type ActionDraft } from '../../domain/action/action.js';
import { noteMeldkamersReached, scopeOfArea } from '../../domain/action/geographic-scope.js';
import { actionFacts } from '../../domain/audit/audit-event.js';
import type { Staff } from '../../domain/staff/staff.js';
import { ok, type Result } from '../../domain/result.js';
import type { ActionDeps } from './action-deps.js';
import { changeAction } from './change-action.js';

export async function reviseAction(
  deps: Pick<ActionDeps, 'store' | 'clock' | 'ids' | 'broadcast' | 'geography'>,
  staff: Staff,
  actionId: string,
  draft: ActionDraft,
  expectedVersion: number | undefined,
): Promise<Result<Action>> {
  const outcome = await changeAction(deps, staff, actionId, {
    decide: (action, at) => {
      const revised = reviseConcept(action, draft, at);
      if (!revised.ok) return revised;
      const touches = scopeOfArea(deps.geography, draft.area, action.meldkamerCode).touches;
      return ok(noteMeldkamersReached(revised.value, touches));
    },
    audit: (a) => ({ event: 'action.revised', details: actionFacts(a) }),
    ...(expectedVersion !== undefined ? { expectedVersion } : {}),
  });
  return outcome.ok ? ok(outcome.value.action) : outcome;
}
