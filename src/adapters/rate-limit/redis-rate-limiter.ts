import type { RateDecision, RateLimit, RateLimiters } from '../../app/ports/rate-limiter.js';
import type { RedisConnection } from '../redis/redis-connection.js';
import { limited } from './in-memory-rate-limiter.js';

/**
 * Fixed-window limits shared by the nodes: per limit and key a hash {count, resetAt} in Redis that Redis drops
 * when its window ends, counted by one script (so two nodes cannot both take the last request). The window
 * starts at the first request, on the caller's clock, as in memory. While Redis cannot be reached a limit
 * answers as its `whenUnavailable` says (the connection logs and counts it).
 */
export function createRedisRateLimiters(redis: RedisConnection): RateLimiters {
  return (limit: RateLimit) => ({
    async take(key, now) {
      const reply = await redis.attempt(
        `rate-limit.${limit.name}`,
        (client) =>
          client.eval(TAKE, {
            keys: [redis.key('rate', limit.name, key)],
            arguments: [String(now), String(limit.windowMs)],
          }),
        null,
      );
      if (!Array.isArray(reply)) return limit.whenUnavailable === 'allow' ? ALLOWED : UNAVAILABLE;
      const [count, resetAt] = reply.map(Number) as [number, number];
      return count <= limit.limit ? ALLOWED : limited(resetAt, now);
    },
  });
}

const ALLOWED: RateDecision = { kind: 'allowed' };
const UNAVAILABLE: RateDecision = { kind: 'unavailable' };

/** KEYS: the counter. ARGV: now, window (ms). Answers the count with this request and when the window ends. */
const TAKE = `
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local resetAt = tonumber(redis.call('HGET', KEYS[1], 'resetAt'))
if resetAt == nil or resetAt <= now then
  resetAt = now + window
  redis.call('HSET', KEYS[1], 'count', 1, 'resetAt', resetAt)
  redis.call('PEXPIRE', KEYS[1], window)
  return {1, resetAt}
end
return {redis.call('HINCRBY', KEYS[1], 'count', 1), resetAt}
`;
