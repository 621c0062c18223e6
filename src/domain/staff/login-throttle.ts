/**
 * Online guessing is limited twice (NIST SP 800-63B §3.2.2), each as a sliding window of failed attempts:
 * per account (whatever address the attempts come from; a success clears it) and per client address
 * (whichever accounts it aims at). Unknown e-mail addresses are counted like known ones, so the answers do
 * not tell which accounts exist.
 */
export interface ThrottleLimits {
  readonly maxFailuresPerAccount: number;
  readonly accountWindowMs: number;
  readonly maxFailuresPerAddress: number;
  readonly addressWindowMs: number;
}

export type ThrottleReason = 'account-locked' | 'address-limited';
export type ThrottleDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterMs: number; readonly reason: ThrottleReason };

function limited(failures: readonly Date[], max: number, windowMs: number, now: Date): number | null {
  const recent = failures.map((at) => at.getTime()).filter((t) => now.getTime() - t < windowMs).sort((a, b) => b - a);
  if (recent.length < max) return null;
  // Allowed again once the max-th most recent failure leaves the window.
  return Math.max(1000, recent[max - 1]! + windowMs - now.getTime());
}

export function decideThrottle(
  state: { readonly accountFailures: readonly Date[]; readonly addressFailures: readonly Date[] },
  limits: ThrottleLimits,
  now: Date,
): ThrottleDecision {
  const account = limited(state.accountFailures, limits.maxFailuresPerAccount, limits.accountWindowMs, now);
  if (account !== null) return { allowed: false, reason: 'account-locked', retryAfterMs: account };
  const address = limited(state.addressFailures, limits.maxFailuresPerAddress, limits.addressWindowMs, now);
  if (address !== null) return { allowed: false, reason: 'address-limited', retryAfterMs: address };
  return { allowed: true };
}
