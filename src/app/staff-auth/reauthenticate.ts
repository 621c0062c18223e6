import { normalisePassword } from '../../domain/staff/password-policy.js';
import type { AuthError } from '../../domain/staff/errors.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { StaffAccount } from '../ports/staff-accounts.js';
import type { StoredSession } from '../ports/staff-sessions.js';
import type { AuthDeps } from './auth-deps.js';
import { attemptOf, clearFailures, recordFailure, refusal, type LoginOrigin } from './login-attempts.js';
import { advanceSession, type OpenSession } from './staff-sessions.js';

export type Proof =
  { readonly kind: 'password'; readonly password: string } | { readonly kind: 'totp'; readonly code: string };

/**
 * A logged-in staff member proves again who they are, with the current password or a fresh code (each code
 * works once), before adding a passkey. Wrong answers are counted and slowed like a login. Success opens a new
 * session id, whose start marks the proof (isRecentlyAuthenticated).
 */
export async function reauthenticate(
  deps: AuthDeps,
  pending: { readonly session: StoredSession; readonly account: StaffAccount },
  proof: Proof,
  origin: LoginOrigin,
): Promise<Result<OpenSession, AuthError>> {
  const { session, account } = pending;
  if (session.stage !== 'active') return fail({ code: 'auth.session-invalid' });
  const attempt = await attemptOf(deps, account.email ?? account.staff.id, account, origin);
  const refused = await refusal(deps, attempt);
  if (refused !== null) return refused;
  if (proof.kind === 'password') {
    const valid =
      account.passwordHash !== null &&
      (await deps.passwords.verify(account.passwordHash, normalisePassword(proof.password)));
    if (!valid) {
      await recordFailure(deps, attempt, account, 'current-password');
      return fail({ code: 'auth.invalid-credentials' });
    }
  } else {
    const step =
      account.totpSecret === null
        ? null
        : await deps.totp.verify(account.totpSecret, proof.code.replace(/\s+/g, ''), deps.clock.now());
    if (step === null || !(await deps.store.staffAccounts.useTotpStep(account.staff.id, step))) {
      await recordFailure(deps, attempt, account, 'totp');
      return fail({ code: 'auth.invalid-code' });
    }
  }
  await clearFailures(deps, attempt);
  return ok(await advanceSession(deps, session, 'active'));
}
