import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { accountDelayMs, decideThrottle, slowdownStartedBy, type ThrottleLimits } from './login-throttle.js';

const limits: ThrottleLimits = {
  maxFailuresPerAccount: 3,
  accountWindowMs: 15 * 60_000,
  firstDelayMs: 1000,
  maxDelayMs: 300_000,
  maxFailuresPerAddress: 5,
  addressWindowMs: 60_000,
};
const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, 0) + s * 1000);
const account = (accountFailures: Date[], now: Date, deviceFailures: Date[] | null = null) =>
  decideThrottle({ accountFailures, addressFailures: [], deviceFailures }, limits, now);

test('past its free failures an account waits 1 s after the latest failure, then 2 s, 4 s…; never locked for the window', () => {
  assert.deepEqual(account([at(0), at(1)], at(2)), { allowed: true });
  assert.deepEqual(account([at(0), at(1), at(2)], at(2)), {
    allowed: false,
    reason: 'account-slowed',
    retryAfterMs: 1000,
  });
  assert.deepEqual(account([at(0), at(1), at(2)], at(3)), { allowed: true });
  assert.deepEqual(account([at(0), at(1), at(2), at(3)], at(3)), {
    allowed: false,
    reason: 'account-slowed',
    retryAfterMs: 2000,
  });
  assert.deepEqual(account([at(0), at(1), at(2), at(3), at(5)], at(6)), {
    allowed: false,
    reason: 'account-slowed',
    retryAfterMs: 3000,
  });
  // Failures that left the window no longer count.
  assert.deepEqual(account([at(0), at(1), at(2)], at(15 * 60 + 1)), { allowed: true });
});

test('the delay is 0 for the free failures, 1 s for the next, doubles and stops at the cap', () => {
  assert.deepEqual(
    [0, 1, 2, 3, 4, 5, 6].map((n) => accountDelayMs(n, limits)),
    [0, 0, 0, 1000, 2000, 4000, 8000],
  );
  assert.equal(accountDelayMs(3 + 8, limits), 256_000);
  assert.equal(accountDelayMs(3 + 9, limits), 300_000);
  assert.equal(accountDelayMs(1_000_000, limits), 300_000);
});

test('a known device of the account is slowed by its own failures only', () => {
  const others = [at(0), at(1), at(2), at(3), at(4), at(5)];
  assert.equal(account(others, at(5)).allowed, false);
  assert.deepEqual(account(others, at(5), []), { allowed: true });
  assert.deepEqual(account(others, at(5), [at(3), at(4), at(5)]), {
    allowed: false,
    reason: 'account-slowed',
    retryAfterMs: 1000,
  });
});

test('an address is limited after its limit of failures, whichever accounts they aimed at; the longer wait is told', () => {
  const failures = [at(0), at(1), at(2), at(3), at(4)];
  assert.deepEqual(
    decideThrottle({ accountFailures: [], addressFailures: failures, deviceFailures: [] }, limits, at(5)),
    {
      allowed: false,
      reason: 'address-limited',
      retryAfterMs: 55_000,
    },
  );
  const both = decideThrottle(
    { accountFailures: failures, addressFailures: failures, deviceFailures: null },
    limits,
    at(5),
  );
  assert.equal(both.allowed === false && both.reason, 'address-limited');
});

test('beheer is alerted when an account reaches its free failures, once for an attack that goes on', () => {
  assert.equal(slowdownStartedBy([at(0), at(1)], limits, at(1)), null);
  assert.equal(slowdownStartedBy([at(0), at(1), at(2)], limits, at(2)), 3);
  assert.equal(slowdownStartedBy([at(0), at(1), at(2), at(4)], limits, at(4)), null, 'already slowed');
  // Every 6 minutes a guess: the window keeps 3 failures, so the account stays slowed without a new alert.
  const steady = [0, 360, 720, 1080, 1440, 1800].map(at);
  for (const [i, now] of steady.entries())
    assert.equal(slowdownStartedBy(steady.slice(0, i + 1), limits, now), i === 2 ? 3 : null, `failure ${i}`);
  // After a quiet window a new attack is a new alert.
  assert.equal(slowdownStartedBy([at(0), at(1), at(2), at(2000), at(2001), at(2002)], limits, at(2002)), 3);
});

const failureTimes = fc
  .array(fc.integer({ min: 0, max: 20 * 60 }), { maxLength: 40 })
  .map((seconds) => seconds.map(at));

test('property: the delay is 0 below the free failures, never above the cap, and never smaller for more failures', () => {
  fc.assert(
    fc.property(
      fc.nat(10_000),
      fc.integer({ min: 1, max: 100 }),
      fc.integer({ min: 1, max: 10_000 }),
      fc.integer({ min: 1, max: 3_600_000 }),
      (n, max, first, cap) => {
        const l = { maxFailuresPerAccount: max, firstDelayMs: first, maxDelayMs: cap };
        const delay = accountDelayMs(n, l);
        assert.ok(delay <= cap);
        assert.ok(accountDelayMs(n + 1, l) >= delay);
        assert.equal(delay === 0, n < max);
      },
    ),
  );
});

test('property: a refusal never asks to wait longer than the cap (account) or the window (address), and one more failure never shortens it', () => {
  fc.assert(
    fc.property(
      failureTimes,
      failureTimes,
      fc.integer({ min: 0, max: 20 * 60 }),
      (accountFailures, addressFailures, s) => {
        const now = at(s);
        const decision = decideThrottle({ accountFailures, addressFailures, deviceFailures: null }, limits, now);
        const more = decideThrottle(
          { accountFailures: [...accountFailures, now], addressFailures, deviceFailures: null },
          limits,
          now,
        );
        if (!decision.allowed) {
          assert.ok(decision.retryAfterMs > 0);
          assert.ok(
            decision.retryAfterMs <=
              (decision.reason === 'account-slowed' ? limits.maxDelayMs : limits.addressWindowMs),
          );
          assert.ok(!more.allowed && more.retryAfterMs >= decision.retryAfterMs);
        }
        // A known device without failures of its own is held back by its address alone.
        const device = decideThrottle({ accountFailures, addressFailures, deviceFailures: [] }, limits, now);
        assert.deepEqual(
          device,
          decideThrottle({ accountFailures: [], addressFailures, deviceFailures: null }, limits, now),
        );
      },
    ),
  );
});

test('property: each alert stands for its own free failures, so a sequence of n failures alerts at most n / free times', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 3 * 60 * 60 }), { maxLength: 60 }), (seconds) => {
      const failures = [...seconds].sort((a, b) => a - b).map(at);
      const alerts = failures.filter(
        (now, i) => slowdownStartedBy(failures.slice(0, i + 1), limits, now) !== null,
      ).length;
      assert.ok(alerts <= Math.floor(failures.length / limits.maxFailuresPerAccount));
    }),
  );
});
