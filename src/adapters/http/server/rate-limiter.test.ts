import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRateLimiter } from './rate-limiter.js';

test('a key gets its limit per window, then is refused until the window ends; other keys are not affected', () => {
  const limiter = createRateLimiter({ limit: 3, windowMs: 60_000 });
  const t0 = 1_000_000;
  assert.deepEqual(
    [1, 2, 3, 4].map(() => limiter.take('a', t0)),
    [true, true, true, false],
  );
  assert.equal(limiter.take('b', t0), true);
  assert.equal(limiter.retryAfterSeconds('a', t0 + 30_000), 30);
  assert.equal(limiter.take('a', t0 + 59_999), false);
  assert.equal(limiter.take('a', t0 + 60_000), true);
});

test('a flood of distinct keys never locks out a new client: the oldest window makes room', () => {
  const limiter = createRateLimiter({ limit: 1, windowMs: 60_000, maxKeys: 2 });
  assert.equal(limiter.take('a', 0), true);
  assert.equal(limiter.take('b', 1), true);
  assert.equal(limiter.take('c', 2), true, 'a new client is admitted while the table is full');
  assert.equal(limiter.take('c', 3), false, 'and counted like any other');
  assert.equal(limiter.take('b', 4), false, 'b, younger than a, was kept');
  assert.equal(limiter.take('a', 5), true, 'a, the oldest, made room and starts afresh');
});

test('the table holds at most maxKeys windows, however many keys come', () => {
  const limiter = createRateLimiter({ limit: 1, windowMs: 60_000, maxKeys: 100 });
  for (let i = 0; i < 10_000; i++) assert.equal(limiter.take(`k${i}`, i), true);
  // The last 100 keys are still counted (refused a second time); an older one was let go.
  for (let i = 9_900; i < 10_000; i++) assert.equal(limiter.take(`k${i}`, 10_000), false, `k${i}`);
});
