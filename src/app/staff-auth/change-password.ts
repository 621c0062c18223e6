import { normalisePassword } from '../../domain/staff/password-policy.js';
import type { AuthError } from '../../domain/staff/errors.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { StaffAccount } from '../ports/staff-accounts.js';
import type { StoredSession } from '../ports/staff-sessions.js';
import { passwordProblem } from './activate-account.js';
import type { AuthDeps } from './auth-deps.js';
import { attemptOf, clearFailures, recordFailure, refusal, type LoginOrigin } from './login-attempts.js';
import { advanceSession, type OpenSession } from './staff-sessions.js';

/** The new session of whoever changed the password, and how many other sessions of theirs ended. */
export interface PasswordChanged extends OpenSession {
  readonly otherSessionsEnded: number;
}

/**
 * An active user changes their password, knowing the current one. Guessing the current one is counted and slowed
 * exactly like guessing at the login (per account, per known device, per address), so a stolen session cannot
 * be used to find the password. On success every other session of the account ends (whoever else was in is out),
 * and this one continues under a new id.
 */
export async function changePassword(
  deps: AuthDeps,
  pending: { readonly session: StoredSession; readonly account: StaffAccount },
  input: { readonly current: string; readonly next: string },
  origin: LoginOrigin,
): Promise<Result<PasswordChanged, AuthError>> {
  const { session, account } = pending;
  if (session.stage !== 'active' || account.passwordHash === null) return fail({ code: 'auth.session-invalid' });
  const attempt = await attemptOf(deps, account.email ?? account.staff.id, account, origin);
  const refused = await refusal(deps, attempt);
  if (refused !== null) return refused;
  if (!(await deps.passwords.verify(account.passwordHash, normalisePassword(input.current)))) {
    await recordFailure(deps, attempt, account, 'current-password');
    return fail({ code: 'auth.invalid-credentials' });
  }
  await clearFailures(deps, attempt);
  const problem = passwordProblem(deps, account, input.next);
  if (problem !== null) return fail({ code: 'auth.weak-password', problem });
  const hash = await deps.passwords.hash(normalisePassword(input.next));
  const now = deps.clock.now();
  return deps.store.transaction(async (stores) => {
    const scoped = { ...deps, store: { ...deps.store, ...stores } };
    await stores.staffAccounts.setPassword(account.staff.id, hash, now);
    const next = await advanceSession(scoped, session, 'active');
    const ended = await stores.staffSessions.endAllOf(account.staff.id, 'revoked', now, next.session.idHash);
    await stores.audit.append({
      actorId: account.staff.id,
      actorName: account.staff.name,
      event: 'staff.password-changed',
      subjectType: 'staff',
      subjectId: account.staff.id,
      details: { otherSessionsEnded: ended },
      at: now,
    });
    return ok({ ...next, otherSessionsEnded: ended });
  });
}
