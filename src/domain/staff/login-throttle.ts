/**
 * Online guessing is limited twice (NIST SP 800-63B §3.2.2), each over a sliding window of failed attempts.
 * Per account (whatever address the attempts come from) the first failures are free and each further attempt
 * waits a delay that doubles with every failure past them: the account is slowed, never locked, so nobody can
 * keep its owner out by guessing wrong on purpose. A browser the owner completed a login in before (a known
 * device) is slowed only by its own failures, not by the account's. Per client address (whichever accounts it
 * aims at) there is a hard limit. Unknown e-mail addresses are counted like known ones, so the answers do not
 * tell which accounts exist.
 */
export interface ThrottleLimits {
  readonly maxFailuresPerAccount: number;
  readonly accountWindowMs: number;
  /** The wait after the first failure past the free ones; it doubles with each further failure. */
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
  readonly maxFailuresPerAddress: number;
  readonly addressWindowMs: number;
}

export type ThrottleReason = 'account-slowed' | 'address-limited';
export type ThrottleDecision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly retryAfterMs: number; readonly reason: ThrottleReason };

export interface ThrottleState {
  readonly accountFailures: readonly Date[];
  readonly addressFailures: readonly Date[];
  /** The failures of the known device this attempt comes from, when it is one of the account's; null otherwise. */
  readonly deviceFailures: readonly Date[] | null;
}

/** Failures in the window that ends at `now`, most recent first. */
function inWindow(failures: readonly Date[], windowMs: number, now: Date): number[] {
  return failures
    .map((at) => at.getTime())
    .filter((t) => t <= now.getTime() && now.getTime() - t < windowMs)
    .sort((a, b) => b - a);
}

/** How long the next attempt waits after the most recent of `failures` failures in the window: 0 while they are free. */
export function accountDelayMs(
  failures: number,
  limits: Pick<ThrottleLimits, 'maxFailuresPerAccount' | 'firstDelayMs' | 'maxDelayMs'>,
): number {
  const past = failures - limits.maxFailuresPerAccount;
  if (past < 0) return 0;
  // The exponent is capped so that the number stays finite; the cap on the delay is far below 2^40 ms anyway.
  return Math.min(limits.maxDelayMs, limits.firstDelayMs * 2 ** Math.min(past, 40));
}

/** The wait left before the next attempt against these failures (of an account or of a known device). */
function slowdownLeftMs(failures: readonly Date[], limits: ThrottleLimits, now: Date): number {
  const recent = inWindow(failures, limits.accountWindowMs, now);
  const delay = accountDelayMs(recent.length, limits);
  return delay === 0 ? 0 : Math.max(0, recent[0]! + delay - now.getTime());
}

function addressLimitLeftMs(failures: readonly Date[], limits: ThrottleLimits, now: Date): number {
  const recent = inWindow(failures, limits.addressWindowMs, now);
  if (recent.length < limits.maxFailuresPerAddress) return 0;
  // Allowed again once the max-th most recent failure leaves the window.
  return Math.max(1000, recent[limits.maxFailuresPerAddress - 1]! + limits.addressWindowMs - now.getTime());
}

/** Whether an attempt may go ahead now; when both limits apply, the longer wait is the one to tell. */
export function decideThrottle(state: ThrottleState, limits: ThrottleLimits, now: Date): ThrottleDecision {
  const account = slowdownLeftMs(state.deviceFailures ?? state.accountFailures, limits, now);
  const address = addressLimitLeftMs(state.addressFailures, limits, now);
  if (account === 0 && address === 0) return { allowed: true };
  return address >= account
    ? { allowed: false, reason: 'address-limited', retryAfterMs: address }
    : { allowed: false, reason: 'account-slowed', retryAfterMs: account };
}

/** Whether an account (or device) is past its free failures at `now`: its failures are then kept after a success. */
export function isSlowed(failures: readonly Date[], limits: ThrottleLimits, now: Date): boolean {
  return inWindow(failures, limits.accountWindowMs, now).length >= limits.maxFailuresPerAccount;
}

/**
 * Whether the failure at `now` starts a slowdown beheer should hear about: with it the account reaches its free
 * failures, and it was not slowed at any earlier failure still in the window (a sustained attack alerts once).
 * `failures` holds at least two windows' worth, including the one at `now`. Returns the failures in the window.
 */
export function slowdownStartedBy(failures: readonly Date[], limits: ThrottleLimits, now: Date): number | null {
  const recent = inWindow(failures, limits.accountWindowMs, now);
  if (recent.length < limits.maxFailuresPerAccount) return null;
  const earlier = recent.filter((t) => t < now.getTime());
  return earlier.every((t) => !isSlowed(failures, limits, new Date(t))) ? recent.length : null;
}
