import type { Staff } from '../../domain/staff/staff.js';
import type { BackgroundTasks } from '../self-service/background-tasks.js';
import {
  importRelations,
  type ImportProgress,
  type ImportReport,
  type ImportTexts,
  type ReadRow,
} from './import-relations.js';
import type { RelatiebeheerDeps } from './relatiebeheer-deps.js';

export interface ImportJob {
  readonly id: string;
  readonly staffId: string;
  readonly dryRun: boolean;
  readonly startedAt: Date;
  progress: ImportProgress;
  report: ImportReport | null;
  /** A check keeps the rows it read, so that "store the good rows" needs no second upload. */
  rows: readonly ReadRow[] | null;
}

/** How long a finished import's report stays available. */
const KEEP_MS = 60 * 60_000;

/**
 * Imports run after the upload was read, so the uploader can follow their progress (polling or server-sent
 * events). Jobs live in this process only: after a restart the report is gone, what was stored stays.
 */
export interface ImportJobs {
  start(staff: Staff, dryRun: boolean, rows: readonly ReadRow[], texts: ImportTexts): ImportJob;
  /** Stores what a finished check of this staff member read (its good rows, checked again); null when there is none. */
  commit(staff: Staff, checkId: string, texts: ImportTexts): ImportJob | null;
  /** The job, for the staff member who started it only. */
  find(staff: Staff, id: string): ImportJob | null;
  /** Calls `listener` on every change until the job is done; returns the unsubscribe function. */
  watch(id: string, listener: (job: ImportJob) => void): () => void;
}

export function createImportJobs(deps: RelatiebeheerDeps, background: BackgroundTasks): ImportJobs {
  const jobs = new Map<string, ImportJob>();
  const listeners = new Map<string, Set<(job: ImportJob) => void>>();
  const notify = (job: ImportJob) => {
    for (const l of listeners.get(job.id) ?? []) l(job);
  };
  const forget = (now: number) => {
    for (const [id, job] of jobs) if (job.report !== null && now - job.startedAt.getTime() > KEEP_MS) jobs.delete(id);
  };

  return {
    start(staff, dryRun, rows, texts) {
      forget(deps.clock.now().getTime());
      const job: ImportJob = {
        id: deps.ids.newId(),
        staffId: staff.id,
        dryRun,
        startedAt: deps.clock.now(),
        progress: { phase: 'checking', rowsRead: rows.length, rowsChecked: 0, rowsStored: 0, badRows: 0 },
        report: null,
        rows: dryRun ? rows : null,
      };
      jobs.set(job.id, job);
      background.run('import', async () => {
        try {
          job.report = await importRelations(deps, staff, rows, {
            dryRun,
            texts,
            onProgress: (p) => {
              job.progress = p;
              notify(job);
            },
          });
          job.progress = job.report;
        } catch (error) {
          job.progress = { ...job.progress, phase: 'failed' };
          deps.logger.error({ err: error, importId: job.id }, 'import failed');
        }
        notify(job);
      });
      return job;
    },
    commit(staff, checkId, texts) {
      const check = this.find(staff, checkId);
      if (check === null || !check.dryRun || check.report === null || check.rows === null) return null;
      const rows = check.rows;
      check.rows = null;
      return this.start(staff, false, rows, texts);
    },
    find(staff, id) {
      const job = jobs.get(id);
      return job !== undefined && job.staffId === staff.id ? job : null;
    },
    watch(id, listener) {
      const set = listeners.get(id) ?? new Set();
      set.add(listener);
      listeners.set(id, set);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(id);
      };
    },
  };
}
