import { changePublication, type Action } from '../../domain/action/action.js';
import type { Publication } from '../../domain/action/publication.js';
import { actionFacts } from '../../domain/audit/audit-event.js';
import type { Staff } from '../../domain/staff/staff.js';
import { ok, type Result } from '../../domain/result.js';
import type { ActionDeps } from './action-deps.js';
import { changeAction } from './change-action.js';

/** The meldkamer decides what the app and the public page show: at any time, also after the action ended. */
export async function setPublication(
  deps: Pick<ActionDeps, 'store' | 'clock' | 'ids' | 'broadcast'>,
  staff: Staff,
  actionId: string,
  publication: Publication,
  expectedVersion: number | undefined,
): Promise<Result<Action>> {
  const outcome = await changeAction(deps, staff, actionId, {
    decide: (action, at) => changePublication(action, publication, at),
    audit: (a) => ({ event: 'action.publication-changed', details: { ...actionFacts(a), publication: a.publication } }),
    ...(expectedVersion !== undefined ? { expectedVersion } : {}),
  });
  return outcome.ok ? ok(outcome.value.action) : outcome;
}
