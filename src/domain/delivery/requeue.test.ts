import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { ACTION_STATUSES } from '../action/action-status.js';
import { MESSAGE_KINDS } from './message-kind.js';
import { MAX_ATTEMPTS, RETRY_CAUSES, attemptsExhausted, requeueStatus, stillWanted } from './requeue.js';

test('a delivery is handed out at most MAX_ATTEMPTS (20) times', () => {
  assert.equal(MAX_ATTEMPTS, 20);
  assert.equal(attemptsExhausted(19), false);
  assert.equal(attemptsExhausted(20), true);
});

test('an active action wants every message again; an ended one only its closing message, when the channel failed', () => {
  assert.equal(stillWanted('alert', 'actief', 'not-answered'), true);
  assert.equal(stillWanted('alert', 'afgesloten', 'channel-unavailable'), false);
  assert.equal(stillWanted('update', 'ingetrokken', 'channel-unavailable'), false);
  assert.equal(stillWanted('closing', 'afgesloten', 'channel-unavailable'), true);
  assert.equal(stillWanted('closing', 'afgesloten', 'not-answered'), false, 'nobody is called again after the close');
});

test('property: back in the queue exactly when wanted and not out of attempts; out of attempts is failed', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...MESSAGE_KINDS),
      fc.constantFrom(...ACTION_STATUSES),
      fc.constantFrom(...RETRY_CAUSES),
      fc.boolean(),
      (messageKind, actionStatus, cause, exhausted) => {
        const status = requeueStatus({ messageKind, actionStatus, cause, attemptsExhausted: exhausted });
        if (exhausted) assert.equal(status, 'failed');
        else assert.equal(status, stillWanted(messageKind, actionStatus, cause) ? 'queued' : 'cancelled');
        if (actionStatus === 'actief' && !exhausted) assert.equal(status, 'queued');
      },
    ),
  );
});
