import { decideThrottle } from '../../domain/staff/login-throttle.js';
import { normalisePassword } from '../../domain/staff/password-policy.js';
import type { StaffAccount } from '../ports/staff-accounts.js';
import type { RelyingParty } from '../ports/staff-credentials.js';
import type { StoredSession } from '../ports/staff-sessions.js';
import type { AuthDeps } from './auth-deps.js';
import type { AuthError } from '../../domain/staff/errors.js';
import { fail, ok, type Result } from '../../domain/result.js';
import { advanceSession, openSession, type OpenSession } from './staff-sessions.js';

/** Where a login attempt comes from: the client address, only ever stored as a hash. */
export interface LoginOrigin {
  readonly address: string;
}

const accountKey = (deps: Pick<AuthDeps, 'tokens'>, email: string) => deps.tokens.hash(`account:${email.trim().toLowerCase()}`);
const addressKey = (deps: Pick<AuthDeps, 'tokens'>, origin: LoginOrigin) => deps.tokens.hash(`address:${origin.address}`);

async function throttled(deps: AuthDeps, email: string, origin: LoginOrigin): Promise<Result<never, AuthError> | null> {
  const now = deps.clock.now();
  const [accountFailures, addressFailures] = await Promise.all([
    deps.store.loginFailures.since(accountKey(deps, email), new Date(now.getTime() - deps.throttle.accountWindowMs)),
    deps.store.loginFailures.since(addressKey(deps, origin), new Date(now.getTime() - deps.throttle.addressWindowMs)),
  ]);
  const decision = decideThrottle({ accountFailures, addressFailures }, deps.throttle, now);
  if (decision.allowed) return null;
  return fail({ code: 'auth.throttled', reason: decision.reason, retryAfterSeconds: Math.ceil(decision.retryAfterMs / 1000) });
}

async function recordFailure(deps: AuthDeps, email: string, origin: LoginOrigin, account: StaffAccount | null, step: 'password' | 'no-second-factor' | 'totp' | 'passkey'): Promise<void> {
  const now = deps.clock.now();
  await deps.store.loginFailures.record([accountKey(deps, email), addressKey(deps, origin)], now);
  await deps.store.audit.append({
    actorId: account?.staff.id ?? null,
    actorName: account?.staff.name ?? 'onbekend',
    event: 'staff.login-failed',
    subjectType: 'staff',
    subjectId: account?.staff.id ?? null,
    // Which step failed; an unknown e-mail address is not kept (it may be someone's personal address).
    details: { step, knownAccount: account !== null },
    at: now,
  });
}

export type PasswordStepResult = OpenSession & { readonly secondFactors: { readonly totp: boolean; readonly passkeys: number } };

/**
 * The first step: e-mail and password. Success opens a session that still needs the second factor;
 * an account without one cannot log in (it needs a new activation link from beheer).
 */
export async function logInWithPassword(deps: AuthDeps, input: { readonly email: string; readonly password: string }, origin: LoginOrigin): Promise<Result<PasswordStepResult, AuthError>> {
  const email = input.email.trim().toLowerCase();
  const refused = await throttled(deps, email, origin);
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
  const account = await deps.store.staffAccounts.findByEmail(email);
  const usable = account !== null && account.active && account.passwordHash !== null;
  const valid = usable ? await deps.passwords.verify(account.passwordHash, normalisePassword(input.password)) : (await deps.passwords.verifyNothing(input.password), false);
  if (!valid || account === null) {
    await recordFailure(deps, email, origin, usable ? account : null, 'password');
    return fail({ code: 'auth.invalid-credentials' });
  }
  if (account.totpSecret === null && account.passkeys === 0) {
    await recordFailure(deps, email, origin, account, 'no-second-factor');
    return fail({ code: 'auth.no-second-factor' });
  }
  const opened = await openSession(deps, account.staff.id, 'second-factor', 'password');
  return ok({ ...opened, secondFactors: { totp: account.totpSecret !== null, passkeys: account.passkeys } });
}

async function completeLogin(deps: AuthDeps, session: StoredSession, account: StaffAccount, factor: string): Promise<OpenSession> {
  const now = deps.clock.now();
  await deps.store.loginFailures.clear(accountKey(deps, account.email ?? account.staff.id));
  const next = await advanceSession(deps, session, 'active');
  await deps.store.audit.append({
    actorId: account.staff.id,
    actorName: account.staff.name,
    event: 'staff.logged-in',
    subjectType: 'staff',
    subjectId: account.staff.id,
    details: { method: session.method, secondFactor: factor },
    at: now,
  });
  return next;
}

/** The second step with a code from the authenticator app; each code works once. */
export async function logInWithTotp(deps: AuthDeps, pending: { readonly session: StoredSession; readonly account: StaffAccount }, code: string, origin: LoginOrigin): Promise<Result<OpenSession, AuthError>> {
  const { session, account } = pending;
  if (session.stage !== 'second-factor') return fail({ code: 'auth.session-invalid' });
  const email = account.email ?? account.staff.id;
  const refused = await throttled(deps, email, origin);
  if (refused !== null) return refused;
  const step = account.totpSecret === null ? null : await deps.totp.verify(account.totpSecret, code.replace(/\s+/g, ''), deps.clock.now());
  if (step === null || !(await deps.store.staffAccounts.useTotpStep(account.staff.id, step))) {
    await recordFailure(deps, email, origin, account, 'totp');
    return fail({ code: 'auth.invalid-code' });
  }
  return ok(await completeLogin(deps, session, account, 'totp'));
}

/** Options for the browser's passkey prompt, limited to this account's passkeys. */
export async function passkeyChallenge(deps: AuthDeps, pending: { readonly session: StoredSession; readonly account: StaffAccount }, rp: RelyingParty): Promise<Result<unknown, AuthError>> {
  if (pending.session.stage !== 'second-factor') return fail({ code: 'auth.session-invalid' });
  const passkeys = await deps.store.staffAccounts.listPasskeys(pending.account.staff.id);
  if (passkeys.length === 0) return fail({ code: 'auth.passkey-invalid' });
  const { options, challenge } = await deps.passkeys.authenticationOptions({ rp, allow: passkeys });
  await deps.store.staffSessions.setChallenge(pending.session.idHash, challenge);
  return ok(options);
}

export async function logInWithPasskey(
  deps: AuthDeps,
  pending: { readonly session: StoredSession; readonly account: StaffAccount },
  response: unknown,
  rp: RelyingParty,
  origin: LoginOrigin,
): Promise<Result<OpenSession, AuthError>> {
  const { session, account } = pending;
  if (session.stage !== 'second-factor' || session.challenge === null) return fail({ code: 'auth.session-invalid' });
  const email = account.email ?? account.staff.id;
  const refused = await throttled(deps, email, origin);
  if (refused !== null) return refused;
  // A challenge is used once, whatever the outcome.
  await deps.store.staffSessions.setChallenge(session.idHash, null);
  const credentialId = deps.passkeys.credentialIdOf(response);
  const passkey = credentialId === null ? null : await deps.store.staffAccounts.findPasskey(credentialId);
  const verified =
    passkey !== null && passkey.staffId === account.staff.id
      ? await deps.passkeys.verifyAuthentication({ rp, response, challenge: session.challenge, passkey })
      : null;
  if (verified === null || passkey === null) {
    await recordFailure(deps, email, origin, account, 'passkey');
    return fail({ code: 'auth.passkey-invalid' });
  }
  await deps.store.staffAccounts.usePasskey(passkey.credentialId, verified.signCount, deps.clock.now());
  return ok(await completeLogin(deps, session, account, 'passkey'));
}
