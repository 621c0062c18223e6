import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { SMS_PART_STATUSES, partsEvent } from './sms-parts.js';

test('a delivery is settled by its parts: every one delivered, or one failed or expired', () => {
  assert.equal(partsEvent(['delivered', 'delivered']), 'receipt-delivered');
  assert.equal(partsEvent(['delivered', 'submitted']), null, 'waits for the second part');
  assert.equal(partsEvent(['submitted', 'expired']), 'expired', 'one expired part is enough');
  assert.equal(partsEvent(['expired', 'failed', 'delivered']), 'receipt-failed', 'failed goes before expired');
  assert.equal(partsEvent([]), null);
});

const parts = fc.array(fc.constantFrom(...SMS_PART_STATUSES), { minLength: 1, maxLength: 8 });

test('property: the order in which the receipts came does not matter', () => {
  fc.assert(
    fc.property(
      parts.chain((p) =>
        fc.tuple(fc.constant(p), fc.shuffledSubarray(p, { minLength: p.length, maxLength: p.length })),
      ),
      ([p, shuffled]) => assert.equal(partsEvent(shuffled), partsEvent(p)),
    ),
  );
});

test('property: delivered only when every part is, failed whenever one part is, and no outcome while parts are out', () => {
  fc.assert(
    fc.property(parts, (p) => {
      const event = partsEvent(p);
      assert.equal(
        event === 'receipt-delivered',
        p.every((s) => s === 'delivered'),
      );
      assert.equal(event === 'receipt-failed', p.includes('failed'));
      if (!p.includes('failed') && !p.includes('expired')) assert.equal(event === null, p.includes('submitted'));
    }),
  );
});
