import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Database } from './database/database.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
// Serialises concurrent migrators (several processes on one PostgreSQL server).
const MIGRATION_LOCK_KEY = 4_711_0011;

/** Applies every migration not applied yet, in file-name order, each in its own transaction. */
export async function migrate(db: Database): Promise<string[]> {
  await db.runScript(`create table if not exists schema_migrations (
    version text primary key, applied_at timestamptz not null default now())`);
  const files = (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql')).sort();
  const applied: string[] = [];
  await db.execute('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
  try {
    const done = new Set(
      (await db.query<{ version: string }>('select version from schema_migrations')).map((r) => r.version),
    );
    for (const file of files) {
      const version = file.replace(/\.sql$/, '');
      if (done.has(version)) continue;
      const sql = await readFile(MIGRATIONS_DIR + file, 'utf8');
      try {
        await db.runScript(`begin;\n${sql}\ninsert into schema_migrations (version) values ('${version}');\ncommit;`);
      } catch (error) {
        // Leave the connection usable (and the lock releasable) and say which migration failed.
        await db.runScript('rollback');
        throw new Error(`migration ${version} failed: ${error instanceof Error ? error.message : String(error)}`, {
          cause: error,
        });
      }
      applied.push(version);
    }
  } finally {
    await db.execute('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
  }
  return applied;
}
