import { join, resolve } from 'node:path';
import type { Logger } from 'pino';
import type { Store } from '../app/ports/stores.js';
import { loadGemeenten, loadPc4Centroids, meldkamersOf } from '../adapters/geodata/geodata.js';
import { loadKeyring } from '../adapters/crypto/secrets-keyring.js';
import { createStore } from '../adapters/store/create-store.js';
import { openSecretBox } from '../adapters/store/secrets/data-keys.js';
import { sealPlaintextSecrets } from '../adapters/store/secrets/seal-plaintext-secrets.js';
import { ConfigError } from '../config.js';
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

export const DATABASE_KEYS = [
  'DATABASE_URL',
  'DATABASE_POOL_SIZE',
  'DATA_DIR',
  'DEMO',
  'SECRETS_KEY',
  'SECRETS_PREVIOUS_KEYS',
] as const;

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
 * gemeenten and meldkamers in it, and its secrets sealed under SECRETS_KEY. A database handed in (tests) is left
 * open at the stop.
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
      const secrets = await openSecrets(config, database, deps.logger).catch(async (error: unknown) => {
        if (deps.database === undefined) await database.close();
        throw error;
      });
      const [gemeenten, pc4Centroids] = await Promise.all([loadGemeenten(), loadPc4Centroids()]);
      const meldkamers = meldkamersOf(gemeenten);
      await syncReferenceData(database, meldkamers, gemeenten);
      const gemeenteScopes = new Map(gemeenten.map((g) => [g.code, { code: g.code, meldkamerCode: g.policeUnitCode }]));
      return {
        value: {
          database,
          store: createStore(database, secrets),
          geodata: { gemeenten, meldkamers, pc4Centroids, gemeenteScopes },
        },
        async stop() {
          if (deps.database === undefined) await database.close();
        },
      };
    },
  };
}

/**
 * The secret box under SECRETS_KEY (the demo: a key kept in DATA_DIR): data keys wrapped anew after a rotation, and
 * secrets written before migration 0019 sealed now, before anything reads them.
 */
async function openSecrets(config: Section<typeof DATABASE_KEYS>, database: Database, logger: Logger) {
  const loaded = await loadKeyring({
    configured: config.SECRETS_KEY,
    previous: config.SECRETS_PREVIOUS_KEYS ?? [],
    demoFile: config.DEMO ? join(resolve(config.DATA_DIR), 'secrets-key') : null,
  });
  if (loaded === null)
    throw new ConfigError([
      'SECRETS_KEY: required when DEMO is false (base64 of 32 random bytes from the secret store, e.g. `openssl rand -base64 32`)',
    ]);
  if (loaded.source === 'demo-file')
    logger.warn({}, 'SECRETS_KEY not set: the demo seals secrets under a key kept in DATA_DIR/secrets-key');
  const opened = await openSecretBox(database, loaded.keyring, new Date());
  const sealed = await sealPlaintextSecrets(database, opened.box);
  if (opened.rewrapped > 0 || Object.values(sealed).some((n) => n > 0))
    logger.info({ keyId: opened.keyId, rewrapped: opened.rewrapped, sealed }, 'secrets at rest updated');
  return opened.box;
}
