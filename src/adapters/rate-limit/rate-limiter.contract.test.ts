import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { RateLimit, RateLimiters } from '../../app/ports/rate-limiter.js';
import { openTestRedis } from '../../../test/support/redis.js';
import { createInMemoryRateLimiters } from './in-memory-rate-limiter.js';
import { createRedisRateLimiters } from './redis-rate-limiter.js';

const limit = (limit: number, windowMs: number): RateLimit => ({
  name: randomUUID(),
  limit,
  windowMs,
  whenUnavailable: 'refuse',
});

/** The same promises of every rate limiter: in this process's memory, and in Redis. */
for (const kind of ['in memory', 'Redis'] as const) {
  describe(`a fixed-window rate limit (${kind})`, () => {
    let redis: Awaited<ReturnType<typeof openTestRedis>> | null = null;
    let limiters: RateLimiters;
    before(async () => {
      if (kind === 'Redis') redis = await openTestRedis();
      limiters = redis === null ? createInMemoryRateLimiters() : createRedisRateLimiters(redis);
    });
    after(() => redis?.drop());

    test('a key gets its limit per window, then is refused until the window ends; other keys are not affected', async () => {
      const limiter = limiters(limit(3, 60_000));
      const t0 = 1_000_000;
      const kinds = [];
      for (let i = 0; i < 4; i++) kinds.push((await limiter.take('a', t0)).kind);
      assert.deepEqual(kinds, ['allowed', 'allowed', 'allowed', 'limited']);
      assert.deepEqual(await limiter.take('b', t0), { kind: 'allowed' });
      assert.deepEqual(await limiter.take('a', t0 + 30_000), { kind: 'limited', retryAfterSeconds: 30 });
      assert.deepEqual(await limiter.take('a', t0 + 59_999), { kind: 'limited', retryAfterSeconds: 1 });
      assert.deepEqual(await limiter.take('a', t0 + 60_000), { kind: 'allowed' }, 'a new window');
      assert.deepEqual(await limiter.take('a', t0 + 60_001), { kind: 'allowed' });
    });

    test('two limits with the same keys count apart', async () => {
      const first = limiters(limit(1, 60_000));
      const second = limiters(limit(1, 60_000));
      assert.equal((await first.take('a', 0)).kind, 'allowed');
      assert.equal((await second.take('a', 0)).kind, 'allowed');
      assert.equal((await first.take('a', 1)).kind, 'limited');
    });

    test('requests that arrive together are all counted: exactly the limit gets through', async () => {
      const limiter = limiters(limit(10, 60_000));
      const decisions = await Promise.all(Array.from({ length: 50 }, () => limiter.take('a', 5_000)));
      assert.equal(decisions.filter((d) => d.kind === 'allowed').length, 10);
    });
  });
}
