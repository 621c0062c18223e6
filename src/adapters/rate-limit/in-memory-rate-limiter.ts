import type { RateDecision, RateLimit, RateLimiter, RateLimiters } from '../../app/ports/rate-limiter.js';

/**
 * Counts requests per key in fixed windows in this process's memory: what it holds is never written anywhere and
 * is gone a window later. Behind several processes each counts its own (REDIS_URL shares the counts).
 */
export function createInMemoryRateLimiter(options: {
  readonly limit: number;
  readonly windowMs: number;
  readonly maxKeys?: number;
}): RateLimiter {
  const windows = new Map<string, { count: number; resetAt: number }>();
  const maxKeys = options.maxKeys ?? 100_000;
  let nextSweep = 0;

  const sweep = (now: number) => {
    if (now < nextSweep && windows.size < maxKeys) return;
    for (const [key, w] of windows) if (w.resetAt <= now) windows.delete(key);
    nextSweep = now + options.windowMs;
  };

  const take = (key: string, now: number): RateDecision => {
    sweep(now);
    const current = windows.get(key);
    if (current === undefined || current.resetAt <= now) {
      // A flood of distinct keys must not grow the map without end, nor lock out every new client: the key
      // whose window started longest ago makes room (the map keeps insertion order; a new window re-inserts).
      windows.delete(key);
      if (windows.size >= maxKeys) {
        const oldest = windows.keys().next();
        if (oldest.done !== true) windows.delete(oldest.value);
      }
      windows.set(key, { count: 1, resetAt: now + options.windowMs });
      return ALLOWED;
    }
    current.count += 1;
    return current.count <= options.limit ? ALLOWED : limited(current.resetAt, now);
  };

  return { take: async (key, now) => take(key, now) };
}

/** Every limit in this process's memory (no REDIS_URL). */
export function createInMemoryRateLimiters(): RateLimiters {
  return (limit: RateLimit) => createInMemoryRateLimiter(limit);
}

const ALLOWED: RateDecision = { kind: 'allowed' };

/** Seconds until the window starts afresh, at least one. */
export function limited(resetAt: number, now: number): RateDecision {
  return { kind: 'limited', retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now) / 1000)) };
}
