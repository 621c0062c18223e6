import { resolve } from 'node:path';
import type { Database } from './database/database.js';
import { openPgliteDatabase } from './database/pglite-database.js';
import { openPostgresDatabase } from './database/postgres-database.js';

/** The PostgreSQL server when a URL is given, otherwise the embedded PGlite in `dataDir`. */
export function openDatabase(options: {
  readonly databaseUrl: string | undefined;
  readonly poolSize: number;
  readonly dataDir: string;
}): Promise<Database> {
  return options.databaseUrl !== undefined
    ? openPostgresDatabase(options.databaseUrl, options.poolSize)
    : openPgliteDatabase(resolve(options.dataDir, 'pglite'));
}
