import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decideThrottle } from './login-throttle.js';

const limits = { maxFailuresPerAccount: 3, accountWindowMs: 60_000, maxFailuresPerAddress: 5, addressWindowMs: 60_000 };
const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, s));

test('an account is locked after its limit of failures in the window, until the oldest counted one leaves it', () => {
  const failures = [at(0), at(10), at(20)];
  assert.deepEqual(decideThrottle({ accountFailures: failures.slice(0, 2), addressFailures: [] }, limits, at(30)), { allowed: true });
  assert.deepEqual(decideThrottle({ accountFailures: failures, addressFailures: [] }, limits, at(30)), { allowed: false, reason: 'account-locked', retryAfterMs: 30_000 });
  assert.deepEqual(decideThrottle({ accountFailures: failures, addressFailures: [] }, limits, at(61)), { allowed: true });
});

test('an address is limited after its limit of failures, whichever accounts they aimed at', () => {
  const failures = [at(0), at(1), at(2), at(3), at(4)];
  const decision = decideThrottle({ accountFailures: [], addressFailures: failures }, limits, at(5));
  assert.equal(decision.allowed, false);
  assert.equal(decision.allowed === false && decision.reason, 'address-limited');
});
