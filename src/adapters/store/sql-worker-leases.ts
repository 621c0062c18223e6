import type { NodeRole } from '../../domain/cluster/node-role.js';
import type { LiveWorker, WorkerLeases } from '../../app/ports/worker-leases.js';
import type { Queryable } from './database/database.js';

interface LeaseRow {
  worker_id: string;
  node: string;
  role: NodeRole;
  started_at: Date;
  expires_at: Date;
}

/** Worker leases and periodic job runs in PostgreSQL (migration 0025). */
export function createSqlWorkerLeases(db: Queryable): WorkerLeases {
  return {
    async acquire(lease, at, until) {
      await db.execute(
        `insert into worker_leases (worker_id, node, role, started_at, expires_at) values ($1, $2, $3, $4, $5)
         on conflict (worker_id) do update set expires_at = excluded.expires_at`,
        [lease.workerId, lease.node, lease.role, at, until],
      );
    },
    async renew(workerId, at, until) {
      const changed = await db.execute(
        'update worker_leases set expires_at = $3 where worker_id = $1 and expires_at > $2',
        [workerId, at, until],
      );
      return changed > 0;
    },
    async expire(at, keep) {
      const rows = await db.query<{ worker_id: string }>(
        'delete from worker_leases where expires_at <= $1 and worker_id <> $2 returning worker_id',
        [at, keep],
      );
      return rows.map((r) => r.worker_id);
    },
    expireAllBut(keep) {
      return db.execute('delete from worker_leases where worker_id <> $1', [keep]);
    },
    async release(workerId) {
      await db.execute('delete from worker_leases where worker_id = $1', [workerId]);
    },
    async live(at) {
      const rows = await db.query<LeaseRow>(
        `select worker_id, node, role, started_at, expires_at from worker_leases where expires_at > $1
         order by started_at`,
        [at],
      );
      return rows.map((r): LiveWorker => ({
        workerId: r.worker_id,
        node: r.node,
        role: r.role,
        startedAt: r.started_at,
        expiresAt: r.expires_at,
      }));
    },
    async takeRun(job, takenBy, at, next) {
      await db.execute(
        `insert into periodic_job_runs (job, next_run_at) values ($1, '-infinity') on conflict (job) do nothing`,
        [job],
      );
      const taken = await db.execute(
        `update periodic_job_runs set next_run_at = $4, taken_by = $2, taken_at = $3
         where job = $1 and next_run_at <= $3`,
        [job, takenBy, at, next],
      );
      return taken > 0;
    },
  };
}

/**
 * The SQL condition "the worker named in `column` holds no live lease at the wall-clock time in parameter
 * `atParam`": its claims are orphaned and may be taken back.
 */
export function orphanedClaim(column: string, atParam: string): string {
  return `not exists (select 1 from worker_leases l where l.worker_id = ${column} and l.expires_at > ${atParam})`;
}
