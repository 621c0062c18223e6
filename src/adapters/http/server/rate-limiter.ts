/**
 * Counts requests per key (an address, a device) in fixed windows, in memory only: what it holds is never
 * written anywhere and is gone a window later. One process; behind several processes each counts its own.
 */
export interface RateLimiter {
  /** Counts one request for the key; false when the key has used up its window. */
  take(key: string, now: number): boolean;
  /** Seconds until the key's window starts afresh. */
  retryAfterSeconds(key: string, now: number): number;
}

export function createRateLimiter(options: {
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

  return {
    take(key, now) {
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
        return true;
      }
      current.count += 1;
      return current.count <= options.limit;
    },
    retryAfterSeconds(key, now) {
      const current = windows.get(key);
      return current === undefined ? 0 : Math.max(1, Math.ceil((current.resetAt - now) / 1000));
    },
  };
}
