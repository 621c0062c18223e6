import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRateLimiter } from './rate-limiter.js';

test('a key gets its limit per window, then is refused until the window ends; other keys are not affected', () => {
  const limiter = createRateLimiter({ limit: 3, windowMs: 60_000 });
  const t0 = 1_000_000;
  assert.deepEqual([1, 2, 3, 4].map(() => limiter.take('a', t0)), [true, true, true, false]);
  assert.equal(limiter.take('b', t0), true);
  assert.equal(limiter.retryAfterSeconds('a', t0 + 30_000), 30);
  assert.equal(limiter.take('a', t0 + 59_999), false);
  assert.equal(limiter.take('a', t0 + 60_000), true);
});

test('a flood of distinct keys is bounded: new keys are refused while the table is full, and admitted after the sweep', () => {
  const limiter = createRateLimiter({ limit: 1, windowMs: 1_000, maxKeys: 2 });
  assert.equal(limiter.take('a', 0), true);
  assert.equal(limiter.take('b', 0), true);
  assert.equal(limiter.take('c', 0), false);
  assert.equal(limiter.take('c', 1_000), true);
});
