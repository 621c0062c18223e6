import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { outcomeOfAnswer, retryAfterMs } from './partner-webhook-outcome.js';

const NOW = new Date('2025-03-01T14:00:00Z');

describe('outcomeOfAnswer', () => {
  test('2xx is delivered', () => {
    for (const status of [200, 201, 202, 204, 299])
      assert.deepEqual(outcomeOfAnswer(status, undefined, NOW), { kind: 'delivered', status });
  });

  test('a redirect is refused, not followed', () => {
    for (const status of [301, 302, 303, 307, 308]) {
      assert.deepEqual(outcomeOfAnswer(status, undefined, NOW), {
        kind: 'rejected',
        reason: 'redirect-not-followed',
        status,
      });
    }
  });

  test('408, 425, 429 and 5xx are tried again, after the Retry-After if there is one', () => {
    assert.deepEqual(outcomeOfAnswer(429, '120', NOW), {
      kind: 'retry',
      reason: 'http-429',
      status: 429,
      retryAfterMs: 120_000,
    });
    assert.deepEqual(outcomeOfAnswer(503, 'Sat, 01 Mar 2025 14:00:30 GMT', NOW), {
      kind: 'retry',
      reason: 'http-503',
      status: 503,
      retryAfterMs: 30_000,
    });
    for (const status of [408, 425, 500, 502, 504]) {
      assert.deepEqual(outcomeOfAnswer(status, undefined, NOW), {
        kind: 'retry',
        reason: `http-${status}`,
        status,
        retryAfterMs: null,
      });
    }
  });

  test('410 Gone and the other 4xx refuse the event for good, 409 too', () => {
    for (const status of [400, 401, 403, 404, 409, 410, 413, 422]) {
      assert.deepEqual(outcomeOfAnswer(status, undefined, NOW), { kind: 'rejected', reason: `http-${status}`, status });
    }
  });

  test('every status has one meaning, and only 2xx is delivered', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), (status) => {
        const outcome = outcomeOfAnswer(status, undefined, NOW);
        assert.equal(outcome.kind === 'delivered', status >= 200 && status < 300);
        assert.equal(outcome.status, status);
      }),
    );
  });
});

describe('retryAfterMs', () => {
  test('reads delay-seconds and HTTP dates, a date in the past as now', () => {
    assert.equal(retryAfterMs('0', NOW), 0);
    assert.equal(retryAfterMs(' 5 ', NOW), 5_000);
    assert.equal(retryAfterMs('Sat, 01 Mar 2025 14:01:00 GMT', NOW), 60_000);
    assert.equal(retryAfterMs('Saturday, 01-Mar-25 14:01:00 GMT', NOW), 60_000);
    assert.equal(retryAfterMs('Sat, 01 Mar 2025 13:00:00 GMT', NOW), 0);
  });

  test('gives nothing for what is absent or unreadable', () => {
    for (const value of [undefined, '', 'soon', '1.5', '-3', '2025-03-01'])
      assert.equal(retryAfterMs(value, NOW), null);
  });
});
