import { apiTokenState, type ApiTokenState } from '../../domain/staff/api-token-lifetime.js';
import type { AuthError } from '../../domain/staff/errors.js';
import { may } from '../../domain/staff/permissions.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { Staff } from '../../domain/staff/staff.js';
import type { ApiTokenSummary } from '../ports/staff-directory.js';
import type { AuthDeps } from './auth-deps.js';

export interface ListedApiToken extends ApiTokenSummary {
  readonly state: ApiTokenState;
}

/**
 * The API tokens beheer looks after, within its scope, soonest expiry first: each with its state now, so the
 * page can warn of those that stop working within two weeks (and those that already did).
 */
export async function listApiTokens(
  deps: Pick<AuthDeps, 'store' | 'clock'>,
  manager: Staff,
): Promise<Result<readonly ListedApiToken[], AuthError>> {
  if (!may(manager, 'staff.manage')) return fail({ code: 'auth.forbidden' });
  const now = deps.clock.now();
  const tokens = await deps.store.staff.listTokens({
    meldkamerCode: manager.scope.kind === 'meldkamer' ? manager.scope.meldkamerCode : null,
    gemeenteCode: manager.scope.kind === 'gemeente' ? manager.scope.gemeenteCode : null,
  });
  return ok(tokens.map((t) => ({ ...t, state: apiTokenState(t.expiresAt, now) })));
}
