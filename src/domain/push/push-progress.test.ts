import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { PUSH_FANOUT_STATUSES, PUSH_TRIGGERS, summarisePushProgress, type PushFanoutSummary } from './push-progress.js';

const count = fc.nat({ max: 100_000 });
const fanout: fc.Arbitrary<PushFanoutSummary> = fc.record({
  trigger: fc.constantFrom(...PUSH_TRIGGERS),
  status: fc.constantFrom(...PUSH_FANOUT_STATUSES),
  targeted: count,
  accepted: count,
  gone: count,
  failed: count,
  startedAt: fc.constant(null),
  finishedAt: fc.constant(null),
});

test('the app numbers of an action add up per kind to the totals', () => {
  fc.assert(
    fc.property(fc.array(fanout, { maxLength: 20 }), (fanouts) => {
      const p = summarisePushProgress(fanouts);
      for (const field of ['targeted', 'accepted', 'gone', 'failed'] as const) {
        assert.equal(p.byKind.alert[field] + p.byKind.update[field] + p.byKind.closing[field], p.totals[field]);
        assert.equal(
          fanouts.reduce((n, f) => n + f[field], 0),
          p.totals[field],
        );
      }
      assert.equal(p.fanouts, fanouts);
    }),
  );
});

test('starts, widenings and arrivals are alerts', () => {
  const one = (trigger: PushFanoutSummary['trigger']): PushFanoutSummary => ({
    trigger,
    status: 'finished',
    targeted: 1,
    accepted: 1,
    gone: 0,
    failed: 0,
    startedAt: null,
    finishedAt: null,
  });
  const p = summarisePushProgress([one('start'), one('widening'), one('arrival'), one('update'), one('closing')]);
  assert.deepEqual([p.byKind.alert.accepted, p.byKind.update.accepted, p.byKind.closing.accepted], [3, 1, 1]);
});
