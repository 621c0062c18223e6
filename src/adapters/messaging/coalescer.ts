/**
 * At most one call of `send` per key per window: the first signal goes at once, the ones after it within the
 * window become one more send at its end (so the last one is never lost). A fan-out that queues 100,000 rows in
 * batches wakes the other nodes a few times, not 100,000.
 */
export interface Coalescer {
  signal(key: string): void;
  /** Drops what waits for the end of its window. */
  close(): void;
}

export function createCoalescer(windowMs: number, send: (key: string) => void): Coalescer {
  const windows = new Map<string, { pending: boolean; timer: NodeJS.Timeout }>();
  const open = (key: string) => {
    const timer = setTimeout(() => {
      const window = windows.get(key);
      windows.delete(key);
      if (window?.pending === true) {
        send(key);
        open(key);
      }
    }, windowMs);
    timer.unref();
    windows.set(key, { pending: false, timer });
  };
  return {
    signal(key) {
      const window = windows.get(key);
      if (window !== undefined) {
        window.pending = true;
        return;
      }
      send(key);
      open(key);
    },
    close() {
      for (const { timer } of windows.values()) clearTimeout(timer);
      windows.clear();
    },
  };
}
