import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../../src/adapters/store/database/database.js';
import { openPgliteDatabase } from '../../src/adapters/store/database/pglite-database.js';
import { openPostgresDatabase } from '../../src/adapters/store/database/postgres-database.js';

export interface TestDatabase {
  readonly database: Database;
  /** The URL of the fresh server database, or null on PGlite (a child process gets its own folder). */
  readonly url: string | null;
  drop(): Promise<void>;
}

/**
 * A fresh, empty database for one test file: a new database on the PostgreSQL server when DATABASE_URL is
 * set (the suite runs once per engine), otherwise an in-memory PGlite. A test that needs a server whatever the
 * engine of the run (a cluster of processes) names one.
 */
export async function createTestDatabase(serverUrl = process.env.DATABASE_URL): Promise<TestDatabase> {
  if (serverUrl === undefined || serverUrl === '') {
    const database = await openPgliteDatabase(null);
    return { database, url: null, drop: () => database.close() };
  }
  const name = `burgernet_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openPostgresDatabase(url.toString(), 10);
  return {
    database,
    url: url.toString(),
    async drop() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
