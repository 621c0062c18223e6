const MIB = 1024 * 1024;

export interface MemoryFigures {
  /** Resident set size when sampling started, MiB. */
  readonly rssStartMib: number;
  /** Highest resident set size seen while sampling, MiB. */
  readonly rssPeakMib: number;
  /** Highest V8 heap in use seen while sampling, MiB. */
  readonly heapPeakMib: number;
  /** The process's highest resident set size so far (getrusage), MiB: also what the samples missed. */
  readonly processMaxRssMib: number;
}

export interface MemorySampler {
  /** Takes a sample now: work that never yields to the event loop (PGlite's) starves the timer. */
  sample(): void;
  stop(): MemoryFigures;
}

/** Samples this process's memory every `intervalMs` until stopped (a phase's own peak, not the process's). */
export function sampleMemory(intervalMs = 100): MemorySampler {
  const first = process.memoryUsage();
  let rssPeak = first.rss;
  let heapPeak = first.heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    rssPeak = Math.max(rssPeak, m.rss);
    heapPeak = Math.max(heapPeak, m.heapUsed);
  };
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    sample,
    stop() {
      clearInterval(timer);
      sample();
      return {
        rssStartMib: Math.round(first.rss / MIB),
        rssPeakMib: Math.round(rssPeak / MIB),
        heapPeakMib: Math.round(heapPeak / MIB),
        processMaxRssMib: Math.round((process.resourceUsage().maxRSS * 1024) / MIB),
      };
    },
  };
}
