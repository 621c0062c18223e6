import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { chooseAction, decideRoute, type ActionCandidate } from './call-routing.js';

const at = (minute: number) => new Date(Date.UTC(2025, 4, 1, 12, minute));
const candidate = (actionId: string, meldkamerCode: string, minute: number): ActionCandidate => ({
  actionId,
  meldkamerCode,
  target: `sip:${meldkamerCode}@p`,
  lastSentAt: at(minute),
});

test('one active action routes to its meldkamer; several of one meldkamer still count as one', () => {
  assert.deepEqual(decideRoute([candidate('a', 'RE01', 1)], null, 'sip:nl@p'), {
    actionId: 'a',
    meldkamerCode: 'RE01',
    target: 'sip:RE01@p',
    reason: 'active-action',
    candidates: 1,
  });
  const same = decideRoute([candidate('a', 'RE01', 1), candidate('b', 'RE01', 5)], null, 'sip:nl@p');
  assert.equal(same.reason, 'active-action');
  assert.equal(same.actionId, 'b');
});

test('actions of two meldkamers: the one that messaged the caller last', () => {
  const decision = decideRoute(
    [candidate('a', 'RE01', 9), candidate('b', 'RE05', 3)],
    { meldkamerCode: 'RE07', target: 'sip:RE07@p' },
    'sip:nl@p',
  );
  assert.deepEqual(
    [decision.actionId, decision.meldkamerCode, decision.reason, decision.candidates],
    ['a', 'RE01', 'most-recent-action', 2],
  );
});

test('no action: the registered address, else the national default', () => {
  assert.deepEqual(decideRoute([], { meldkamerCode: 'RE07', target: 'sip:RE07@p' }, 'sip:nl@p'), {
    actionId: null,
    meldkamerCode: 'RE07',
    target: 'sip:RE07@p',
    reason: 'registered-address',
    candidates: 0,
  });
  assert.deepEqual(decideRoute([], null, 'sip:nl@p'), {
    actionId: null,
    meldkamerCode: null,
    target: 'sip:nl@p',
    reason: 'national-default',
    candidates: 0,
  });
});

const candidates = fc.array(
  fc.record({
    actionId: fc.uuid(),
    meldkamerCode: fc.constantFrom('RE01', 'RE02', 'RE03'),
    target: fc.constant('sip:x@p'),
    lastSentAt: fc.integer({ min: 0, max: 50 }).map(at),
  }),
  { minLength: 1, maxLength: 8 },
);

test('property: the chosen action is one of the latest, and the choice does not depend on the order', () => {
  fc.assert(
    fc.property(candidates, fc.nat(), (list, shift) => {
      const chosen = chooseAction(list);
      assert.ok(chosen !== null);
      assert.ok(list.every((c) => c.lastSentAt.getTime() <= chosen.lastSentAt.getTime()));
      const rotated = [...list.slice(shift % list.length), ...list.slice(0, shift % list.length)].reverse();
      assert.equal(chooseAction(rotated)?.actionId, chosen.actionId);
    }),
  );
});
