import type { CallRouting, CallRoutingLog } from '../../app/ports/call-routing-repository.js';
import type { Logger } from '../../app/ports/logger.js';
import type { Queryable } from './database/database.js';

export interface BatchedCallRoutingLogOptions {
  /** How long a record may wait for the next batch. */
  readonly flushIntervalMs: number;
  readonly maxBatch: number;
  /** Records held while the database does not take them; beyond this the oldest are given up (and logged). */
  readonly maxPending: number;
}

export interface BatchedCallRoutingLog extends CallRoutingLog {
  /** Writes everything recorded so far. */
  flush(): Promise<void>;
  /** Writes what is left (three tries) and stops. */
  close(): Promise<void>;
}

/**
 * Writes routing decisions in batches, one multi-row insert per interval, so that a busy redirect server
 * costs one statement per batch instead of one per call and no caller waits for a write. A crash loses at
 * most the last interval's records; a failing database keeps them (up to maxPending) and tries again.
 */
export function createBatchedCallRoutingLog(
  db: Queryable,
  options: BatchedCallRoutingLogOptions,
  logger: Logger,
): BatchedCallRoutingLog {
  let pending: CallRouting[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> = Promise.resolve();
  let closed = false;

  const writeBatch = async (batch: readonly CallRouting[]): Promise<void> => {
    await db.execute(
      `insert into call_routings (at, action_id, meldkamer_code, target, reason, transport, candidates)
       select * from unnest($1::timestamptz[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::smallint[])`,
      [
        batch.map((r) => r.at),
        batch.map((r) => r.actionId),
        batch.map((r) => r.meldkamerCode),
        batch.map((r) => r.target),
        batch.map((r) => r.reason),
        batch.map((r) => r.transport),
        batch.map((r) => r.candidates),
      ],
    );
  };

  const drain = async (): Promise<void> => {
    while (pending.length > 0) {
      const batch = pending.slice(0, options.maxBatch);
      pending = pending.slice(batch.length);
      try {
        await writeBatch(batch);
      } catch (error) {
        pending = [...batch, ...pending];
        logger.error({ err: error, pending: pending.length }, 'call routings not recorded yet; retrying');
        if (!closed) schedule();
        return;
      }
    }
  };

  const flushNow = (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    writing = writing.then(drain);
    return writing;
  };

  function schedule(): void {
    timer ??= setTimeout(() => {
      timer = undefined;
      void flushNow();
    }, options.flushIntervalMs);
  }

  return {
    record(routing) {
      pending.push(routing);
      if (pending.length > options.maxPending) {
        const lost = pending.length - options.maxPending;
        pending = pending.slice(lost);
        logger.error({ lost }, 'call routings given up: the database does not take them');
      }
      if (closed) return;
      if (pending.length >= options.maxBatch) void flushNow();
      else schedule();
    },
    flush: flushNow,
    async close() {
      closed = true;
      for (let attempt = 0; attempt < 3 && pending.length > 0; attempt++) await flushNow();
      if (pending.length > 0)
        logger.error({ lost: pending.length }, 'call routings given up at stop: the database does not take them');
    },
  };
}
