import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { SMS_PART_STATUSES, partsEvent } from './sms-parts.js';

test('a delivery is settled by its parts: every one delivered, or one failed or expired', () => {
  assert.equal(partsEvent(['delivered', 'delivered'], 2), 'receipt-delivered');
  assert.equal(partsEvent(['delivered', 'submitted'], 2), null, 'waits for the second part');
  assert.equal(partsEvent(['submitted', 'expired'], 2), 'expired', 'one expired part is enough');
  assert.equal(partsEvent(['expired', 'failed', 'delivered'], 3), 'receipt-failed', 'failed goes before expired');
  assert.equal(partsEvent([], 1), null);
});

test('parts superseded by the SMS sent whole on another SMSC settle nothing', () => {
  assert.equal(partsEvent(['superseded', 'delivered'], 2), null, 'one part of the new attempt is still out');
  assert.equal(partsEvent(['superseded', 'delivered', 'delivered', 'delivered'], 3), 'receipt-delivered');
  assert.equal(partsEvent(['superseded', 'superseded'], 2), null);
});

test('a 4-part SMS is not delivered on the receipts of the parts the SMSC took so far', () => {
  assert.equal(partsEvent(['delivered'], 4), null);
  assert.equal(partsEvent(['delivered', 'delivered', 'delivered'], 4), null);
  assert.equal(partsEvent(['delivered', 'delivered', 'delivered', 'delivered'], 4), 'receipt-delivered');
  assert.equal(partsEvent(['delivered', 'failed'], 4), 'receipt-failed', 'one failed part fails it at once');
});

const parts = fc.array(fc.constantFrom(...SMS_PART_STATUSES), { minLength: 1, maxLength: 8 });
/** The statuses of the parts the SMSC took, and how many parts the SMS has (as many or more). */
const partsOfTotal = parts.chain((p) => fc.tuple(fc.constant(p), fc.integer({ min: p.length, max: p.length + 3 })));

test('property: the order in which the receipts came does not matter', () => {
  fc.assert(
    fc.property(
      partsOfTotal.chain(([p, total]) =>
        fc.tuple(
          fc.constant(p),
          fc.constant(total),
          fc.shuffledSubarray(p, { minLength: p.length, maxLength: p.length }),
        ),
      ),
      ([p, total, shuffled]) => assert.equal(partsEvent(shuffled, total), partsEvent(p, total)),
    ),
  );
});

test('property: delivered only when every part of the SMS is, failed whenever one part is, and no outcome while parts are out', () => {
  fc.assert(
    fc.property(partsOfTotal, ([all, total]) => {
      const event = partsEvent(all, total);
      // Superseded parts (the SMS went whole to another SMSC) count for nothing.
      const p = all.filter((s) => s !== 'superseded');
      assert.equal(event === 'receipt-delivered', p.length === total && p.every((s) => s === 'delivered'));
      assert.equal(event === 'receipt-failed', p.includes('failed'));
      if (!p.includes('failed') && !p.includes('expired')) {
        assert.equal(event === null, p.includes('submitted') || p.length < total);
      }
    }),
  );
});
