import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createInMemoryRateLimiter } from './in-memory-rate-limiter.js';

const allowed = async (decision: Promise<{ readonly kind: string }>) => (await decision).kind === 'allowed';

test('a flood of distinct keys never locks out a new client: the oldest window makes room', async () => {
  const limiter = createInMemoryRateLimiter({ limit: 1, windowMs: 60_000, maxKeys: 2 });
  assert.equal(await allowed(limiter.take('a', 0)), true);
  assert.equal(await allowed(limiter.take('b', 1)), true);
  assert.equal(await allowed(limiter.take('c', 2)), true, 'a new client is admitted while the table is full');
  assert.equal(await allowed(limiter.take('c', 3)), false, 'and counted like any other');
  assert.equal(await allowed(limiter.take('b', 4)), false, 'b, younger than a, was kept');
  assert.equal(await allowed(limiter.take('a', 5)), true, 'a, the oldest, made room and starts afresh');
});

test('the table holds at most maxKeys windows, however many keys come', async () => {
  const limiter = createInMemoryRateLimiter({ limit: 1, windowMs: 60_000, maxKeys: 100 });
  for (let i = 0; i < 10_000; i++) assert.equal(await allowed(limiter.take(`k${i}`, i)), true);
  // The last 100 keys are still counted (refused a second time); an older one was let go.
  for (let i = 9_900; i < 10_000; i++) assert.equal(await allowed(limiter.take(`k${i}`, 10_000)), false, `k${i}`);
});
