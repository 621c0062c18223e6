import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { judgeCode, type CodeState } from './verification.js';

const NOW = new Date('2026-11-23T10:00:00Z');
const open = (attempts = 0): CodeState => ({ attempts, status: 'open', expiresAt: new Date(NOW.getTime() + 60_000) });

test('the right code in time is accepted once; wrong ones count down to a lock', () => {
  assert.deepEqual(judgeCode(open(), true, NOW, 5), { check: { kind: 'accepted' }, attempts: 1, status: 'used' });
  assert.deepEqual(judgeCode(open(), false, NOW, 5), {
    check: { kind: 'wrong', attemptsLeft: 4 },
    attempts: 1,
    status: 'open',
  });
  assert.deepEqual(judgeCode(open(4), false, NOW, 5), { check: { kind: 'locked' }, attempts: 5, status: 'locked' });
});

test('a used, locked or expired code never passes, whatever is typed (property)', () => {
  fc.assert(
    fc.property(
      fc.constantFrom('used', 'locked', 'open'),
      fc.integer({ min: -120, max: 120 }),
      fc.boolean(),
      fc.integer({ min: 0, max: 10 }),
      (status, secondsLeft, matches, attempts) => {
        const state: CodeState = { attempts, status: status, expiresAt: new Date(NOW.getTime() + secondsLeft * 1000) };
        const judged = judgeCode(state, matches, NOW, 5);
        if (judged.check.kind === 'accepted') {
          assert.equal(state.status, 'open');
          assert.ok(secondsLeft > 0 && matches);
        }
        if (state.status !== 'open' || secondsLeft <= 0)
          assert.deepEqual(judged, { check: { kind: 'expired' }, attempts, status: state.status });
      },
    ),
  );
});
