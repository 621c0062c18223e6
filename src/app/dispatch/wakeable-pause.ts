/** A worker's pause between rounds that new work can cut short. */
export interface WakeablePause {
  /** Waits `ms`, or until `wake()`. */
  wait(ms: number): Promise<void>;
  /** Ends the pause under way, if any. */
  wake(): void;
}

export function createWakeablePause(): WakeablePause {
  let wakeUp: (() => void) | null = null;
  return {
    wait: (ms) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          wakeUp = null;
          resolve();
        }
        wakeUp = done;
      }),
    wake: () => wakeUp?.(),
  };
}
