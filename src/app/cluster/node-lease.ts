import type { Logger } from '../ports/logger.js';
import type { Store } from '../ports/stores.js';
import type { NodeRole } from '../../domain/cluster/node-role.js';

/** What workers ask of their node's lease before they claim or send. */
export interface LeaseHolder {
  /** The id claims are made under now; a new one after the lease was lost. */
  readonly workerId: string;
  /**
   * True while this node may still send what it claimed: its lease is live with a margin to spare. False once
   * renewals have failed for most of the lease (the database unreachable, the process paused): by then other
   * nodes may be about to take the work back, so nothing more goes out.
   */
  holds(): boolean;
}

export interface NodeLease extends LeaseHolder {
  /** Wall-clock now, the clock leases are kept in. */
  now(): Date;
  /** True when this node is the only one (the embedded database): nobody takes its work. */
  readonly single: boolean;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface NodeLeaseOptions {
  readonly node: string;
  readonly role: NodeRole;
  /**
   * How long a lease lives without renewal. 0: this node is the only one (the embedded database, or a single
   * server): at start it ends every other lease, so all claims of an earlier run are taken back at once.
   */
  readonly leaseMs: number;
}

/** A single node still renews a lease (so the table shows it), for this long. */
const SINGLE_NODE_LEASE_MS = 60_000;

/**
 * This node's lease on its work: taken at start, renewed three times per lease, given up at stop. A renewal that
 * finds the lease gone (it ran out while the node was paused or cut off, and others took its work back) makes
 * the node take a new lease under a new id: results of the old claims no longer match (fencing) and are dropped.
 */
export function createNodeLease(
  deps: {
    readonly store: Store;
    readonly logger: Logger;
    readonly newWorkerId: () => string;
    /** Wall clock (not the application's clock, which tests move by hours). */
    readonly wallClock?: () => number;
  },
  options: NodeLeaseOptions,
): NodeLease {
  const wall = deps.wallClock ?? Date.now;
  const single = options.leaseMs === 0;
  const leaseMs = single ? SINGLE_NODE_LEASE_MS : options.leaseMs;
  // Renewals start every third of a lease; the lease is trusted until a fifth of it is left (clock skew, a slow query).
  const renewEveryMs = Math.max(100, Math.floor(leaseMs / 3));
  const marginMs = Math.floor(leaseMs / 5);
  let workerId = deps.newWorkerId();
  let renewedFrom = Number.NEGATIVE_INFINITY;
  let timer: NodeJS.Timeout | null = null;
  let renewing: Promise<void> = Promise.resolve();
  let stopped = false;

  async function acquire(): Promise<void> {
    const from = wall();
    await deps.store.workerLeases.acquire(
      { workerId, node: options.node, role: options.role },
      new Date(from),
      new Date(from + leaseMs),
    );
    renewedFrom = from;
  }

  async function renew(): Promise<void> {
    const from = wall();
    try {
      if (await deps.store.workerLeases.renew(workerId, new Date(from), new Date(from + leaseMs))) {
        renewedFrom = from;
        return;
      }
      const lost = workerId;
      workerId = deps.newWorkerId();
      deps.logger.warn(
        { lostWorkerId: lost, workerId },
        'worker lease ran out and its work was taken back; continuing under a new lease',
      );
      await acquire();
    } catch (error) {
      deps.logger.error(
        { err: error, msLeft: renewedFrom + leaseMs - marginMs - wall() },
        'worker lease could not be renewed',
      );
    }
  }

  return {
    get workerId() {
      return workerId;
    },
    single,
    now: () => new Date(wall()),
    holds: () => single || wall() < renewedFrom + leaseMs - marginMs,
    async start() {
      await acquire();
      if (single) {
        const ended = await deps.store.workerLeases.expireAllBut(workerId);
        if (ended > 0) deps.logger.info({ ended }, 'ended the leases of an earlier run (this node is the only one)');
      }
      timer = setInterval(() => {
        if (stopped) return;
        renewing = renewing.then(renew);
      }, renewEveryMs);
      timer.unref();
    },
    async stop() {
      stopped = true;
      if (timer !== null) clearInterval(timer);
      await renewing;
      await deps.store.workerLeases.release(workerId).catch((error: unknown) => {
        deps.logger.warn({ err: error }, 'worker lease not released; it runs out by itself');
      });
    },
  };
}

/** The lease of a node that runs no workers (an API node): it holds nothing, so nothing is claimed under it. */
export const NO_LEASE: NodeLease = {
  workerId: 'api-node',
  single: false,
  now: () => new Date(),
  holds: () => false,
  start: async () => {},
  stop: async () => {},
};
