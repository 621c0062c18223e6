import { createTestDatabase, type TestDatabase } from './test-database.js';

/**
 * The PostgreSQL server cluster tests use whatever the engine of the run: several processes need a server (PGlite
 * is one process). CLUSTER_DATABASE_URL, else DATABASE_URL, else the machine's server (.ci/run starts it).
 */
export const CLUSTER_SERVER_URL =
  process.env.CLUSTER_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A fresh database on that server for one test file, dropped at its end. */
export function createClusterDatabase(): Promise<TestDatabase> {
  return createTestDatabase(CLUSTER_SERVER_URL);
}
