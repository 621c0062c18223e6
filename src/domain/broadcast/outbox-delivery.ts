/**
 * The life of one event at one destination: pending → sending → delivered, rejected or expired; a failed try
 * goes back to pending with a later attempt time. A destination gets its events in order, one at a time, so a
 * later event never overtakes one that is being retried.
 */
export type OutboxStatus = 'pending' | 'sending' | 'delivered' | 'rejected' | 'expired';

export const OUTBOX_STATUSES: readonly OutboxStatus[] = ['pending', 'sending', 'delivered', 'rejected', 'expired'];

/** What one attempt came to, as the channel said it (without the transport's details). */
export type AttemptResult =
  | { readonly kind: 'delivered' }
  | { readonly kind: 'retry'; readonly retryAfterMs: number | null }
  | { readonly kind: 'rejected' };

export interface RetryPolicy {
  /** The pause after the first failed attempt; it doubles with each further one. */
  readonly firstPauseMs: number;
  /** The pause never grows beyond this, so a destination that comes back gets its events soon. */
  readonly maxPauseMs: number;
  /** An event this old is given up at its destination (expired) instead of tried again. */
  readonly maxAgeMs: number;
}

export type Settlement =
  | { readonly status: 'delivered' }
  | { readonly status: 'rejected' }
  | { readonly status: 'expired' }
  | { readonly status: 'pending'; readonly nextAttemptAt: Date };

/**
 * Decides what becomes of an event at a destination after an attempt. `attempts` counts this one; `createdAt`
 * is when the event was written. A destination's own Retry-After is honoured, within the maximum pause.
 */
export function settleAttempt(
  result: AttemptResult,
  attempts: number,
  createdAt: Date,
  now: Date,
  policy: RetryPolicy,
): Settlement {
  switch (result.kind) {
    case 'delivered':
      return { status: 'delivered' };
    case 'rejected':
      return { status: 'rejected' };
    case 'retry': {
      const pause = result.retryAfterMs ?? backoffMs(attempts, policy);
      const nextAttemptAt = new Date(now.getTime() + Math.min(Math.max(pause, 0), policy.maxPauseMs));
      if (nextAttemptAt.getTime() - createdAt.getTime() > policy.maxAgeMs) return { status: 'expired' };
      return { status: 'pending', nextAttemptAt };
    }
  }
}

/** firstPause × 2^(attempts − 1), capped. */
export function backoffMs(attempts: number, policy: Pick<RetryPolicy, 'firstPauseMs' | 'maxPauseMs'>): number {
  const exponent = Math.min(Math.max(attempts - 1, 0), 30);
  return Math.min(policy.firstPauseMs * 2 ** exponent, policy.maxPauseMs);
}
