import type { Logger } from 'pino';
import type { Store } from '../app/ports/stores.js';
import { loadGemeenten, loadPc4Centroids, meldkamersOf } from '../adapters/geodata/geodata.js';
import { createStore } from '../adapters/store/create-store.js';
import type { Database } from '../adapters/store/database/database.js';
import { migrate } from '../adapters/store/migrate.js';
import { openDatabase } from '../adapters/store/open-database.js';
import { syncReferenceData } from '../adapters/store/sync-reference-data.js';
import type { Gemeente } from '../domain/geo/gemeente.js';
import type { Meldkamer } from '../domain/geo/meldkamer.js';
import type { Pc4Centroid } from '../domain/geo/pc4-centroid.js';
import type { GemeenteScope } from '../domain/staff/staff.js';
import type { Component } from './component.js';
import type { Section } from './config-section.js';

export const DATABASE_KEYS = ['DATABASE_URL', 'DATABASE_POOL_SIZE', 'DATA_DIR'] as const;

/** The bundled geography, loaded once at start. */
export interface Geodata {
  readonly gemeenten: readonly Gemeente[];
  readonly meldkamers: readonly Meldkamer[];
  readonly pc4Centroids: readonly Pc4Centroid[];
  /** Every gemeente by code, with the meldkamer that covers it (scoping of staff). */
  readonly gemeenteScopes: ReadonlyMap<string, GemeenteScope>;
}

export interface StoreParts {
  readonly database: Database;
  readonly store: Store;
  readonly geodata: Geodata;
}

/**
 * The system of record: PostgreSQL when configured, else the embedded PGlite; migrated, with the bundled
 * gemeenten and meldkamers in it. A database handed in (tests) is left open at the stop.
 */
export function databaseComponent(
  config: Section<typeof DATABASE_KEYS>,
  deps: { readonly logger: Logger; readonly database?: Database | undefined },
): Component<StoreParts> {
  return {
    name: 'database',
    async start() {
      const database =
        deps.database ??
        (await openDatabase({
          databaseUrl: config.DATABASE_URL,
          poolSize: config.DATABASE_POOL_SIZE,
          dataDir: config.DATA_DIR,
        }));
      const applied = await migrate(database);
      if (applied.length > 0) deps.logger.info({ applied, database: database.kind }, 'migrations applied');
      const [gemeenten, pc4Centroids] = await Promise.all([loadGemeenten(), loadPc4Centroids()]);
      const meldkamers = meldkamersOf(gemeenten);
      await syncReferenceData(database, meldkamers, gemeenten);
      const gemeenteScopes = new Map(gemeenten.map((g) => [g.code, { code: g.code, meldkamerCode: g.policeUnitCode }]));
      return {
        value: {
          database,
          store: createStore(database),
          geodata: { gemeenten, meldkamers, pc4Centroids, gemeenteScopes },
        },
        async stop() {
          if (deps.database === undefined) await database.close();
        },
      };
    },
  };
}
