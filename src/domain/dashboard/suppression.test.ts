import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { shownCount, shownTotal, SUPPRESSED } from './suppression.js';

test('a count of 1 to 9 people is "< 10"; zero and 10 or more are shown', () => {
  assert.deepEqual([0, 1, 9, 10, 250].map(shownCount), [0, SUPPRESSED, SUPPRESSED, 10, 250]);
});

test('a total is hidden when it would give away the suppressed cells beside it', () => {
  // One suppressed day: 40 - 25 - 12 would be the 3 who joined that day.
  assert.equal(shownTotal([25, 3, 12]), null);
  // Two suppressed days that hide 12 people together: the total tells no one about fewer than 10.
  assert.equal(shownTotal([25, 5, 7, 12]), 49);
  assert.equal(shownTotal([25, 0, 12]), 37);
  assert.equal(shownTotal([4, 3]), SUPPRESSED);
  assert.equal(shownTotal([]), 0);
});

test('from the shown cells and the total no suppressed group of fewer than 10 can be worked out', () => {
  fc.assert(
    fc.property(fc.array(fc.nat({ max: 40 }), { maxLength: 12 }), (cells) => {
      const total = shownTotal(cells);
      if (typeof total !== 'number') return;
      const shown = cells.map(shownCount).reduce<number>((n, c) => n + (typeof c === 'number' ? c : 0), 0);
      const worked = total - shown;
      assert.ok(worked === 0 || worked >= 10, `the hidden cells add up to ${worked}`);
    }),
  );
});
