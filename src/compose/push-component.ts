import type { Logger } from 'pino';
import type { Clock } from '../app/ports/clock.js';
import type { DispatchWakeup } from '../app/ports/dispatch-wakeup.js';
import type { IdGenerator } from '../app/ports/id-generator.js';
import type { NotifiedDevices } from '../app/ports/notified-devices.js';
import type { PresenceIndex } from '../app/ports/presence-index.js';
import type { RateLimiters } from '../app/ports/rate-limiter.js';
import type { Store } from '../app/ports/stores.js';
import { createPushFanoutService, type PushFanoutService } from '../app/push/push-fanout-service.js';
import type { PushDeps } from '../app/push/push-deps.js';
import { createDeviceTokens } from '../adapters/auth/device-tokens.js';
import { startDemoPhones } from '../adapters/channels/web-push/demo-phones.js';
import type { LocalPushService } from '../adapters/channels/web-push/local-push-service.js';
import { createPushEndpointPolicy } from '../adapters/channels/web-push/push-endpoint-policy.js';
import type { WebPush } from '../adapters/channels/web-push/web-push.js';
import type { WebPushChannel } from '../adapters/channels/web-push/web-push-channel.js';
import type { PushRouteDeps } from '../adapters/http/burgernet-app/push-routes.js';
import { createInMemoryNotifiedDevices } from '../adapters/presence/in-memory-notified-devices.js';
import { createInMemoryPresenceIndex } from '../adapters/presence/in-memory-presence-index.js';
import { createRedisNotifiedDevices } from '../adapters/presence/redis-notified-devices.js';
import { createRedisPresenceIndex } from '../adapters/presence/redis-presence-index.js';
import type { RedisConnection } from '../adapters/redis/redis-connection.js';
import type { PeriodicJobs } from '../app/cluster/periodic-jobs.js';
import type { Component } from './component.js';
import type { Section } from './config-section.js';
import type { Catalogue } from '../domain/messages/catalogue.js';
import { seenDayOf } from '../domain/push/seen-day.js';

export interface PushRuntime {
  /** What the /app/v1/push routes need. */
  readonly routes: PushRouteDeps;
  readonly vapidPublicKey: string;
  /** Presence, in memory only: this process's, or Redis's with REDIS_URL. */
  readonly presence: PresenceIndex;
  readonly notified: NotifiedDevices;
  readonly channel: WebPushChannel;
  readonly fanout: PushFanoutService;
  /** The built-in push service with the simulated phones (PUSH_SIMULATOR), or null. */
  readonly localPushService: LocalPushService | null;
}

const DAY_MS = 86_400_000;

export const PUSH_KEYS = [
  'DEMO',
  'PUSH_PRESENCE_MINUTES',
  'PUSH_SERVICE_HOSTS',
  'PUSH_EXTRA_SERVICE_ORIGINS',
  'PUSH_REQUESTS_PER_MINUTE',
  'PUSH_SUBSCRIPTION_IDLE_DAYS',
] as const;

/** The fan-out looks for actions this often, and writes its counts this often. */
const FANOUT_POLL_INTERVAL_MS = 1_000;
const FANOUT_COUNTS_FLUSH_MS = 500;
/** Presence is swept and long-unseen subscriptions removed this often. */
const HOUSEKEEPING_INTERVAL_MS = 60_000;

interface PushComponentDeps {
  readonly logger: Logger;
  readonly store: Store;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly wakeup: DispatchWakeup;
  readonly catalogue: Catalogue;
  /** The started Web Push channel of the registry (src/compose/channel-registry.ts). */
  readonly webPush: WebPush;
  /** The Redis the nodes share (REDIS_URL), or null: presence and the notified sets in this process's memory. */
  readonly redis: RedisConnection | null;
  readonly rateLimiters: RateLimiters;
  /** Null on an API node: long-unseen subscriptions are removed by the worker nodes, one at a time. */
  readonly periodic: PeriodicJobs | null;
}

/**
 * App notifications over the Web Push channel: presence in memory (this process's, or a shared Redis), the fan-out
 * service, its housekeeping, the demo phones.
 */
export function pushComponent(config: Section<typeof PUSH_KEYS>, deps: PushComponentDeps): Component<PushRuntime> {
  return { name: 'push', start: () => startPush(config, deps) };
}

async function startPush(
  config: Section<typeof PUSH_KEYS>,
  { logger, webPush, redis, rateLimiters, periodic, ...deps }: PushComponentDeps,
): Promise<{ readonly value: PushRuntime; stop(): Promise<void> }> {
  const log = logger.child({ component: 'push' });
  const { channel, simulator: localPushService, vapidPublicKey } = webPush;
  const ttlMs = config.PUSH_PRESENCE_MINUTES * 60_000;
  // In Redis, entries expire by themselves; this process's memory is swept by the housekeeping.
  const inMemory = redis === null ? createInMemoryPresenceIndex({ ttlMs }) : null;
  const presence: PresenceIndex = inMemory ?? createRedisPresenceIndex(redis!, { ttlMs });
  const notified = redis === null ? createInMemoryNotifiedDevices() : createRedisNotifiedDevices(redis);
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
    vapidPublicKey,
    endpointAllowed: createPushEndpointPolicy({
      hosts: config.PUSH_SERVICE_HOSTS,
      extraOrigins: [
        ...config.PUSH_EXTRA_SERVICE_ORIGINS,
        ...(localPushService === null ? [] : [localPushService.origin]),
      ],
    }),
    requestLimit: rateLimiters({
      name: 'push-requests',
      limit: config.PUSH_REQUESTS_PER_MINUTE,
      windowMs: 60_000,
      whenUnavailable: 'allow',
    }),
  };

  const removeUnseen = periodic?.onOneNode('push-subscription-clean-up', HOUSEKEEPING_INTERVAL_MS, async () => {
    const since = new Date(deps.clock.now().getTime() - config.PUSH_SUBSCRIPTION_IDLE_DAYS * DAY_MS);
    const removed = await deps.store.pushSubscriptions.deleteUnseenSince(seenDayOf(since));
    if (removed > 0) log.info({ removed }, 'removed push subscriptions of phones not seen for a long time');
  });
  const housekeeping = async () => {
    inMemory?.sweep(deps.clock.now());
    await removeUnseen?.();
  };
  const timer = setInterval(() => {
    housekeeping().catch((error: unknown) => log.error({ err: error }, 'push housekeeping failed'));
  }, HOUSEKEEPING_INTERVAL_MS);
  timer.unref();

  const demoPhones =
    config.DEMO && localPushService !== null
      ? await startDemoPhones(
          { ...pushDeps, logger: log },
          localPushService,
          vapidPublicKey,
          (config.PUSH_PRESENCE_MINUTES * 60_000) / 2,
        )
      : null;

  return {
    value: { routes, vapidPublicKey, presence, notified, channel, fanout, localPushService },
    async stop() {
      clearInterval(timer);
      demoPhones?.stop();
      fanout.stop();
      // Closing the channel ends what is still under way (as failed), so the fan-outs can finish their books. The
      // channel's registration closes it again, and then the push service, when the channels stop after this.
      await channel.close();
      await fanout.drained();
    },
  };
}
