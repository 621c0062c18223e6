import type { Logger } from '../ports/logger.js';
import type { Store } from '../ports/stores.js';
import type { NodeLease } from './node-lease.js';

export interface PeriodicJobs {
  /**
   * Wraps a periodic job so that, of all nodes calling it every `intervalMs`, one does each run; the others skip
   * it. On the only node it simply runs.
   */
  onOneNode(job: string, intervalMs: number, work: () => Promise<void>): () => Promise<void>;
}

/** A run is taken for a little less than the interval, so the next one is due when the nodes' timers fire. */
const RUN_SHARE = 0.9;

export function createPeriodicJobs(deps: {
  readonly store: Store;
  readonly logger: Logger;
  readonly lease: NodeLease;
}): PeriodicJobs {
  const { lease } = deps;
  return {
    onOneNode(job, intervalMs, work) {
      if (lease.single) return work;
      return async () => {
        if (!lease.holds()) return;
        const at = lease.now();
        const taken = await deps.store.workerLeases.takeRun(
          job,
          lease.workerId,
          at,
          new Date(at.getTime() + intervalMs * RUN_SHARE),
        );
        if (taken) await work();
        else deps.logger.debug({ job }, 'periodic job run taken by another node');
      };
    },
  };
}
