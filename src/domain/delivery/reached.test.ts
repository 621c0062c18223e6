import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DELIVERY_STATUSES, FINAL_STATUSES, isFinal } from './delivery-status.js';
import { REACHED_STATUSES, isReached } from './reached.js';

test('updates and the afloopbericht follow alerts that are queued, on their way or delivered', () => {
  assert.deepEqual(REACHED_STATUSES, ['queued', 'sending', 'submitted', 'delivered']);
});

test('every status is final or reached, and delivered is the only one that is both', () => {
  for (const s of DELIVERY_STATUSES) assert.ok(isFinal(s) || isReached(s), s);
  assert.deepEqual(FINAL_STATUSES.filter(isReached), ['delivered']);
  assert.deepEqual(FINAL_STATUSES, ['delivered', 'failed', 'expired', 'cancelled']);
});
