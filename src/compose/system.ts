import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { CountryCode } from 'libphonenumber-js';
import type { Logger } from 'pino';
import type { Clock } from '../app/ports/clock.js';
import type { Geocoder } from '../app/ports/geocoder.js';
import type { Store } from '../app/ports/stores.js';
import { createPc4Geocoder } from '../adapters/geocoding/pc4-geocoder.js';
import { createPdokGeocoder } from '../adapters/geocoding/pdok-geocoder.js';
import { buildGazetteer } from '../adapters/geocoding/gazetteer.js';
import { createGazetteerPlaceSearch } from '../adapters/geocoding/gazetteer-place-search.js';
import { createPdokPlaceSearch } from '../adapters/geocoding/pdok-place-search.js';
import type { Email } from '../adapters/channels/email-smtp/email-smtp.js';
import type { Sms } from '../adapters/channels/sms-smpp/sms-smpp.js';
import type { Voice } from '../adapters/channels/voice-sip/voice-sip.js';
import type { Database } from '../adapters/store/database/database.js';
import type { Config } from '../config.js';
import { nl } from '../domain/messages/nl.js';
import { ACTION_GEOGRAPHY_KEYS, loadActionGeography } from './action-geography.js';
import { broadcastComponent, BROADCAST_KEYS, type Broadcast } from './broadcast-component.js';
import { burgernetAppComponent, BURGERNET_APP_KEYS } from './burgernet-app-component.js';
import { burgernetmailComponent, BURGERNETMAIL_KEYS, type Burgernetmail } from './burgernetmail-component.js';
import { callRoutingComponent, CALL_ROUTING_KEYS, type CallRouting } from './call-routing-component.js';
import { RECIPIENT_CHANNELS } from './channel-registry.js';
import { ComponentStack } from './component.js';
import { sectionOf } from './config-section.js';
import { clusterComponent, CLUSTER_KEYS } from './cluster-component.js';
import { dashboardComponent, DASHBOARD_KEYS } from './dashboard-component.js';
import { databaseComponent, DATABASE_KEYS, type Geodata } from './database-component.js';
import { dispatchComponent, DISPATCH_KEYS } from './dispatch-component.js';
import { httpComponent, HTTP_KEYS } from './http-component.js';
import { messagingComponent, MESSAGING_KEYS, type Messaging } from './messaging-component.js';
import { pleinComponent, PLEIN_KEYS } from './plein-component.js';
import { pushComponent, PUSH_KEYS, type PushRuntime } from './push-component.js';
import { REDIS_KEYS, startSharedState, type SharedState } from './redis-component.js';
import { selfServiceComponent, SELF_SERVICE_KEYS } from './self-service-component.js';
import { startRecipientChannels } from './start-recipient-channels.js';

export interface SystemOverrides {
  readonly clock?: Clock;
  /** An already opened database (tests share one per file); left open at the stop. */
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
  readonly geodata: Geodata;
  readonly http: FastifyInstance;
  /** Base URL of the API, e.g. http://127.0.0.1:8080 (null when not listening). */
  readonly url: string | null;
  /** SMS over SMPP, and the SMSC simulator when SMSC=simulator. */
  readonly sms: Sms;
  /** Voice calls: the SIP channel, and the simulated trunk when VOICE=simulator. */
  readonly voice: Voice;
  /** The one e-mail channel (SMTP), the relay simulator when EMAIL_SMTP=simulator, and the bounce listener. */
  readonly email: Email;
  /** 0800-0011: the SIP redirect server, the routing decisions' log and their live events. */
  readonly callRouting: CallRouting;
  /** Web Push for the app: presence in memory, the fan-out, the built-in push service with simulated phones. */
  readonly push: PushRuntime;
  /** Where presence, the notified phones and rate limits live: the Redis of REDIS_URL (with its counts), or null. */
  readonly shared: SharedState;
  /** Burgernetmail: the mail worker and what its routes need. */
  readonly mail: Burgernetmail;
  /** Broadcast channels (partner webhooks …): their destinations, each with a worker on the durable outbox. */
  readonly broadcast: Broadcast;
  /** Wake-ups and live events between nodes: the relays (NATS, PostgreSQL LISTEN/NOTIFY) and what they carried. */
  readonly messaging: Messaging;
  stop(): Promise<void>;
}

const systemClock: Clock = { now: () => new Date() };

/**
 * The composition root: the system is this list of components, each given its own part of the configuration
 * and the ports it uses, started in this order and stopped in reverse.
 */
export async function startSystem(
  config: Config,
  logger: Logger,
  overrides: SystemOverrides = {},
): Promise<RunningSystem> {
  const clock = overrides.clock ?? systemClock;
  const ids = { newId: randomUUID };
  const catalogue = nl;
  const components = new ComponentStack(logger);
  try {
    const { database, store, geodata } = await components.start(
      databaseComponent(sectionOf(config, DATABASE_KEYS), { logger, database: overrides.database }),
    );
    // This node's role and its workers' lease, taken before any worker claims work.
    const cluster = await components.start(clusterComponent(sectionOf(config, CLUSTER_KEYS), { store, logger }));
    // Wake-ups and live events: NATS, else PostgreSQL LISTEN/NOTIFY, else this process alone.
    const messaging = await components.start(messagingComponent(sectionOf(config, MESSAGING_KEYS), { logger }));
    const { wakeup } = messaging;
    // Presence, the notified phones and rate limits: in a Redis the nodes share (REDIS_URL), else in this process.
    const shared = await startSharedState(components, sectionOf(config, REDIS_KEYS), { logger });
    // The per-recipient channels of the registry (SMS, voice, e-mail, push), started before anything sends through them.
    const channels = await startRecipientChannels(components, RECIPIENT_CHANNELS, config, { logger, clock });
    const { sms, voice, email } = channels;
    await components.start(
      dispatchComponent(sectionOf(config, DISPATCH_KEYS), {
        store,
        clock,
        logger,
        wakeup,
        sms: sms.channel,
        voice: voice.channel,
        catalogue,
        lease: cluster.lease,
      }),
    );
    const geocoder =
      overrides.geocoder ??
      (config.GEOCODER === 'pdok'
        ? createPdokGeocoder({ baseUrl: config.PDOK_URL })
        : createPc4Geocoder(geodata.pc4Centroids));
    // The console's search field: the same choice, PDOK or the bundled data.
    const placeSearch =
      config.GEOCODER === 'pdok'
        ? createPdokPlaceSearch({ baseUrl: config.PDOK_URL })
        : createGazetteerPlaceSearch(buildGazetteer(geodata.pc4Centroids, geodata.gemeenten));
    const callRouting = await components.start(
      callRoutingComponent(sectionOf(config, CALL_ROUTING_KEYS), {
        database,
        clock,
        logger,
        events: messaging.callRouted,
      }),
    );
    const selfService = await components.start(
      selfServiceComponent(sectionOf(config, SELF_SERVICE_KEYS), {
        store,
        clock,
        geocoder,
        gemeenten: geodata.gemeenteScopes,
        sms: sms.channel,
        voice: voice.channel,
        email: email.channel,
        catalogue,
        logger,
        oneTimeCodes: overrides.oneTimeCodes,
      }),
    );
    const app = await components.start(
      burgernetAppComponent(sectionOf(config, BURGERNET_APP_KEYS), {
        store,
        clock,
        logger,
        periodic: cluster.periodic,
      }),
    );
    const push = await components.start(
      pushComponent(sectionOf(config, PUSH_KEYS), {
        logger,
        store,
        clock,
        ids,
        wakeup,
        catalogue,
        webPush: channels.push,
        redis: shared.redis,
        rateLimiters: shared.rateLimiters,
        periodic: cluster.periodic,
      }),
    );
    const mail = await components.start(
      burgernetmailComponent(sectionOf(config, BURGERNETMAIL_KEYS), {
        database,
        mailDatabase: overrides.mailDatabase,
        store,
        clock,
        logger,
        wakeup,
        catalogue,
        geodata,
        email,
        media: { photos: app.photos, images: app.images },
        lease: cluster.lease,
      }),
    );
    const dashboard = await components.start(
      dashboardComponent(sectionOf(config, DASHBOARD_KEYS), {
        database,
        store,
        clock,
        logger,
        gemeenten: geodata.gemeenten,
        periodic: cluster.periodic,
      }),
    );
    const plein = await components.start(
      pleinComponent(sectionOf(config, PLEIN_KEYS), {
        store,
        clock,
        logger,
        placeSearch,
        email: email.channel,
        catalogue,
        callRouted: callRouting.events,
      }),
    );
    const broadcast = await components.start(
      broadcastComponent(sectionOf(config, BROADCAST_KEYS), {
        config,
        store,
        clock,
        logger,
        lease: cluster.lease,
      }),
    );
    const geography = await loadActionGeography(sectionOf(config, ACTION_GEOGRAPHY_KEYS));
    const http = await components.start(
      httpComponent(sectionOf(config, HTTP_KEYS), {
        listen: overrides.listen !== false,
        workerHealth: cluster.role === 'worker' ? () => ({ holdsLease: cluster.lease?.holds() === true }) : undefined,
        app,
        push: push.routes,
        mail: mail.http,
        plein,
        selfService,
        dashboard,
        callRouting:
          callRouting.httpToken === undefined
            ? undefined
            : { routeCaller: callRouting.routeCaller, allowed: callRouting.allowed, token: callRouting.httpToken },
        store,
        clock,
        ids,
        catalogue,
        wakeup,
        broadcast: broadcast.routing,
        geography,
        ...(config.DEMO && sms.simulator !== null ? { smsSimulator: sms.simulator } : {}),
        smscHealth: () => sms.channel.health(),
        geocoder,
        gemeenten: geodata.gemeenteScopes,
        // Deleting a participant through the participants API erases their codes and counters too, as relatiebeheer does.
        crypto: selfService.relatiebeheer.crypto,
        referenceData: { gemeenten: geodata.gemeenten, meldkamers: geodata.meldkamers },
        phoneCountries: config.PHONE_COUNTRIES as CountryCode[],
        trustProxy: config.TRUST_PROXY,
        rateLimiters: shared.rateLimiters,
        progressIntervalMs: PROGRESS_INTERVAL_MS,
        databaseReachable: () =>
          database.query('select 1').then(
            () => true,
            () => false,
          ),
        logger,
      }),
    );
    return {
      config,
      database,
      store,
      geodata,
      http: http.app,
      url: http.url,
      sms,
      voice,
      email,
      callRouting,
      push,
      shared,
      mail,
      broadcast,
      messaging,
      stop: () => components.stopAll(),
    };
  } catch (error) {
    // The stack stopped what had started when a component failed; anything thrown after that is stopped here.
    await components.stopAll();
    throw error;
  }
}

/** How often the live progress of an action is sent to whoever watches it. */
const PROGRESS_INTERVAL_MS = 1_000;
