import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { backoffMs, settleAttempt, type AttemptResult, type RetryPolicy } from './outbox-delivery.js';

const POLICY: RetryPolicy = { firstPauseMs: 1_000, maxPauseMs: 60_000, maxAgeMs: 24 * 3_600_000 };
const created = new Date('2026-12-07T10:00:00Z');

describe('what becomes of an event at a destination after an attempt', () => {
  test('delivered and rejected are final, whatever the attempt', () => {
    assert.deepEqual(settleAttempt({ kind: 'delivered' }, 3, created, created, POLICY), { status: 'delivered' });
    assert.deepEqual(settleAttempt({ kind: 'rejected' }, 1, created, created, POLICY), { status: 'rejected' });
  });

  test('a failed attempt is tried again after a pause that doubles: 1 s, 2 s, 4 s … up to a minute', () => {
    const pauses = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => backoffMs(n, POLICY));
    assert.deepEqual(pauses, [1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000]);
    const now = new Date(created.getTime() + 5_000);
    assert.deepEqual(settleAttempt({ kind: 'retry', retryAfterMs: null }, 2, created, now, POLICY), {
      status: 'pending',
      nextAttemptAt: new Date(now.getTime() + 2_000),
    });
  });

  test("the destination's Retry-After is honoured, but never beyond the longest pause", () => {
    const now = created;
    assert.deepEqual(settleAttempt({ kind: 'retry', retryAfterMs: 7_000 }, 1, created, now, POLICY), {
      status: 'pending',
      nextAttemptAt: new Date(now.getTime() + 7_000),
    });
    assert.deepEqual(settleAttempt({ kind: 'retry', retryAfterMs: 3_600_000 }, 1, created, now, POLICY), {
      status: 'pending',
      nextAttemptAt: new Date(now.getTime() + 60_000),
    });
  });

  test('an event older than the maximum age is given up instead of tried again', () => {
    const late = new Date(created.getTime() + POLICY.maxAgeMs - 500);
    assert.deepEqual(settleAttempt({ kind: 'retry', retryAfterMs: null }, 40, created, late, POLICY), {
      status: 'expired',
    });
  });

  test('property: a retry is never scheduled in the past, never beyond the longest pause, and never after the maximum age', () => {
    const result = fc.oneof(
      fc.constant<AttemptResult>({ kind: 'retry', retryAfterMs: null }),
      fc.integer({ min: -10_000, max: 10_000_000 }).map<AttemptResult>((ms) => ({ kind: 'retry', retryAfterMs: ms })),
    );
    fc.assert(
      fc.property(
        result,
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 2 * POLICY.maxAgeMs }),
        (r, attempts, age) => {
          const now = new Date(created.getTime() + age);
          const settled = settleAttempt(r, attempts, created, now, POLICY);
          if (settled.status === 'expired') return true;
          assert.equal(settled.status, 'pending');
          const pause = settled.nextAttemptAt.getTime() - now.getTime();
          assert.ok(pause >= 0 && pause <= POLICY.maxPauseMs, `pause ${pause}`);
          assert.ok(settled.nextAttemptAt.getTime() - created.getTime() <= POLICY.maxAgeMs);
          return true;
        },
      ),
    );
  });

  test('property: the pause grows with the attempts until it reaches the maximum', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000 }), (attempts) => {
        assert.ok(backoffMs(attempts + 1, POLICY) >= backoffMs(attempts, POLICY));
        assert.ok(backoffMs(attempts, POLICY) <= POLICY.maxPauseMs);
      }),
    );
  });
});
