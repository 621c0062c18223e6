import { availableParallelism } from 'node:os';
import type { Logger } from 'pino';
import type { Clock } from '../app/ports/clock.js';
import type { DispatchWakeup } from '../app/ports/dispatch-wakeup.js';
import type { IdGenerator } from '../app/ports/id-generator.js';
import type { NotifiedDevices } from '../app/ports/notified-devices.js';
import type { Store } from '../app/ports/stores.js';
import { createPushFanoutService, type PushFanoutService } from '../app/push/push-fanout-service.js';
import type { PushDeps } from '../app/push/push-deps.js';
import { createDeviceTokens } from '../adapters/auth/device-tokens.js';
import { startDemoPhones } from '../adapters/channels/web-push/demo-phones.js';
import { startLocalPushService, type LocalPushService } from '../adapters/channels/web-push/local-push-service.js';
import { createPushEndpointPolicy } from '../adapters/channels/web-push/push-endpoint-policy.js';
import { loadVapidKeys } from '../adapters/channels/web-push/vapid-keys.js';
import { createWebPushChannel, type WebPushChannel } from '../adapters/channels/web-push/web-push-channel.js';
import type { PushRouteDeps } from '../adapters/http/burgernet-app/push-routes.js';
import { createInMemoryNotifiedDevices } from '../adapters/presence/in-memory-notified-devices.js';
import { createInMemoryPresenceIndex, type InMemoryPresenceIndex } from '../adapters/presence/in-memory-presence-index.js';
import type { Component } from './component.js';
import type { Section } from './config-section.js';
import type { Catalogue } from '../domain/messages/catalogue.js';
import { seenDayOf } from '../domain/push/seen-day.js';

export interface PushRuntime {
  /** What the /app/v1/push routes need. */
  readonly routes: PushRouteDeps;
  readonly vapidPublicKey: string;
  /** This process's presence index (memory only). */
  readonly presence: InMemoryPresenceIndex;
  readonly notified: NotifiedDevices;
  readonly channel: WebPushChannel;
  readonly fanout: PushFanoutService;
  /** The built-in push service with the simulated phones (PUSH_SIMULATOR), or null. */
  readonly localPushService: LocalPushService | null;
}

const DAY_MS = 86_400_000;

export const PUSH_KEYS = [
  'DEMO', 'DATA_DIR', 'VAPID_PUBLIC_KEY', 'VAPID_PRIVATE_KEY', 'VAPID_SUBJECT', 'PUSH_SIMULATOR', 'PUSH_SIMULATOR_PORT',
  'PUSH_ENCRYPTION_THREADS', 'PUSH_MAX_IN_FLIGHT', 'PUSH_CONNECTIONS_PER_ORIGIN', 'PUSH_PRESENCE_MINUTES', 'PUSH_SERVICE_HOSTS',
  'PUSH_EXTRA_SERVICE_ORIGINS', 'PUSH_REQUESTS_PER_MINUTE', 'PUSH_SUBSCRIPTION_IDLE_DAYS',
] as const;

/** A push service that keeps failing is tried this many times, waiting at most this long between tries. */
const PUSH_MAX_ATTEMPTS = 5;
const PUSH_MAX_RETRY_DELAY_MS = 60_000;
const PUSH_REQUEST_TIMEOUT_MS = 30_000;
/** Pushes encrypted per round trip to an encryption thread. */
const PUSH_BATCH_SIZE = 64;
/** The fan-out looks for actions this often, and writes its counts this often. */
const FANOUT_POLL_INTERVAL_MS = 1_000;
const FANOUT_COUNTS_FLUSH_MS = 500;
/** Presence is swept and long-unseen subscriptions removed this often. */
const HOUSEKEEPING_INTERVAL_MS = 60_000;

/** Web Push for the app: VAPID keys, the channel, presence in memory, the fan-out service and its housekeeping. */
export function pushComponent(
  config: Section<typeof PUSH_KEYS>,
  deps: { readonly logger: Logger; readonly store: Store; readonly clock: Clock; readonly ids: IdGenerator; readonly wakeup: DispatchWakeup; readonly catalogue: Catalogue },
): Component<PushRuntime> {
  return { name: 'push', start: () => startPush(config, deps) };
}

async function startPush(
  config: Section<typeof PUSH_KEYS>,
  { logger, ...deps }: { readonly logger: Logger; readonly store: Store; readonly clock: Clock; readonly ids: IdGenerator; readonly wakeup: DispatchWakeup; readonly catalogue: Catalogue },
): Promise<{ readonly value: PushRuntime; stop(): Promise<void> }> {
  const log = logger.child({ component: 'push' });
  const { keys, source } = await loadVapidKeys({
    publicKey: config.VAPID_PUBLIC_KEY,
    privateKey: config.VAPID_PRIVATE_KEY,
    keepIn: config.DEMO ? config.DATA_DIR : null,
  });
  if (source === 'this-process') log.warn({}, 'VAPID keys not configured: generated for this process only; subscriptions stop working after a restart');
  const localPushService = config.PUSH_SIMULATOR
    ? await startLocalPushService({ port: config.PUSH_SIMULATOR_PORT, logger: logger.child({ component: 'push-simulator' }) })
    : null;
  const channel = createWebPushChannel(
    {
      vapid: keys,
      subject: config.VAPID_SUBJECT,
      encryptionThreads: config.PUSH_ENCRYPTION_THREADS ?? availableParallelism(),
      maxInFlight: config.PUSH_MAX_IN_FLIGHT,
      connectionsPerOrigin: config.PUSH_CONNECTIONS_PER_ORIGIN,
      maxAttempts: PUSH_MAX_ATTEMPTS,
      maxRetryDelayMs: PUSH_MAX_RETRY_DELAY_MS,
      requestTimeoutMs: PUSH_REQUEST_TIMEOUT_MS,
      batchSize: PUSH_BATCH_SIZE,
    },
    { logger: log },
  );
  const presence = createInMemoryPresenceIndex({ ttlMs: config.PUSH_PRESENCE_MINUTES * 60_000 });
  const notified = createInMemoryNotifiedDevices();
  const fanout = createPushFanoutService(
    { ...deps, channel, presence, notified, logger: log },
    { pollIntervalMs: FANOUT_POLL_INTERVAL_MS, countsFlushMs: FANOUT_COUNTS_FLUSH_MS },
  );
  await fanout.start();

  const pushDeps: PushDeps = {
    store: deps.store,
    clock: deps.clock,
    ids: deps.ids,
    tokens: createDeviceTokens(),
    presence,
    notified,
    onArrival: (target, cell) => {
      // A phone is present, so a fan-out may come: have the encryption threads loaded by then.
      channel.warmUp();
      fanout.arrived(target, cell);
    },
  };
  const routes: PushRouteDeps = {
    ...pushDeps,
    catalogue: deps.catalogue,
    vapidPublicKey: keys.publicKey,
    endpointAllowed: createPushEndpointPolicy({
      hosts: config.PUSH_SERVICE_HOSTS,
      extraOrigins: [...config.PUSH_EXTRA_SERVICE_ORIGINS, ...(localPushService === null ? [] : [localPushService.origin])],
    }),
    requestsPerMinute: config.PUSH_REQUESTS_PER_MINUTE,
  };

  const housekeeping = async () => {
    const now = deps.clock.now();
    presence.sweep(now);
    const removed = await deps.store.pushSubscriptions.deleteUnseenSince(seenDayOf(new Date(now.getTime() - config.PUSH_SUBSCRIPTION_IDLE_DAYS * DAY_MS)));
    if (removed > 0) log.info({ removed }, 'removed push subscriptions of phones not seen for a long time');
  };
  const timer = setInterval(() => {
    housekeeping().catch((error: unknown) => log.error({ err: error }, 'push housekeeping failed'));
  }, HOUSEKEEPING_INTERVAL_MS);
  timer.unref();

  const demoPhones =
    config.DEMO && localPushService !== null
      ? await startDemoPhones({ ...pushDeps, logger: log }, localPushService, keys.publicKey, (config.PUSH_PRESENCE_MINUTES * 60_000) / 2)
      : null;
  if (localPushService !== null) log.info({ url: localPushService.origin, phones: `${localPushService.origin}/subscriptions` }, 'push simulator running');

  return {
    value: { routes, vapidPublicKey: keys.publicKey, presence, notified, channel, fanout, localPushService },
    async stop() {
      clearInterval(timer);
      demoPhones?.stop();
      fanout.stop();
      // Closing the channel ends what is still under way (as failed), so the fan-outs can finish their books.
      await channel.close();
      await fanout.drained();
      await localPushService?.close();
    },
  };
}
