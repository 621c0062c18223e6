/** Whether one more request of a key fits in its window. */
export type RateDecision =
  | { readonly kind: 'allowed' }
  | { readonly kind: 'limited'; readonly retryAfterSeconds: number }
  /** The shared counter could not be reached and the limit fails closed. */
  | { readonly kind: 'unavailable' };

/**
 * Counts requests per key (an address, a device) in fixed windows, in memory only (this process's, or a Redis
 * that keeps nothing on disk): what it holds is gone a window later.
 */
export interface RateLimiter {
  /** Counts one request for the key. */
  take(key: string, now: number): Promise<RateDecision>;
}

export interface RateLimit {
  /** Names the counters in a shared store; unique per limit. */
  readonly name: string;
  readonly limit: number;
  readonly windowMs: number;
  /**
   * When the shared counter cannot be reached: 'allow' lets the request through (fails open), 'refuse' answers
   * 'unavailable' (fails closed). A limiter in this process's memory is always reachable.
   */
  readonly whenUnavailable: 'allow' | 'refuse';
}

/** Makes the limiter of a limit, in memory or shared. */
export type RateLimiters = (limit: RateLimit) => RateLimiter;
