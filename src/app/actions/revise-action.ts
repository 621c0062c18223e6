import { reviseConcept, type Action, type ActionDraft } from '../../domain/action/action.js';
import { actionFacts } from '../../domain/audit/audit-event.js';
import type { Staff } from '../../domain/staff/staff.js';
import { ok, type Result } from '../../domain/result.js';
import type { ActionDeps } from './action-deps.js';
import { changeAction } from './change-action.js';

export async function reviseAction(
  deps: Pick<ActionDeps, 'store' | 'clock' | 'ids' | 'broadcast'>,
  staff: Staff,
  actionId: string,
  draft: ActionDraft,
  expectedVersion: number | undefined,
): Promise<Result<Action>> {
  const outcome = await changeAction(deps, staff, actionId, {
    decide: (action, at) => reviseConcept(action, draft, at),
    audit: (a) => ({ event: 'action.revised', details: actionFacts(a) }),
    ...(expectedVersion !== undefined ? { expectedVersion } : {}),
  });
  return outcome.ok ? ok(outcome.value.action) : outcome;
}
