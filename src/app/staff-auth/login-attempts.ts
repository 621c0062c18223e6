import { decideThrottle, isSlowed, slowdownStartedBy } from '../../domain/staff/login-throttle.js';
import { deviceTokensAfterLogin, KNOWN_DEVICES_PER_ACCOUNT, knownDeviceMs } from '../../domain/staff/known-device.js';
import type { AuthError } from '../../domain/staff/errors.js';
import { fail, type Result } from '../../domain/result.js';
import type { StaffAccount } from '../ports/staff-accounts.js';
import type { AuthDeps } from './auth-deps.js';

/** Where a login attempt comes from: the client address (only ever stored as a hash) and the browser. */
export interface LoginOrigin {
  readonly address: string;
  /** The tokens of the browser's known-device cookie, one per account that completed a login in it. */
  readonly deviceTokens?: readonly string[];
}

/** What an attempt is counted against: the e-mail address, the client address and, if known for the account, the browser. */
export interface Attempt {
  readonly accountKey: string;
  readonly addressKey: string;
  /** The known device's stored hash and its failures' key; null when the browser is not known for the account. */
  readonly device: { readonly tokenHash: string; readonly key: string } | null;
}

/** The step that failed; `current-password` is the check of the current password when changing it. */
export type FailedStep = 'password' | 'no-second-factor' | 'totp' | 'passkey' | 'current-password';

export async function attemptOf(
  deps: AuthDeps,
  email: string,
  account: StaffAccount | null,
  origin: LoginOrigin,
): Promise<Attempt> {
  const accountKey = deps.tokens.hash(`account:${email.trim().toLowerCase()}`);
  const addressKey = deps.tokens.hash(`address:${origin.address}`);
  const tokens = origin.deviceTokens ?? [];
  const tokenHash =
    account === null || tokens.length === 0
      ? null
      : await deps.store.knownDevices.findOf(
          account.staff.id,
          tokens.map((t) => deps.tokens.hash(t)),
          deps.clock.now(),
        );
  return {
    accountKey,
    addressKey,
    device: tokenHash === null ? null : { tokenHash, key: deps.tokens.hash(`device:${tokenHash}`) },
  };
}

const since = (deps: AuthDeps, key: string, windowMs: number, now: Date) =>
  deps.store.loginFailures.since(key, new Date(now.getTime() - windowMs));

/** The refusal when the attempt must wait (the account slowed, or the address limited); null when it may go ahead. */
export async function refusal(deps: AuthDeps, attempt: Attempt): Promise<Result<never, AuthError> | null> {
  const now = deps.clock.now();
  const { accountWindowMs, addressWindowMs } = deps.throttle;
  const [accountFailures, addressFailures, deviceFailures] = await Promise.all([
    attempt.device === null ? since(deps, attempt.accountKey, accountWindowMs, now) : [],
    since(deps, attempt.addressKey, addressWindowMs, now),
    attempt.device === null ? null : since(deps, attempt.device.key, accountWindowMs, now),
  ]);
  const decision = decideThrottle({ accountFailures, addressFailures, deviceFailures }, deps.throttle, now);
  if (decision.allowed) return null;
  return fail({
    code: 'auth.throttled',
    reason: decision.reason,
    retryAfterSeconds: Math.ceil(decision.retryAfterMs / 1000),
  });
}

/** Counts a failure against the account, the address and the known device, and alerts beheer when the account starts being slowed. */
export async function recordFailure(
  deps: AuthDeps,
  attempt: Attempt,
  account: StaffAccount | null,
  step: FailedStep,
): Promise<void> {
  const now = deps.clock.now();
  await deps.store.loginFailures.record(
    [attempt.accountKey, attempt.addressKey, ...(attempt.device === null ? [] : [attempt.device.key])],
    now,
  );
  const actor = {
    actorId: account?.staff.id ?? null,
    actorName: account?.staff.name ?? 'onbekend',
    subjectType: 'staff',
    subjectId: account?.staff.id ?? null,
    at: now,
  } as const;
  // Which step failed; an unknown e-mail address is not kept (it may be someone's personal address).
  await deps.store.audit.append({
    ...actor,
    event: 'staff.login-failed',
    details: { step, knownAccount: account !== null },
  });
  if (account === null) return;
  const failures = await since(deps, attempt.accountKey, 2 * deps.throttle.accountWindowMs, now);
  const started = slowdownStartedBy(failures, deps.throttle, now);
  // No addresses: they would say nothing to beheer that the count does not, and they are personal data.
  if (started !== null)
    await deps.store.audit.append({ ...actor, event: 'staff.account-slowed', details: { failures: started } });
}

/**
 * After a step that proved the password (or both factors): the known device's failures are cleared, and so are the
 * account's unless it is being slowed (another's guessing then stays slowed).
 */
export async function clearFailures(deps: AuthDeps, attempt: Attempt): Promise<void> {
  const now = deps.clock.now();
  const accountFailures = await since(deps, attempt.accountKey, deps.throttle.accountWindowMs, now);
  if (!isSlowed(accountFailures, deps.throttle, now)) await deps.store.loginFailures.clear(attempt.accountKey);
  if (attempt.device !== null) await deps.store.loginFailures.clear(attempt.device.key);
}

/**
 * After a complete login: the known device's failures are cleared, and so are the account's unless it is being
 * slowed (another's guessing then stays slowed). The browser becomes (again) a known device of the account, with
 * a new token; the result is the browser's new list of tokens.
 */
export async function rememberLogin(
  deps: AuthDeps,
  attempt: Attempt,
  account: StaffAccount,
  origin: LoginOrigin,
): Promise<readonly string[]> {
  const now = deps.clock.now();
  await clearFailures(deps, attempt);
  const token = deps.tokens.newToken();
  const device = {
    tokenHash: deps.tokens.hash(token),
    staffId: account.staff.id,
    createdAt: now,
    expiresAt: new Date(now.getTime() + knownDeviceMs),
  };
  await deps.store.knownDevices.remember(device, attempt.device?.tokenHash ?? null, KNOWN_DEVICES_PER_ACCOUNT);
  const previous = origin.deviceTokens ?? [];
  const replacedHash = attempt.device?.tokenHash ?? null;
  const replaced = replacedHash === null ? null : (previous.find((t) => deps.tokens.hash(t) === replacedHash) ?? null);
  return deviceTokensAfterLogin(previous, replaced, token);
}
