import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nextCallAttempt } from './voice-retry.js';

const policy = { retries: 2, retryPauseMs: 300_000, unavailablePauseMs: 30_000, maxUnavailableAttempts: 20 };
const now = new Date('2026-11-23T09:00:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);

describe('when a call is tried again', () => {
  it('calls a busy or unanswered number again after the pause, the configured number of times', () => {
    assert.deepEqual(nextCallAttempt({ kind: 'busy', sipStatus: 486 }, 'alert', 1, policy, now), later(300_000));
    assert.deepEqual(nextCallAttempt({ kind: 'no-answer', sipStatus: null }, 'update', 2, policy, now), later(300_000));
    assert.equal(
      nextCallAttempt({ kind: 'busy', sipStatus: 486 }, 'alert', 3, policy, now),
      null,
      'three calls: one and two retries',
    );
  });

  it('does not retry a closing message', () => {
    assert.equal(nextCallAttempt({ kind: 'busy', sipStatus: 486 }, 'closing', 1, policy, now), null);
  });

  it('never retries an answered, rejected or failed call', () => {
    assert.equal(
      nextCallAttempt({ kind: 'answered', playedMs: 1, repeats: 0, hungUpBy: 'us' }, 'alert', 1, policy, now),
      null,
    );
    assert.equal(nextCallAttempt({ kind: 'rejected', sipStatus: 603 }, 'alert', 1, policy, now), null);
    assert.equal(nextCallAttempt({ kind: 'failed', reason: 'SIP 404', sipStatus: 404 }, 'alert', 1, policy, now), null);
  });

  it('tries again when the trunk could not be reached, any message, up to a limit', () => {
    assert.deepEqual(
      nextCallAttempt({ kind: 'unavailable', reason: 'down' }, 'closing', 5, policy, now),
      later(30_000),
    );
    assert.equal(nextCallAttempt({ kind: 'unavailable', reason: 'down' }, 'alert', 20, policy, now), null);
  });
});
