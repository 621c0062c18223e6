import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { API_TOKEN_WARNING_DAYS, apiTokenLifetime, apiTokenState, MAX_API_TOKEN_DAYS } from './api-token-lifetime.js';

const NOW = new Date('2026-12-08T10:00:00Z');
const DAY = 86_400_000;

test('a token lives one day to a year, in whole days', () => {
  assert.deepEqual(apiTokenLifetime(NOW, 90), { createdAt: NOW, expiresAt: new Date('2027-03-08T10:00:00Z') });
  for (const days of [0, -1, 1.5, MAX_API_TOKEN_DAYS + 1, Number.NaN]) assert.equal(apiTokenLifetime(NOW, days), null);
});

test('a token works until its expiry, is expiring soon in its last two weeks, and is expired from the moment itself', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: MAX_API_TOKEN_DAYS }),
      fc.integer({ min: 0, max: 400 * DAY }),
      (days, after) => {
        const { expiresAt } = apiTokenLifetime(NOW, days)!;
        const at = new Date(NOW.getTime() + after);
        const left = expiresAt.getTime() - at.getTime();
        const expected = left <= 0 ? 'expired' : left <= API_TOKEN_WARNING_DAYS * DAY ? 'expiring-soon' : 'valid';
        return apiTokenState(expiresAt, at) === expected;
      },
    ),
  );
  const { expiresAt } = apiTokenLifetime(NOW, 30)!;
  assert.equal(apiTokenState(expiresAt, new Date(expiresAt.getTime() - 1)), 'expiring-soon');
  assert.equal(apiTokenState(expiresAt, expiresAt), 'expired');
  assert.equal(apiTokenState(expiresAt, NOW), 'valid');
});
