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
  return {
    kind: 'pglite',
    ...queryableOf(db),
    transaction: (work) => db.transaction((tx) => work(queryableOf(tx))),
    runScript: async (sql) => {
      await db.exec(sql);
    },
    close: () => db.close(),
  };
}

function queryableOf(target: PGlite | Transaction): Queryable {
  return {
    query: async <Row>(sql: string, params: readonly unknown[] = []) =>
      (await target.query<Row>(sql, [...params])).rows,
    execute: async (sql, params = []) => (await target.query(sql, [...params])).affectedRows ?? 0,
  };
}
