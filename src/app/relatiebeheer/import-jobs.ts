import type { ImportRefusal, ParticipantError } from '../../domain/participant/errors.js';
import { fail, ok, type Result } from '../../domain/result.js';
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

/** What one upload and the imports running at once may come to (configuration). */
export interface ImportLimits {
  readonly maxRows: number;
  readonly maxBytes: number;
  /** Imports (checks included) one account may have running at once. */
  readonly perAccount: number;
  /** Imports running at once in this process, over all accounts. */
  readonly running: number;
}

export type ImportRefused = Extract<
  ParticipantError,
  { readonly code: 'relatiebeheer.import-busy' | 'relatiebeheer.import-too-large' }
>;

/** A place among the running imports, taken before the upload is read: start the job in it, or give it back. */
export interface ImportSlot {
  start(rows: readonly ReadRow[], texts: ImportTexts): ImportJob;
  /** The upload was not read after all (unreadable, too large): the place is free again, nothing was stored. */
  release(): void;
}

/**
 * Imports run after the upload was read, so the uploader can follow their progress (polling or server-sent
 * events). Jobs live in this process only: after a restart the report is gone, what was stored stays. Each
 * account may run `perAccount` at once and the process `running`; an import refused for that (or for its size)
 * is audited and stores nothing.
 */
export interface ImportJobs {
  /** A place for a new import of this staff member, or the refusal (audited) when too many run already. */
  reserve(staff: Staff, dryRun: boolean): Promise<Result<ImportSlot, ImportRefused>>;
  /** Audits an upload refused for its size (rows or bytes) and returns the refusal to answer with. */
  refuseTooLarge(staff: Staff, dryRun: boolean, limit: 'rows' | 'bytes'): Promise<ImportRefused>;
  /**
   * Stores what a finished check of this staff member read (its good rows, checked again); null when there is
   * none, the refusal when too many imports run.
   */
  commit(staff: Staff, checkId: string, texts: ImportTexts): Promise<Result<ImportJob, ImportRefused> | null>;
  /** The job, for the staff member who started it only. */
  find(staff: Staff, id: string): ImportJob | null;
  /** Calls `listener` on every change until the job is done; returns the unsubscribe function. */
  watch(id: string, listener: (job: ImportJob) => void): () => void;
  readonly limits: ImportLimits;
}

export function createImportJobs(
  deps: RelatiebeheerDeps,
  background: BackgroundTasks,
  limits: ImportLimits,
): ImportJobs {
  const jobs = new Map<string, ImportJob>();
  const listeners = new Map<string, Set<(job: ImportJob) => void>>();
  /** Places taken, by staff id: a reserved upload still being read, or a job not yet done. */
  const running = new Map<string, number>();
  let runningTotal = 0;
  const take = (staffId: string) => {
    running.set(staffId, (running.get(staffId) ?? 0) + 1);
    runningTotal++;
  };
  const give = (staffId: string) => {
    const left = (running.get(staffId) ?? 1) - 1;
    if (left > 0) running.set(staffId, left);
    else running.delete(staffId);
    runningTotal--;
  };
  const notify = (job: ImportJob) => {
    for (const l of listeners.get(job.id) ?? []) l(job);
  };
  const forget = (now: number) => {
    for (const [id, job] of jobs) if (job.report !== null && now - job.startedAt.getTime() > KEEP_MS) jobs.delete(id);
  };
  const refuse = async (staff: Staff, dryRun: boolean, reason: ImportRefusal): Promise<void> => {
    await deps.store.audit.append({
      actorId: staff.id,
      actorName: staff.name,
      event: 'relatiebeheer.import-refused',
      subjectType: 'participant',
      subjectId: null,
      details: { reason, dryRun },
      at: deps.clock.now(),
    });
  };

  /** Runs the import in a place already taken, which it gives back when done (or failed). */
  const run = (staff: Staff, dryRun: boolean, rows: readonly ReadRow[], texts: ImportTexts): ImportJob => {
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
      } finally {
        give(staff.id);
      }
      notify(job);
    });
    return job;
  };

  /** Takes a place, or says (audited) why there is none. */
  const reserve = async (staff: Staff, dryRun: boolean): Promise<Result<() => void, ImportRefused>> => {
    if ((running.get(staff.id) ?? 0) >= limits.perAccount) {
      await refuse(staff, dryRun, 'busy-account');
      return fail({ code: 'relatiebeheer.import-busy', scope: 'account', limit: limits.perAccount });
    }
    if (runningTotal >= limits.running) {
      await refuse(staff, dryRun, 'busy-system');
      return fail({ code: 'relatiebeheer.import-busy', scope: 'system', limit: limits.running });
    }
    take(staff.id);
    let held = true;
    return ok(() => {
      if (held) give(staff.id);
      held = false;
    });
  };

  return {
    limits,
    async reserve(staff, dryRun) {
      const place = await reserve(staff, dryRun);
      if (!place.ok) return place;
      let used = false;
      return ok({
        start: (rows, texts) => {
          if (used) throw new Error('import slot used twice');
          used = true;
          return run(staff, dryRun, rows, texts);
        },
        release: () => {
          if (!used) place.value();
          used = true;
        },
      });
    },
    async refuseTooLarge(staff, dryRun, limit) {
      await refuse(staff, dryRun, limit === 'rows' ? 'too-many-rows' : 'too-many-bytes');
      return {
        code: 'relatiebeheer.import-too-large',
        limit,
        max: limit === 'rows' ? limits.maxRows : limits.maxBytes,
      };
    },
    async commit(staff, checkId, texts) {
      const check = this.find(staff, checkId);
      if (check === null || !check.dryRun || check.report === null || check.rows === null) return null;
      const place = await reserve(staff, false);
      if (!place.ok) return place;
      const rows = check.rows;
      check.rows = null;
      return ok(run(staff, false, rows, texts));
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
