import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createCoalescer } from './coalescer.js';

test('the first signal of a key goes at once, the rest of its window as one more at the end, per key', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const sent: string[] = [];
  const coalescer = createCoalescer(5, (key) => sent.push(key));
  for (let i = 0; i < 100_000; i += 1) coalescer.signal('wake.deliveries.sms');
  coalescer.signal('wake.targeting');
  assert.deepEqual(sent, ['wake.deliveries.sms', 'wake.targeting']);
  t.mock.timers.tick(5);
  assert.deepEqual(sent, ['wake.deliveries.sms', 'wake.targeting', 'wake.deliveries.sms'], 'the trailing one');
  t.mock.timers.tick(5);
  assert.equal(sent.length, 3, 'a quiet window sends nothing');
  coalescer.signal('wake.targeting');
  assert.equal(sent.length, 4, 'after a quiet window the next goes at once');
  coalescer.signal('wake.targeting');
  coalescer.close();
  t.mock.timers.tick(5);
  assert.equal(sent.length, 4, 'closed: what waited is dropped');
});
