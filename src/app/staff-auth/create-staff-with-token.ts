import { apiTokenLifetime, MAX_API_TOKEN_DAYS } from '../../domain/staff/api-token-lifetime.js';
import { mayManageAccount } from '../../domain/staff/permissions.js';
import type { AuthError } from '../../domain/staff/errors.js';
import { fail, ok, type Result } from '../../domain/result.js';
import { scopeOf, type Staff } from '../../domain/staff/staff.js';
import { auditActor } from '../audit-actor.js';
import type { Clock } from '../ports/clock.js';
import type { IdGenerator } from '../ports/id-generator.js';
import type { SecretTokens } from '../ports/staff-credentials.js';
import type { Store } from '../ports/stores.js';
import type { AccountScope } from './manage-accounts.js';

export interface StaffWithToken {
  readonly id: string;
  /** Shown once to whoever created it; only its hash is stored. */
  readonly token: string;
  readonly expiresAt: Date;
}

/**
 * A staff member who works through the API with a token (a meldkamer's own system, a script), without a portal
 * login. `manager` null is the operator on the command line, who may create any role. The token lives
 * `tokenDays` (1 to 365; the configured default when not chosen) and is refused after that.
 */
export async function createStaffWithToken(
  deps: { readonly store: Store; readonly clock: Clock; readonly ids: IdGenerator; readonly apiTokens: SecretTokens },
  manager: Staff | null,
  input: AccountScope & { readonly name: string; readonly tokenDays: number },
): Promise<Result<StaffWithToken, AuthError>> {
  const lifetime = apiTokenLifetime(deps.clock.now(), input.tokenDays);
  if (lifetime === null) return fail({ code: 'staff.invalid-token-lifetime', maxDays: MAX_API_TOKEN_DAYS });
  const scope = scopeOf(input.role, input.meldkamerCode, input.gemeenteCode);
  if (scope === null) return fail({ code: 'staff.invalid-scope' });
  // Only the code that fits the role is kept (a centralist has a meldkamer, a gemeente user a gemeente).
  const codes = {
    role: input.role,
    meldkamerCode: scope.kind === 'meldkamer' ? scope.meldkamerCode : null,
    gemeenteCode: scope.kind === 'gemeente' ? scope.gemeenteCode : null,
  };
  if (manager !== null && !mayManageAccount(manager, codes)) return fail({ code: 'auth.forbidden' });
  const id = deps.ids.newId();
  const token = deps.apiTokens.newToken();
  const actor = auditActor(manager);
  await deps.store.transaction(async (stores) => {
    await stores.staff.createStaff({ id, name: input.name.trim(), ...codes });
    await stores.staff.addToken(id, deps.apiTokens.hash(token), actor.actorName, lifetime);
    await stores.audit.append({
      ...actor,
      event: 'staff.created',
      subjectType: 'staff',
      subjectId: id,
      details: { ...codes, apiToken: true, apiTokenExpiresAt: lifetime.expiresAt.toISOString() },
      at: lifetime.createdAt,
    });
  });
  return ok({ id, token, expiresAt: lifetime.expiresAt });
}
