import type { NodeRole } from '../../domain/cluster/node-role.js';

export interface WorkerLease {
  readonly workerId: string;
  /** Host name and process id: for people reading the table, never for decisions. */
  readonly node: string;
  readonly role: NodeRole;
}

export interface LiveWorker extends WorkerLease {
  readonly startedAt: Date;
  readonly expiresAt: Date;
}

/**
 * Leases of the workers of every node. Work a worker claims is its own while its lease lives; once the lease has
 * run out, other nodes take that work back, and the worker, should it come back, may not store results for it
 * (fencing). Times are wall-clock times (see the lease clock in src/app/cluster/node-lease.ts).
 */
export interface WorkerLeases {
  acquire(lease: WorkerLease, at: Date, until: Date): Promise<void>;
  /** Extends a lease that is still live; false when it has run out (its work may already be someone else's). */
  renew(workerId: string, at: Date, until: Date): Promise<boolean>;
  /** Ends the leases that ran out before `at` (never `keep`), and returns their worker ids. */
  expire(at: Date, keep: string): Promise<readonly string[]>;
  /** Ends every lease but `keep`'s: a node that knows it is the only one (the embedded database) after a crash. */
  expireAllBut(keep: string): Promise<number>;
  release(workerId: string): Promise<void>;
  live(at: Date): Promise<readonly LiveWorker[]>;
  /**
   * Takes the next run of a periodic job when it is due: true for exactly one caller per run, which then does the
   * job; the next run is due at `next`.
   */
  takeRun(job: string, takenBy: string, at: Date, next: Date): Promise<boolean>;
}
