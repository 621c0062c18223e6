import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createOutcomeBatch } from './outcome-batch.js';

test('outcomes are stored together, once each; a failed store keeps them and tries again', async () => {
  const stored: number[][] = [];
  let failures = 1;
  const errors: number[] = [];
  const batch = createOutcomeBatch<number>(
    async (b) => {
      if (failures-- > 0) throw new Error('database away');
      stored.push([...b]);
    },
    (_error, count) => errors.push(count),
  );
  batch.push(1);
  batch.push(2);
  const first = batch.flush();
  batch.push(3);
  assert.equal(batch.flush(), first, 'one store at a time');
  await first;
  assert.deepEqual(errors, [2]);
  assert.deepEqual(stored.flat().sort(), [1, 2, 3]);
  assert.equal(batch.size, 0);
  await batch.flush();
  assert.equal(stored.flat().length, 3, 'nothing stored twice');
});
