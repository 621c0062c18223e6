import { changePublication, type Action } from '../../domain/action/action.js';
import type { Publication } from '../../domain/action/publication.js';
import type { Staff } from '../../domain/staff/staff.js';
import type { Outcome } from '../errors.js';
import type { ActionDeps } from './action-deps.js';
import { changeAction } from './change-action.js';

/** The meldkamer decides what the app and the public page show: at any time, also after the action ended. */
export async function setPublication(
  deps: Pick<ActionDeps, 'store' | 'clock' | 'ids' | 'broadcast'>,
  staff: Staff,
  actionId: string,
  publication: Publication,
  expectedVersion: number | undefined,
): Promise<Outcome<Action>> {
  const outcome = await changeAction(deps, staff, actionId, {
    decide: (action, at) => changePublication(action, publication, at),
    auditEvent: 'action.publication-changed',
    auditDetails: (a) => ({ publication: a.publication }),
    ...(expectedVersion !== undefined ? { expectedVersion } : {}),
  });
  return outcome.ok ? { ok: true, value: outcome.value.action } : outcome;
}
