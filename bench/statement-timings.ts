import type { Database, Queryable } from '../src/adapters/store/database/database.js';

export interface StatementTiming {
  /** The statement's first words, whitespace collapsed. */
  readonly sql: string;
  readonly calls: number;
  /** Summed round trips as the caller waited for them (lock and pool waits included). */
  readonly totalMs: number;
  readonly rows: number;
}

export interface TimedDatabase {
  readonly database: Database;
  /** The statements that took the most time, longest first. */
  top(n: number): StatementTiming[];
}

const LABEL_LENGTH = 70;

/**
 * The database with every statement timed, so that the fan-out figures show where its time goes
 * (the server has no pg_stat_statements here, and PGlite none at all). Transactions are timed as a whole too.
 */
export function timeStatements(database: Database): TimedDatabase {
  const timings = new Map<string, { calls: number; totalMs: number; rows: number }>();
  const record = (sql: string, startedAt: number, rows: number) => {
    const label = sql.replace(/\s+/g, ' ').trim().slice(0, LABEL_LENGTH);
    const t = timings.get(label) ?? { calls: 0, totalMs: 0, rows: 0 };
    t.calls += 1;
    t.totalMs += performance.now() - startedAt;
    t.rows += rows;
    timings.set(label, t);
  };
  const timed = (q: Queryable): Queryable => ({
    async query<Row>(sql: string, params?: readonly unknown[]) {
      const startedAt = performance.now();
      const rows = await q.query<Row>(sql, params);
      record(sql, startedAt, rows.length);
      return rows;
    },
    async execute(sql: string, params?: readonly unknown[]) {
      const startedAt = performance.now();
      const changed = await q.execute(sql, params);
      record(sql, startedAt, changed);
      return changed;
    },
  });
  return {
    database: {
      ...timed(database),
      kind: database.kind,
      async transaction(work) {
        const startedAt = performance.now();
        try {
          return await database.transaction((tx) => work(timed(tx)));
        } finally {
          record('(transaction)', startedAt, 0);
        }
      },
      runScript: (sql) => database.runScript(sql),
      close: () => database.close(),
    },
    top(n) {
      return [...timings]
        .map(([sql, t]) => ({ sql, calls: t.calls, totalMs: Math.round(t.totalMs), rows: t.rows }))
        .sort((a, b) => b.totalMs - a.totalMs)
        .slice(0, n);
    },
  };
}
