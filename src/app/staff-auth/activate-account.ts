import { checkPassword, normalisePassword, personalWordsOf } from '../../domain/staff/password-policy.js';
import { isRecentlyAuthenticated } from '../../domain/staff/staff-session.js';
import type { StaffAccount } from '../ports/staff-accounts.js';
import type { RelyingParty } from '../ports/staff-credentials.js';
import type { StoredSession } from '../ports/staff-sessions.js';
import type { AuthDeps } from './auth-deps.js';
import type { AuthError } from '../../domain/staff/errors.js';
import { fail, ok, type Result } from '../../domain/result.js';
import { openSession, type OpenSession } from './staff-sessions.js';

/** The account an activation link belongs to, while the link is valid. */
export async function accountOfActivation(
  deps: Pick<AuthDeps, 'store' | 'clock' | 'tokens'>,
  token: string,
): Promise<StaffAccount | null> {
  if (token.length < 20 || token.length > 100) return null;
  return deps.store.staffAccounts.findByActivation(deps.tokens.hash(token), deps.clock.now());
}

export function passwordProblem(deps: Pick<AuthDeps, 'commonPasswords'>, account: StaffAccount, password: string) {
  return checkPassword(password, deps.commonPasswords, {
    personalWords: personalWordsOf(account.staff.name, account.email),
  });
}

/**
 * Activation: the new user chooses a password (checked against the rules) and continues in a session
 * that can do one thing, enrol a second factor. The link works once.
 */
export async function activateAccount(
  deps: AuthDeps,
  token: string,
  password: string,
): Promise<Result<OpenSession, AuthError>> {
  const account = await accountOfActivation(deps, token);
  if (account === null) return fail({ code: 'auth.activation-invalid' });
  const problem = passwordProblem(deps, account, password);
  if (problem !== null) return fail({ code: 'auth.weak-password', problem });
  const hash = await deps.passwords.hash(normalisePassword(password));
  const now = deps.clock.now();
  const opened = await deps.store.transaction(async (stores) => {
    await stores.staffAccounts.setPassword(account.staff.id, hash, now);
    await stores.staffAccounts.setActivation(account.staff.id, null, null);
    // A new activation is a reset: the old second factors and sessions go.
    await stores.staffAccounts.setTotpSecret(account.staff.id, null, now);
    for (const p of await stores.staffAccounts.listPasskeys(account.staff.id))
      await stores.staffAccounts.removePasskey(account.staff.id, p.credentialId);
    await stores.staffSessions.endAllOf(account.staff.id, 'revoked', now);
    await stores.audit.append({
      actorId: account.staff.id,
      actorName: account.staff.name,
      event: 'staff.activated',
      subjectType: 'staff',
      subjectId: account.staff.id,
      details: {},
      at: now,
    });
    return openSession(
      { ...deps, store: { ...deps.store, ...stores } },
      account.staff.id,
      'enrolment',
      'activation',
      new Date(now.getTime() + deps.sessionLimits.secondFactorMs),
    );
  });
  return ok(opened);
}

type Pending = { readonly session: StoredSession; readonly account: StaffAccount };

/** A new TOTP secret for the enrolment session (kept there until confirmed with a code). */
export async function startTotpEnrolment(
  deps: AuthDeps,
  pending: Pending,
  issuerLabel: string,
): Promise<Result<{ readonly secret: string; readonly uri: string }, AuthError>> {
  if (pending.session.stage !== 'enrolment') return fail({ code: 'auth.session-invalid' });
  const secret = pending.session.pendingTotpSecret ?? deps.totp.newSecret();
  if (pending.session.pendingTotpSecret === null)
    await deps.store.staffSessions.setPendingTotpSecret(pending.session.idHash, secret);
  return ok({
    secret,
    uri: deps.totp.enrolmentUri(secret, `${issuerLabel}:${pending.account.email ?? pending.account.staff.name}`),
  });
}

async function finishEnrolment(deps: AuthDeps, pending: Pending, factor: string): Promise<OpenSession> {
  const now = deps.clock.now();
  await deps.store.audit.append({
    actorId: pending.account.staff.id,
    actorName: pending.account.staff.name,
    event: 'staff.second-factor-added',
    subjectType: 'staff',
    subjectId: pending.account.staff.id,
    details: { factor },
    at: now,
  });
  await deps.store.audit.append({
    actorId: pending.account.staff.id,
    actorName: pending.account.staff.name,
    event: 'staff.logged-in',
    subjectType: 'staff',
    subjectId: pending.account.staff.id,
    details: { method: pending.session.method, secondFactor: factor },
    at: now,
  });
  // The session of a shift starts now: the activation session was short.
  await deps.store.staffSessions.end(pending.session.idHash, 'replaced', now);
  return openSession(deps, pending.account.staff.id, 'active', pending.session.method);
}

export async function confirmTotpEnrolment(
  deps: AuthDeps,
  pending: Pending,
  code: string,
): Promise<Result<OpenSession, AuthError>> {
  const secret = pending.session.pendingTotpSecret;
  if (pending.session.stage !== 'enrolment' || secret === null) return fail({ code: 'auth.session-invalid' });
  const step = await deps.totp.verify(secret, code.replace(/\s+/g, ''), deps.clock.now());
  if (step === null) return fail({ code: 'auth.invalid-code' });
  await deps.store.staffAccounts.setTotpSecret(pending.account.staff.id, secret, deps.clock.now());
  await deps.store.staffAccounts.useTotpStep(pending.account.staff.id, step);
  return ok(await finishEnrolment(deps, pending, 'totp'));
}

/**
 * Registration options for a passkey: during enrolment, or for an active user adding another one shortly after
 * proving who they are (see isRecentlyAuthenticated).
 */
export async function passkeyRegistrationOptions(
  deps: AuthDeps,
  pending: Pending,
  rp: RelyingParty,
): Promise<Result<unknown, AuthError>> {
  if (pending.session.stage === 'second-factor') return fail({ code: 'auth.session-invalid' });
  if (pending.session.stage === 'active' && !isRecentlyAuthenticated(pending.session, deps.clock.now()))
    return fail({ code: 'auth.reauthentication-required' });
  const existing = await deps.store.staffAccounts.listPasskeys(pending.account.staff.id);
  const { options, challenge } = await deps.passkeys.registrationOptions({
    rp,
    userId: pending.account.staff.id,
    userName: pending.account.email ?? pending.account.staff.name,
    displayName: pending.account.staff.name,
    existing,
  });
  await deps.store.staffSessions.setChallenge(pending.session.idHash, challenge);
  return ok(options);
}

export async function registerPasskey(
  deps: AuthDeps,
  pending: Pending,
  input: { readonly response: unknown; readonly label: string },
  rp: RelyingParty,
): Promise<Result<OpenSession | null, AuthError>> {
  const challenge = pending.session.challenge;
  if (pending.session.stage === 'second-factor' || challenge === null) return fail({ code: 'auth.session-invalid' });
  await deps.store.staffSessions.setChallenge(pending.session.idHash, null);
  if (pending.session.stage === 'active' && !isRecentlyAuthenticated(pending.session, deps.clock.now()))
    return fail({ code: 'auth.reauthentication-required' });
  const passkey = await deps.passkeys.verifyRegistration({ rp, response: input.response, challenge });
  if (passkey === null) return fail({ code: 'auth.passkey-invalid' });
  await deps.store.staffAccounts.addPasskey({
    ...passkey,
    staffId: pending.account.staff.id,
    label: input.label,
    createdAt: deps.clock.now(),
    lastUsedAt: null,
  });
  if (pending.session.stage === 'enrolment') return ok(await finishEnrolment(deps, pending, 'passkey'));
  await deps.store.audit.append({
    actorId: pending.account.staff.id,
    actorName: pending.account.staff.name,
    event: 'staff.second-factor-added',
    subjectType: 'staff',
    subjectId: pending.account.staff.id,
    details: { factor: 'passkey' },
    at: deps.clock.now(),
  });
  return ok(null);
}
