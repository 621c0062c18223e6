import { normalisePassword } from '../../domain/staff/password-policy.js';
import type { StaffAccount } from '../ports/staff-accounts.js';
import type { RelyingParty } from '../ports/staff-credentials.js';
import type { StoredSession } from '../ports/staff-sessions.js';
import type { AuthDeps } from './auth-deps.js';
import type { AuthError } from '../../domain/staff/errors.js';
import { fail, ok, type Result } from '../../domain/result.js';
import { attemptOf, recordFailure, refusal, rememberLogin, type Attempt, type LoginOrigin } from './login-attempts.js';
import { advanceSession, openSession, type OpenSession } from './staff-sessions.js';

export type PasswordStepResult = OpenSession & {
  readonly secondFactors: { readonly totp: boolean; readonly passkeys: number };
};

/**
 * The first step: e-mail and password. Success opens a session that still needs the second factor;
 * an account without one cannot log in (it needs a new activation link from beheer).
 */
export async function logInWithPassword(
  deps: AuthDeps,
  input: { readonly email: string; readonly password: string },
  origin: LoginOrigin,
): Promise<Result<PasswordStepResult, AuthError>> {
  const email = input.email.trim().toLowerCase();
  const account = await deps.store.staffAccounts.findByEmail(email);
  const usable = account !== null && account.active && account.passwordHash !== null;
  const attempt = await attemptOf(deps, email, usable ? account : null, origin);
  const refused = await refusal(deps, attempt);
  if (refused !== null) {
    await deps.store.audit.append({
      actorId: null,
      actorName: 'onbekend',
      event: 'staff.login-throttled',
      subjectType: 'staff',
      subjectId: null,
      details: { reason: refused.ok ? null : refused.error.code === 'auth.throttled' ? refused.error.reason : null },
      at: deps.clock.now(),
    });
    return refused;
  }
  const valid = usable
    ? await deps.passwords.verify(account.passwordHash, normalisePassword(input.password))
    : (await deps.passwords.verifyNothing(input.password), false);
  if (!valid || account === null) {
    await recordFailure(deps, attempt, usable ? account : null, 'password');
    return fail({ code: 'auth.invalid-credentials' });
  }
  if (account.totpSecret === null && account.passkeys === 0) {
    await recordFailure(deps, attempt, account, 'no-second-factor');
    return fail({ code: 'auth.no-second-factor' });
  }
  const opened = await openSession(deps, account.staff.id, 'second-factor', 'password');
  return ok({ ...opened, secondFactors: { totp: account.totpSecret !== null, passkeys: account.passkeys } });
}

/** A session after the first step (password or single sign-on), and its account. */
type Pending = { readonly session: StoredSession; readonly account: StaffAccount };
const attemptFor = (deps: AuthDeps, account: StaffAccount, origin: LoginOrigin) =>
  attemptOf(deps, account.email ?? account.staff.id, account, origin);

/** A login with both factors: the browser's known-device tokens come back for its cookie. */
export type CompletedLogin = OpenSession & { readonly deviceTokens: readonly string[] };

async function completeLogin(
  deps: AuthDeps,
  pending: Pending,
  attempt: Attempt,
  origin: LoginOrigin,
  factor: string,
): Promise<CompletedLogin> {
  const { session, account } = pending;
  const deviceTokens = await rememberLogin(deps, attempt, account, origin);
  const next = await advanceSession(deps, session, 'active');
  await deps.store.audit.append({
    actorId: account.staff.id,
    actorName: account.staff.name,
    event: 'staff.logged-in',
    subjectType: 'staff',
    subjectId: account.staff.id,
    details: { method: session.method, secondFactor: factor },
    at: deps.clock.now(),
  });
  return { ...next, deviceTokens };
}

/** The second step with a code from the authenticator app; each code works once. */
export async function logInWithTotp(
  deps: AuthDeps,
  pending: Pending,
  code: string,
  origin: LoginOrigin,
): Promise<Result<CompletedLogin, AuthError>> {
  const { session, account } = pending;
  if (session.stage !== 'second-factor') return fail({ code: 'auth.session-invalid' });
  const attempt = await attemptFor(deps, account, origin);
  const refused = await refusal(deps, attempt);
  if (refused !== null) return refused;
  const step =
    account.totpSecret === null
      ? null
      : await deps.totp.verify(account.totpSecret, code.replace(/\s+/g, ''), deps.clock.now());
  if (step === null || !(await deps.store.staffAccounts.useTotpStep(account.staff.id, step))) {
    await recordFailure(deps, attempt, account, 'totp');
    return fail({ code: 'auth.invalid-code' });
  }
  return ok(await completeLogin(deps, pending, attempt, origin, 'totp'));
}

/** Options for the browser's passkey prompt, limited to this account's passkeys. */
export async function passkeyChallenge(
  deps: AuthDeps,
  pending: Pending,
  rp: RelyingParty,
): Promise<Result<unknown, AuthError>> {
  if (pending.session.stage !== 'second-factor') return fail({ code: 'auth.session-invalid' });
  const passkeys = await deps.store.staffAccounts.listPasskeys(pending.account.staff.id);
  if (passkeys.length === 0) return fail({ code: 'auth.passkey-invalid' });
  const { options, challenge } = await deps.passkeys.authenticationOptions({ rp, allow: passkeys });
  await deps.store.staffSessions.setChallenge(pending.session.idHash, challenge);
  return ok(options);
}

/**
 * The second step with a passkey. A passkey cannot be guessed, so a verified one completes the login even while
 * the account is slowed by failed attempts (or the address limited); a failed one counts as a failure.
 */
export async function logInWithPasskey(
  deps: AuthDeps,
  pending: Pending,
  response: unknown,
  rp: RelyingParty,
  origin: LoginOrigin,
): Promise<Result<CompletedLogin, AuthError>> {
  const { session, account } = pending;
  if (session.stage !== 'second-factor' || session.challenge === null) return fail({ code: 'auth.session-invalid' });
  // A challenge is used once, whatever the outcome.
  await deps.store.staffSessions.setChallenge(session.idHash, null);
  const credentialId = deps.passkeys.credentialIdOf(response);
  const passkey = credentialId === null ? null : await deps.store.staffAccounts.findPasskey(credentialId);
  const verified =
    passkey !== null && passkey.staffId === account.staff.id
      ? await deps.passkeys.verifyAuthentication({ rp, response, challenge: session.challenge, passkey })
      : null;
  const attempt = await attemptFor(deps, account, origin);
  if (verified === null || passkey === null) {
    await recordFailure(deps, attempt, account, 'passkey');
    return fail({ code: 'auth.passkey-invalid' });
  }
  await deps.store.staffAccounts.usePasskey(passkey.credentialId, verified.signCount, deps.clock.now());
  return ok(await completeLogin(deps, pending, attempt, origin, 'passkey'));
}
