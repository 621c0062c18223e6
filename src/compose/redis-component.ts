import type { Logger } from 'pino';
import { openRedis, type RedisConnection } from '../adapters/redis/redis-connection.js';
import { redisPersistence } from '../adapters/redis/redis-persistence.js';
import { ConfigError } from '../config.js';
import type { RateLimiters } from '../app/ports/rate-limiter.js';
import { createInMemoryRateLimiters } from '../adapters/rate-limit/in-memory-rate-limiter.js';
import { createRedisRateLimiters } from '../adapters/rate-limit/redis-rate-limiter.js';
import type { Component, ComponentStack } from './component.js';
import type { Section } from './config-section.js';

export const REDIS_KEYS = ['REDIS_URL', 'REDIS_KEY_PREFIX', 'REDIS_PERSISTENCE_CHECKED'] as const;

/**
 * The Redis of REDIS_URL, shared by the nodes for presence, the notified phones and rate limits: connected, and
 * refused when it writes to disk (a phone's cell must never reach one, ADR 0003). Started only with REDIS_URL.
 */
export function redisComponent(
  config: Section<typeof REDIS_KEYS> & { readonly REDIS_URL: string },
  deps: { readonly logger: Logger },
): Component<RedisConnection> {
  return {
    name: 'redis',
    async start() {
      const logger = deps.logger.child({ component: 'redis' });
      const redis = await openRedis({ url: config.REDIS_URL, keyPrefix: config.REDIS_KEY_PREFIX, logger });
      try {
        await refusePersistence(redis, config.REDIS_PERSISTENCE_CHECKED, logger);
      } catch (error) {
        await redis.close();
        throw error;
      }
      return { value: redis, stop: () => redis.close() };
    },
  };
}

async function refusePersistence(redis: RedisConnection, operatorChecked: boolean, logger: Logger): Promise<void> {
  const persistence = await redisPersistence(redis.client);
  switch (persistence.kind) {
    case 'memory-only':
      return;
    case 'persists':
      throw new ConfigError([
        `REDIS_URL: deze Redis schrijft naar schijf (${persistence.setting} ${JSON.stringify(persistence.value)}); ` +
          'de cel van een telefoon mag nooit op schijf komen. Zet save "" en appendonly no. ' +
          `(This Redis persists to disk: ${persistence.setting} is ${JSON.stringify(persistence.value)}; ` +
          'presence may only go into a Redis with save "" and appendonly no.)',
      ]);
    case 'unknown':
      if (operatorChecked) {
        logger.warn(
          { reason: persistence.reason },
          'redis does not tell whether it persists; REDIS_PERSISTENCE_CHECKED says the operator checked it does not',
        );
        return;
      }
      throw new ConfigError([
        `REDIS_URL: deze Redis zegt niet of hij naar schijf schrijft (CONFIG GET: ${persistence.reason}). ` +
          'Controleer dat hij geen RDB-snapshots en geen AOF bewaart en zet dan REDIS_PERSISTENCE_CHECKED=true. ' +
          '(This Redis refuses CONFIG GET save/appendonly; check that it keeps nothing on disk, then set ' +
          'REDIS_PERSISTENCE_CHECKED=true.)',
      ]);
    default:
      return persistence satisfies never;
  }
}

/** Where the state shared by the nodes but never stored lives: Redis with REDIS_URL, else this process's memory. */
export interface SharedState {
  readonly redis: RedisConnection | null;
  readonly rateLimiters: RateLimiters;
}

/** Starts the Redis component when REDIS_URL is set (on the stack, so it stops after what uses it). */
export async function startSharedState(
  components: ComponentStack,
  config: Section<typeof REDIS_KEYS>,
  deps: { readonly logger: Logger },
): Promise<SharedState> {
  const url = config.REDIS_URL;
  if (url === undefined) return { redis: null, rateLimiters: createInMemoryRateLimiters() };
  const redis = await components.start(redisComponent({ ...config, REDIS_URL: url }, deps));
  return { redis, rateLimiters: createRedisRateLimiters(redis) };
}
