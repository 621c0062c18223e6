import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Database, DatabaseKind } from '../src/adapters/store/database/database.js';
import { openPgliteDatabase } from '../src/adapters/store/database/pglite-database.js';
import { openPostgresDatabase } from '../src/adapters/store/database/postgres-database.js';
import { loadGemeenten, meldkamersOf } from '../src/adapters/geodata/geodata.js';
import { migrate } from '../src/adapters/store/migrate.js';
import { syncReferenceData } from '../src/adapters/store/sync-reference-data.js';

export interface BenchDatabase {
  readonly kind: DatabaseKind;
  readonly database: Database;
  /** Where the data lives: a database URL or a folder. */
  readonly location: string;
  /** Size of the data on disk, in MiB. */
  sizeMib(): Promise<number>;
  /** Closes the database and removes it (the server database, or the PGlite folder). */
  drop(): Promise<void>;
}

export const BENCH_DATABASE_NAME = 'burgernet_bench';
const POOL_SIZE = 10;

/** A fresh, migrated database with the reference data: a new database on the server, or PGlite in a temp folder. */
export async function createBenchDatabase(kind: DatabaseKind, serverUrl: string): Promise<BenchDatabase> {
  const bench = kind === 'postgres' ? await createServerDatabase(serverUrl) : await createPgliteDatabase();
  await migrate(bench.database);
  const gemeenten = await loadGemeenten();
  await syncReferenceData(bench.database, meldkamersOf(gemeenten), gemeenten);
  return bench;
}

async function createServerDatabase(serverUrl: string): Promise<BenchDatabase> {
  await onServer(serverUrl, `drop database if exists ${BENCH_DATABASE_NAME} with (force)`);
  await onServer(serverUrl, `create database ${BENCH_DATABASE_NAME}`);
  const url = new URL(serverUrl);
  url.pathname = `/${BENCH_DATABASE_NAME}`;
  const database = await openPostgresDatabase(url.toString(), POOL_SIZE);
  return {
    kind: 'postgres',
    database,
    location: url.toString(),
    async sizeMib() {
      const [row] = await database.query<{ bytes: number }>('select pg_database_size(current_database()) as bytes');
      return Math.round((row?.bytes ?? 0) / 2 ** 20);
    },
    async drop() {
      await database.close();
      await onServer(serverUrl, `drop database if exists ${BENCH_DATABASE_NAME} with (force)`);
    },
  };
}

async function createPgliteDatabase(): Promise<BenchDatabase> {
  const folder = await mkdtemp(join(tmpdir(), 'burgernet-bench-'));
  const database = await openPgliteDatabase(folder);
  return {
    kind: 'pglite',
    database,
    location: folder,
    async sizeMib() {
      const [row] = await database.query<{ bytes: number }>('select pg_database_size(current_database())::float8 as bytes');
      return Math.round((row?.bytes ?? 0) / 2 ** 20);
    },
    async drop() {
      await database.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}
