import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { matchReceipt, type ReceiptCandidate, type ReceiptRules } from './receipt-matching.js';
import { SMS_PART_STATUSES } from './sms-parts.js';

const SECOND = 1_000;
const HOUR = 3_600 * SECOND;
const RULES: ReceiptRules = { windowMs: 72 * HOUR, holdMs: 60 * SECOND };
const RECEIVED = new Date('2026-03-02T12:00:00Z');
const before = (ms: number) => new Date(RECEIVED.getTime() - ms);
const after = (ms: number) => new Date(RECEIVED.getTime() + ms);
const part = (partId: number, submittedBefore: number, status: ReceiptCandidate['status'] = 'submitted') => ({
  partId,
  status,
  submittedAt: before(submittedBefore),
});

test('a receipt for the one part waiting for it is credited at once', () => {
  assert.deepEqual(matchReceipt(RECEIVED, [part(1, 2 * SECOND)], RECEIVED, RULES), { kind: 'credit', partId: 1 });
});

test('a part that already has its receipt does not take the next one with the same id: that is the newer part', () => {
  const candidates = [part(1, 2 * HOUR, 'delivered'), part(2, 3 * SECOND)];
  assert.deepEqual(matchReceipt(RECEIVED, candidates, RECEIVED, RULES), { kind: 'credit', partId: 2 });
});

test('two parts waiting under the same id: set aside with both, never credited to either', () => {
  const candidates = [part(1, 2 * HOUR), part(2, 3 * SECOND)];
  assert.deepEqual(matchReceipt(RECEIVED, candidates, RECEIVED, RULES), {
    kind: 'set-aside',
    reason: 'ambiguous',
    partIds: [1, 2],
  });
});

test('a part submitted after the receipt, or before the window, is not its part', () => {
  const late = { partId: 1, status: 'submitted' as const, submittedAt: after(1) };
  const old = part(2, RULES.windowMs + 1);
  assert.deepEqual(matchReceipt(RECEIVED, [late, old], RECEIVED, RULES), { kind: 'wait' });
  assert.deepEqual(matchReceipt(RECEIVED, [late, old], after(RULES.holdMs), RULES), {
    kind: 'set-aside',
    reason: 'no-part',
    partIds: [],
  });
});

test('a receipt that overtook its part waits for it, and is set aside when none came within the hold', () => {
  assert.deepEqual(matchReceipt(RECEIVED, [], after(RULES.holdMs - 1), RULES), { kind: 'wait' });
  assert.deepEqual(matchReceipt(RECEIVED, [], after(RULES.holdMs), RULES), {
    kind: 'set-aside',
    reason: 'no-part',
    partIds: [],
  });
});

test('a late receipt for a part sent long ago waits out the hold (a newer twin may be on its way), then is credited', () => {
  const old = part(1, 3 * HOUR);
  assert.deepEqual(matchReceipt(RECEIVED, [old], after(SECOND), RULES), { kind: 'wait' });
  assert.deepEqual(matchReceipt(RECEIVED, [old], after(RULES.holdMs), RULES), { kind: 'credit', partId: 1 });
});

test('a receipt sent again for a part that already has one is a repeat once the hold is over', () => {
  const done = part(1, 5 * SECOND, 'delivered');
  assert.deepEqual(matchReceipt(RECEIVED, [done], RECEIVED, RULES), { kind: 'wait' });
  assert.deepEqual(matchReceipt(RECEIVED, [done], after(RULES.holdMs), RULES), { kind: 'repeat' });
});

const candidate = fc.record({
  partId: fc.integer({ min: 1, max: 1_000_000 }),
  status: fc.constantFrom(...SMS_PART_STATUSES),
  // From a little after the receipt to well past the window before it.
  submittedAt: fc.integer({ min: -10 * SECOND, max: RULES.windowMs + HOUR }).map((ms) => before(ms)),
});
const candidates = fc.uniqueArray(candidate, { maxLength: 5, selector: (c) => c.partId });
const askedAt = fc.integer({ min: 0, max: 2 * RULES.holdMs }).map((ms) => after(ms));

const mayTake = (c: ReceiptCandidate) =>
  c.status === 'submitted' &&
  c.submittedAt.getTime() <= RECEIVED.getTime() &&
  RECEIVED.getTime() - c.submittedAt.getTime() <= RULES.windowMs;

test('property: credited only to the one part that may take it, and only when no other part may', () => {
  fc.assert(
    fc.property(candidates, askedAt, (cs, now) => {
      const match = matchReceipt(RECEIVED, cs, now, RULES);
      if (match.kind !== 'credit') return;
      const eligible = cs.filter(mayTake);
      assert.deepEqual(
        eligible.map((c) => c.partId),
        [match.partId],
      );
    }),
  );
});

test('property: once the hold is over a receipt is decided, never left waiting', () => {
  fc.assert(
    fc.property(candidates, (cs) => {
      assert.notEqual(matchReceipt(RECEIVED, cs, after(RULES.holdMs), RULES).kind, 'wait');
    }),
  );
});

test('property: more than one part that may take it sets it aside with exactly those parts', () => {
  fc.assert(
    fc.property(candidates, askedAt, (cs, now) => {
      const eligible = cs.filter(mayTake);
      const match = matchReceipt(RECEIVED, cs, now, RULES);
      if (eligible.length > 1) {
        assert.deepEqual(match, { kind: 'set-aside', reason: 'ambiguous', partIds: eligible.map((c) => c.partId) });
      }
    }),
  );
});
