import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Clock } from './app/ports/clock.js';
import type { Geocoder } from './app/ports/geocoder.js';
import type { Store } from './app/ports/stores.js';
import { createDispatchService, type DispatchService } from './app/dispatch/dispatch-service.js';
import { createSmppChannel, type SmppChannel } from './adapters/channels/sms-smpp/smpp-channel.js';
import { startSmscSimulator, type SmscSimulator } from './adapters/channels/sms-smpp/smsc-simulator.js';
import { parseQuietHours, startVoice, type VoiceSystem } from './adapters/channels/voice-sip/start-voice.js';
import { createPc4Geocoder } from './adapters/geocoding/pc4-geocoder.js';
import { createPdokGeocoder } from './adapters/geocoding/pdok-geocoder.js';
import { loadGemeenten, loadPc4Centroids, meldkamersOf } from './adapters/geodata/geodata.js';
import { buildHttpApp } from './adapters/http/build-http-app.js';
import { startPush, type PushRuntime } from './push-runtime.js';
import { buildBurgernetApp } from './adapters/app/build-burgernet-app.js';
import { buildPlein } from './adapters/plein/build-plein.js';
import { createEmailOutbox, type EmailOutbox } from './adapters/channels/email/email-outbox.js';
import { buildSelfService } from './adapters/self-service/build-self-service.js';
import { startBurgernetMail, type BurgernetMail } from './adapters/burgernetmail/start-burgernetmail.js';
import { buildDashboard } from './adapters/dashboard/build-dashboard.js';
import { createRouteCaller } from './app/calls/route-caller.js';
import { createAddressAllowList } from './adapters/call-routing/address-allow-list.js';
import { startSipRedirectServer, type SipRedirectServer } from './adapters/call-routing/sip-redirect-server.js';
import { createInProcessCallRoutedEvents, type CallRoutedEvents } from './adapters/events/in-process-call-routed-events.js';
import { createSqlCallRoutingRepository } from './adapters/store/sql-call-routing-repository.js';
import { createBatchedCallRoutingLog, type BatchedCallRoutingLog } from './adapters/store/batched-call-routing-log.js';
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
  /** Where one-time codes come from (tests that cannot read a code from a phone call); default: crypto random. */
  readonly oneTimeCodes?: (digits: number) => string;
  /** The mail worker's own connections (the benchmark gives it a pool of its own beside an opened database). */
  readonly mailDatabase?: Database;
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
  /** Voice calls: the SIP channel, and the simulated trunk when VOICE=simulator. */
  readonly voice: VoiceSystem;
  /** E-mail as sent (until the SMTP channel exists, the only e-mail channel): tests follow the links in it. */
  readonly emailOutbox: EmailOutbox;
  /** The 0800-0011 SIP redirect server (UDP and TCP on `redirectServer.port`). */
  readonly redirectServer: SipRedirectServer;
  /** "A call was routed via 0800-0011 for action X", for live views. */
  readonly callRoutedEvents: CallRoutedEvents;
  /** Where routing decisions are recorded (in batches); `flush` writes what is pending. */
  readonly callRoutingLog: BatchedCallRoutingLog;
  /** Web Push for the app: presence in memory, the fan-out, the built-in push service with simulated phones. */
  readonly push: PushRuntime;
  /** Burgernetmail: the SMTP channel and simulator, the bounce listener, the mail worker. */
  readonly mail: BurgernetMail;
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
  const voice = await startVoice(config, logger);
  const wakeup = createInProcessWakeup();
  const workerId = `${process.pid}-${randomUUID()}`;
  const dispatch: DispatchService = createDispatchService(
    { store, clock, logger: logger.child({ component: 'dispatch' }), wakeup, smsChannel, voiceChannel: voice.channel, catalogue: nl },
    {
      sms: {
        workerId,
        batchSize: config.DISPATCH_BATCH_SIZE,
        maxInFlight: config.DISPATCH_MAX_IN_FLIGHT,
        pollIntervalMs: 1_000,
        validityMs: config.SMS_VALIDITY_MINUTES * 60_000,
        maxBackoffMs: 2_000,
      },
      voice: {
        // The same worker id: housekeeping takes back other workers' stale claims, never this one's calls.
        workerId,
        pollIntervalMs: 1_000,
        quietHours: parseQuietHours(config.VOICE_QUIET_HOURS),
        plays: config.VOICE_PLAYS,
        retries: config.VOICE_RETRIES,
        retryPauseMs: config.VOICE_RETRY_PAUSE_SECONDS * 1000,
        unavailablePauseMs: 30_000,
        maxUnavailableAttempts: 20,
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
  // 0800-0011: the routing decision, served over SIP (redirect server) and HTTP.
  const callRoutingLogger = logger.child({ component: 'call-routing' });
  const callRoutedEvents = createInProcessCallRoutedEvents(callRoutingLogger);
  const callRoutingLog = createBatchedCallRoutingLog(database, { flushIntervalMs: 50, maxBatch: 500, maxPending: 100_000 }, callRoutingLogger);
  const routeCaller = createRouteCaller(
    { calls: createSqlCallRoutingRepository(database), log: callRoutingLog, clock, listener: callRoutedEvents, logger: callRoutingLogger },
    { lookbackMs: config.REDIRECT_LOOKBACK_HOURS * 3_600_000, nationalTarget: config.REDIRECT_NATIONAL_TARGET, lookupTimeoutMs: config.REDIRECT_LOOKUP_TIMEOUT_MS, maxConcurrentLookups: config.REDIRECT_MAX_CONCURRENT_LOOKUPS },
  );
  const platformAddresses = createAddressAllowList(config.REDIRECT_ALLOWED_ADDRESSES);
  const redirectServer = await startSipRedirectServer(
    {
      host: config.REDIRECT_SIP_HOST,
      port: config.REDIRECT_SIP_PORT,
      limits: { maxMessageBytes: config.REDIRECT_MAX_MESSAGE_BYTES, maxHeaders: 64, maxHeaderLineBytes: 2_048 },
      allowed: platformAddresses,
      maxTransactions: 50_000,
    },
    { routeCaller, logger: logger.child({ component: 'sip-redirect' }) },
  );

  const emailOutbox = createEmailOutbox();
  const gemeenteScopes = new Map(gemeenten.map((g) => [g.code, { code: g.code, meldkamerCode: g.policeUnitCode }]));
  const selfService = await buildSelfService(config, {
    store, clock, geocoder, gemeenten: gemeenteScopes, sms: smsChannel, voice: voice.channel, email: emailOutbox, catalogue: nl,
    logger: logger.child({ component: 'self-service' }), oneTimeCodes: overrides.oneTimeCodes,
  });
  const burgernetApp = buildBurgernetApp(config, { store, clock, logger: logger.child({ component: 'app' }) });
  burgernetApp.start();
  const push = await startPush(config, logger, { store, clock, ids: { newId: randomUUID }, wakeup, catalogue: nl });
  const mail = await startBurgernetMail({
    config, database, ...(overrides.mailDatabase !== undefined ? { mailDatabase: overrides.mailDatabase } : {}), store, clock,
    logger: logger.child({ component: 'burgernetmail' }), wakeup, catalogue: nl, gemeenten, meldkamers,
    media: { photos: burgernetApp.http.photos, images: burgernetApp.http.images },
  });
  // The dashboard: figures of actions kept current by a refresher (participants by triggers in the database).
  const dashboard = await buildDashboard(database, { store, clock, logger: logger.child({ component: 'dashboard' }), gemeenten }, { refreshIntervalMs: config.DASHBOARD_REFRESH_SECONDS * 1000 });
  dashboard.refresher.start();
  const http = await buildHttpApp({
    app: burgernetApp.http,
    push: push.routes,
    mail: mail.http,
    plein: await buildPlein(config, { store, clock, callRouted: callRoutedEvents }),
    selfService: selfService.http,
    dashboard: dashboard.deps,
    callRouting: config.REDIRECT_HTTP_TOKEN === undefined ? undefined : { routeCaller, allowed: platformAddresses, token: config.REDIRECT_HTTP_TOKEN },
    store,
    clock,
    ids: { newId: randomUUID },
    catalogue: nl,
    wakeup,
    geocoder,
    gemeenten: new Map(gemeenten.map((g) => [g.code, { code: g.code, meldkamerCode: g.policeUnitCode }])),
    referenceData: { gemeenten, meldkamers },
    phoneCountries: config.PHONE_COUNTRIES as CountryCode[],
    trustProxy: config.TRUST_PROXY,
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
    voice,
    emailOutbox,
    redirectServer,
    callRoutedEvents,
    callRoutingLog,
    push,
    mail,
    geodata: { gemeenten, meldkamers, pc4Centroids },
    async stop() {
      await redirectServer.close();
      await http.close();
      await mail.stop();
      await dashboard.refresher.stop();
      await callRoutingLog.close();
      await burgernetApp.stop();
      await push.stop();
      await selfService.background.idle();
      await dispatch.stop();
      await smsChannel.close();
      await voice.close();
      await simulator?.close();
      if (overrides.database === undefined) await database.close();
    },
  };
}
