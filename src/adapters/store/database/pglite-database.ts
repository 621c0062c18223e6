import { mkdir } from 'node:fs/promises';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Database, Queryable } from './database.js';

/**
 * Embedded PostgreSQL in this process. PGlite has one connection and queues statements itself, so a
 * transaction holds it exclusively until it ends.
 */
export async function openPgliteDatabase(dataDir: string | null): Promise<Database> {
  if (dataDir !== null) await mkdir(dataDir, { recursive: true });
  const db = dataDir === null ? new PGlite() : new PGlite(dataDir);
  await db.waitReady;
  const letIoRun = ioTurns();
  return {
    kind: 'pglite',
    ...queryableOf(db, letIoRun),
    transaction: (work) => db.transaction((tx) => work(queryableOf(tx, letIoRun))),
    runScript: async (sql) => {
      await db.exec(sql);
    },
    close: () => db.close(),
  };
}

/** Longest run of statements before sockets and timers get a turn. */
const IO_SLICE_MS = 10;

/**
 * PGlite runs each statement synchronously on this thread, and its promises resolve as microtasks: a chain of
 * statements (a targeting run, a seed) would starve sockets and timers until it ends. A statement that starts
 * more than a slice after the last turn first lets the event loop serve them, so an HTTP answer or an SMPP
 * submit waits for a slice and one statement, not for the whole chain.
 */
function ioTurns(): () => Promise<void> {
  let lastTurn = performance.now();
  return async () => {
    if (performance.now() - lastTurn < IO_SLICE_MS) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    lastTurn = performance.now();
  };
}

function queryableOf(target: PGlite | Transaction, letIoRun: () => Promise<void>): Queryable {
  return {
    query: async <Row>(sql: string, params: readonly unknown[] = []) => {
      await letIoRun();
      return (await target.query<Row>(sql, [...params])).rows;
    },
    execute: async (sql, params = []) => {
      await letIoRun();
      return (await target.query(sql, [...params])).affectedRows ?? 0;
    },
  };
}
