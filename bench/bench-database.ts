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
  /** Closes the database and removes it (the server database, or the PGlite folder) unless it is kept. */
  drop(): Promise<void>;
}

// BENCH_DATABASE_NAME lets two benches share one server without dropping each other's database.
export const BENCH_DATABASE_NAME = /^[a-z_][a-z0-9_]{0,62}$/.test(process.env.BENCH_DATABASE_NAME ?? '')
  ? process.env.BENCH_DATABASE_NAME!
  : 'burgernet_bench';
const POOL_SIZE = 10;

/**
 * A migrated database with the reference data: a new database on the server, or PGlite in a new temp folder.
 * With `keep`, a database kept by an earlier run is opened as it is, and this one is kept at the end.
 */
export async function createBenchDatabase(
  kind: DatabaseKind,
  serverUrl: string,
  keep: boolean,
): Promise<BenchDatabase> {
  const bench = kind === 'postgres' ? await createServerDatabase(serverUrl, keep) : await createPgliteDatabase(keep);
  await migrate(bench.database);
  const gemeenten = await loadGemeenten();
  await syncReferenceData(bench.database, meldkamersOf(gemeenten), gemeenten);
  return bench;
}

async function createServerDatabase(serverUrl: string, keep: boolean): Promise<BenchDatabase> {
  const kept =
    keep && (await onServer(serverUrl, `select 1 from pg_database where datname = '${BENCH_DATABASE_NAME}'`)) > 0;
  if (!kept) {
    await onServer(serverUrl, `drop database if exists ${BENCH_DATABASE_NAME} with (force)`);
    await onServer(serverUrl, `create database ${BENCH_DATABASE_NAME}`);
  }
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
      if (!keep) await onServer(serverUrl, `drop database if exists ${BENCH_DATABASE_NAME} with (force)`);
    },
  };
}

async function createPgliteDatabase(keep: boolean): Promise<BenchDatabase> {
  const folder = keep ? join(tmpdir(), 'burgernet-bench-pglite') : await mkdtemp(join(tmpdir(), 'burgernet-bench-'));
  const database = await openPgliteDatabase(folder);
  return {
    kind: 'pglite',
    database,
    location: folder,
    async sizeMib() {
      const [row] = await database.query<{ bytes: number }>(
        'select pg_database_size(current_database())::float8 as bytes',
      );
      return Math.round((row?.bytes ?? 0) / 2 ** 20);
    },
    async drop() {
      await database.close();
      if (!keep) await rm(folder, { recursive: true, force: true });
    },
  };
}

/** Runs one statement on the server's own database; returns its row count. */
async function onServer(serverUrl: string, sql: string): Promise<number> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    return (await admin.query(sql)).rowCount ?? 0;
  } finally {
    await admin.end();
  }
}
