import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Clock } from './app/ports/clock.js';
import type { Geocoder } from './app/ports/geocoder.js';
import type { Store } from './app/ports/stores.js';
import { createDispatchService, type DispatchService } from './app/dispatch/dispatch-service.js';
import { createSmppChannel, type SmppChannel } from './adapters/channels/sms-smpp/smpp-channel.js';
import { startSmscSimulator, type SmscSimulator } from './adapters/channels/sms-smpp/smsc-simulator.js';
import { createPc4Geocoder } from './adapters/geocoding/pc4-geocoder.js';
import { createPdokGeocoder } from './adapters/geocoding/pdok-geocoder.js';
import { loadGemeenten, loadPc4Centroids, meldkamersOf } from './adapters/geodata/geodata.js';
import { buildHttpApp } from './adapters/http/build-http-app.js';
import { createStore } from './adapters/store/create-store.js';
import type { Database } from './adapters/store/database/database.js';
import { migrate } from './adapters/store/migrate.js';
import { openDatabase } from './adapters/store/open-database.js';
import { syncReferenceData } from './adapters/store/sync-reference-data.js';
import { createInProcessWakeup } from './adapters/wake/in-process-wakeup.js';
import type { CountryCode } from 'libphonenumber-js';
import type { Config } from './config.js';
import type { Gemeente } from './domain/geo/gemeente.js';
import type { Meldkamer } from './domain/geo/meldkamer.js';
import type { Pc4Centroid } from './domain/geo/pc4-centroid.js';
import { nl } from './domain/messages/nl.js';

export interface SystemOverrides {
  readonly clock?: Clock;
  /** An already opened database (tests share one per file). */
  readonly database?: Database;
  readonly geocoder?: Geocoder;
  /** Run the API without listening (tests that use inject). */
  readonly listen?: boolean;
}

export interface RunningSystem {
  readonly config: Config;
  readonly database: Database;
  readonly store: Store;
  readonly http: FastifyInstance;
  /** Base URL of the API, e.g. http://127.0.0.1:8080 (null when not listening). */
  readonly url: string | null;
  readonly simulator: SmscSimulator | null;
  readonly smsChannel: SmppChannel;
  /** The bundled geography, loaded once at start. */
  readonly geodata: { readonly gemeenten: readonly Gemeente[]; readonly meldkamers: readonly Meldkamer[]; readonly pc4Centroids: readonly Pc4Centroid[] };
  stop(): Promise<void>;
}

const systemClock: Clock = { now: () => new Date() };

/** Builds and starts everything in this process: store, SMSC (simulator or real), dispatch and the API. */
export async function startSystem(config: Config, logger: Logger, overrides: SystemOverrides = {}): Promise<RunningSystem> {
  const clock = overrides.clock ?? systemClock;
  const database =
    overrides.database ?? (await openDatabase({ databaseUrl: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE, dataDir: config.DATA_DIR }));
  const applied = await migrate(database);
  if (applied.length > 0) logger.info({ applied, database: database.kind }, 'migrations applied');

  const [gemeenten, pc4Centroids] = await Promise.all([loadGemeenten(), loadPc4Centroids()]);
  const meldkamers = meldkamersOf(gemeenten);
  await syncReferenceData(database, meldkamers, gemeenten);
  const store = createStore(database);

  const simulator =
    config.SMSC === 'simulator'
      ? await startSmscSimulator({
          port: config.SMSC_SIMULATOR_PORT,
          systemId: config.SMPP_SYSTEM_ID,
          password: config.SMPP_PASSWORD,
          logger: logger.child({ component: 'smsc-simulator' }),
        })
      : null;
  const smsChannel = createSmppChannel(
    {
      host: simulator?.host ?? config.SMPP_HOST,
      port: simulator?.port ?? config.SMPP_PORT,
      systemId: config.SMPP_SYSTEM_ID,
      password: config.SMPP_PASSWORD,
      systemType: config.SMPP_SYSTEM_TYPE,
      sourceAddress: config.SMPP_SOURCE_ADDRESS,
      binds: config.SMPP_BINDS,
      windowSize: config.SMPP_WINDOW,
      messagesPerSecond: config.SMPP_MESSAGES_PER_SECOND,
      enquireLinkIntervalMs: config.SMPP_ENQUIRE_LINK_SECONDS * 1000,
      reconnectMinMs: 250,
      reconnectMaxMs: 30_000,
      submitTimeoutMs: 10_000,
    },
    { logger: logger.child({ component: 'smpp' }), clock },
  );
  const wakeup = createInProcessWakeup();
  const dispatch: DispatchService = createDispatchService(
    { store, clock, logger: logger.child({ component: 'dispatch' }), wakeup, smsChannel },
    {
      sms: {
        workerId: `${process.pid}-${randomUUID()}`,
        batchSize: config.DISPATCH_BATCH_SIZE,
        maxInFlight: config.DISPATCH_MAX_IN_FLIGHT,
        pollIntervalMs: 1_000,
        validityMs: config.SMS_VALIDITY_MINUTES * 60_000,
        maxBackoffMs: 2_000,
      },
      targeting: { firstRadiusMetres: 500, firstChunk: 200, chunk: 5_000 },
      inFlightLeaseMs: config.DISPATCH_LEASE_SECONDS * 1000,
      housekeepingIntervalMs: 5_000,
    },
  );
  await dispatch.start();
  // After dispatch.start(): it listens for receipts before a bind is up, as the SMSC sends pending ones (after a crash) at once.
  await smsChannel.ready().catch((error: unknown) => {
    // Keep running: the binds retry with backoff, and queued messages wait in the database meanwhile.
    logger.error({ err: error }, 'SMSC bind failed at start; retrying in the background');
  });

  const geocoder = overrides.geocoder ?? (config.GEOCODER === 'pdok' ? createPdokGeocoder({ baseUrl: config.PDOK_URL }) : createPc4Geocoder(pc4Centroids));
  const http = await buildHttpApp({
    store,
    clock,
    ids: { newId: randomUUID },
    catalogue: nl,
    wakeup,
    geocoder,
    gemeenten: new Map(gemeenten.map((g) => [g.code, { code: g.code, meldkamerCode: g.policeUnitCode }])),
    referenceData: { gemeenten, meldkamers },
    phoneCountries: config.PHONE_COUNTRIES as CountryCode[],
    progressIntervalMs: 1_000,
    logger,
  });
  let url: string | null = null;
  if (overrides.listen !== false) {
    await http.listen({ host: config.HOST, port: config.PORT });
    const address = http.server.address();
    url = typeof address === 'object' && address !== null ? `http://${config.HOST}:${address.port}` : null;
  } else {
    await http.ready();
  }

  return {
    config,
    database,
    store,
    http,
    url,
    simulator,
    smsChannel,
    geodata: { gemeenten, meldkamers, pc4Centroids },
    async stop() {
      await http.close();
      await dispatch.stop();
      await smsChannel.close();
      await simulator?.close();
      if (overrides.database === undefined) await database.close();
    },
  };
}
