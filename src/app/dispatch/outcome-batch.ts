/**
 * Outcomes of messages that went out (an SMS submitted, a call made, a mail handed to the relay), stored together.
 * One store at a time; a failed store keeps its outcomes and tries again, because forgetting that a message went
 * out would send it again.
 */
export interface OutcomeBatch<T> {
  push(outcome: T): void;
  readonly size: number;
  /** Stores everything pushed so far (and what is pushed meanwhile); the same promise while a store runs. */
  flush(): Promise<void>;
}

const RETRY_MS = 500;

export function createOutcomeBatch<T>(
  store: (batch: readonly T[]) => Promise<void>,
  failed: (error: unknown, count: number) => void,
): OutcomeBatch<T> {
  let pending: T[] = [];
  let flushing: Promise<void> | null = null;
  return {
    push: (outcome) => void pending.push(outcome),
    get size() {
      return pending.length;
    },
    flush() {
      if (flushing !== null) return flushing;
      if (pending.length === 0) return Promise.resolve();
      flushing = (async () => {
        try {
          while (pending.length > 0) {
            const batch = pending;
            pending = [];
            try {
              await store(batch);
            } catch (error) {
              pending = batch.concat(pending);
              failed(error, batch.length);
              await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
            }
          }
        } finally {
          // Cleared in the same tick as the last check of the loop, so an outcome pushed later starts a new store.
          flushing = null;
        }
      })();
      return flushing;
    },
  };
}
