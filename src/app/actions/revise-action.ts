import { reviseConcept, type Action, type ActionDraft } from '../../domain/action/action.js';
import type { Staff } from '../../domain/staff/staff.js';
import type { Outcome } from '../errors.js';
import type { ActionDeps } from './action-deps.js';
import { changeAction } from './change-action.js';

export async function reviseAction(
  deps: Pick<ActionDeps, 'store' | 'clock' | 'ids' | 'broadcast'>,
  staff: Staff,
  actionId: string,
  draft: ActionDraft,
  expectedVersion: number | undefined,
): Promise<Outcome<Action>> {
  const outcome = await changeAction(deps, staff, actionId, {
    decide: (action, at) => reviseConcept(action, draft, at),
    auditEvent: 'action.revised',
    ...(expectedVersion !== undefined ? { expectedVersion } : {}),
  });
  return outcome.ok ? { ok: true, value: outcome.value.action } : outcome;
}
