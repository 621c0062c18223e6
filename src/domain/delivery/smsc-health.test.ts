import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  SMSC_HEALTH_DEFAULTS as RULES,
  assessSmsc,
  smscTraffic,
  type SmscFacts,
  type SmscHealthState,
} from './smsc-health.js';
import { SmscObservations } from './smsc-observations.js';
import { smscRoute } from './smsc-routing.js';

const T0 = 1_000_000;
const HEALTHY: SmscFacts = {
  bound: true,
  unboundSince: null,
  bindFailure: null,
  errorAnswers: 0,
  lastError: null,
  receiptsDue: 0,
  receiptsMissing: 0,
  receiptsAwaited: 0,
  accepted: 0,
};
const UP: SmscHealthState = { kind: 'up', since: T0 };
const facts = (f: Partial<SmscFacts>): SmscFacts => ({ ...HEALTHY, ...f });

test('a profile whose bind attempt failed while none of its binds is up goes down at once', () => {
  const refused = facts({ bound: false, unboundSince: T0, bindFailure: 'ESME_RBINDFAIL' });
  assert.deepEqual(assessSmsc(UP, refused, T0 + 1, RULES), {
    kind: 'down',
    since: T0 + 1,
    reason: { kind: 'bind-failed', detail: 'ESME_RBINDFAIL' },
    probeAfterMs: RULES.probeAfterMs,
  });
});

test('a connection that drops and binds again within the grace keeps the profile up', () => {
  const reconnecting = facts({ bound: false, unboundSince: T0 });
  assert.equal(assessSmsc(UP, reconnecting, T0 + RULES.unboundGraceMs - 1, RULES).kind, 'up');
  const stillUnbound = assessSmsc(UP, reconnecting, T0 + RULES.unboundGraceMs, RULES);
  assert.equal(stillUnbound.kind === 'down' && stillUnbound.reason.kind, 'unbound');
});

test('error answers take it down only when they come in a row, as many as the rule says', () => {
  const errors = (n: number) => facts({ errorAnswers: n, lastError: 'ESME_RSYSERR' });
  assert.equal(assessSmsc(UP, errors(RULES.maxErrorAnswers - 1), T0, RULES).kind, 'up');
  const down = assessSmsc(UP, errors(RULES.maxErrorAnswers), T0, RULES);
  assert.deepEqual(down.kind === 'down' && down.reason, {
    kind: 'error-answers',
    count: RULES.maxErrorAnswers,
    detail: 'ESME_RSYSERR',
  });
});

test('receipts: 15% of the parts due without a receipt takes it down, but not over fewer parts than the sample', () => {
  const receipts = (due: number, missing: number) => facts({ receiptsDue: due, receiptsMissing: missing });
  assert.equal(assessSmsc(UP, receipts(100, 14), T0, RULES).kind, 'up');
  assert.equal(assessSmsc(UP, receipts(100, 15), T0, RULES).kind, 'down');
  assert.equal(assessSmsc(UP, receipts(RULES.minSample - 1, RULES.minSample - 1), T0, RULES).kind, 'up');
});

test('down, it is checked again only after the probe period and only once a bind is up', () => {
  const down = assessSmsc(UP, facts({ bound: false, unboundSince: T0, bindFailure: 'refused' }), T0, RULES);
  const unbound = facts({ bound: false, unboundSince: T0 });
  assert.equal(assessSmsc(down, HEALTHY, T0 + RULES.probeAfterMs - 1, RULES).kind, 'down');
  assert.equal(assessSmsc(down, unbound, T0 + RULES.probeAfterMs, RULES).kind, 'down');
  assert.deepEqual(assessSmsc(down, HEALTHY, T0 + RULES.probeAfterMs, RULES), {
    kind: 'half-open',
    since: T0 + RULES.probeAfterMs,
    probeAfterMs: RULES.probeAfterMs,
  });
});

test('half-open: trial messages, then up only when all were accepted with their receipts and the minimum time passed', () => {
  const halfOpen: SmscHealthState = { kind: 'half-open', since: T0, probeAfterMs: RULES.probeAfterMs };
  const trials = facts({ accepted: RULES.trialMessages, receiptsDue: RULES.trialMessages });
  assert.equal(smscTraffic(halfOpen, HEALTHY, 0, RULES), 'trial');
  assert.equal(smscTraffic(halfOpen, HEALTHY, RULES.trialMessages, RULES), 'none', 'no more trials than the rule');
  assert.equal(smscTraffic(halfOpen, trials, 0, RULES), 'none', 'enough trials: it waits');
  assert.equal(assessSmsc(halfOpen, trials, T0 + RULES.minHealthyMs - 1, RULES).kind, 'half-open');
  const awaited = facts({ accepted: RULES.trialMessages, receiptsAwaited: 1 });
  assert.equal(assessSmsc(halfOpen, awaited, T0 + RULES.minHealthyMs, RULES).kind, 'half-open');
  assert.deepEqual(assessSmsc(halfOpen, trials, T0 + RULES.minHealthyMs, RULES), {
    kind: 'up',
    since: T0 + RULES.minHealthyMs,
  });
});

test('half-open: one error answer or one trial without its receipt fails the check, and the next one waits twice as long', () => {
  const halfOpen: SmscHealthState = { kind: 'half-open', since: T0, probeAfterMs: RULES.probeAfterMs };
  for (const fault of [facts({ errorAnswers: 1 }), facts({ receiptsDue: 1, receiptsMissing: 1 })]) {
    const down = assessSmsc(halfOpen, fault, T0 + 1, RULES);
    assert.equal(down.kind, 'down');
    assert.equal(down.kind === 'down' && down.probeAfterMs, RULES.probeAfterMs * 2);
  }
  const longest: SmscHealthState = { ...halfOpen, probeAfterMs: RULES.maxProbeAfterMs };
  const down = assessSmsc(longest, facts({ errorAnswers: 1 }), T0, RULES);
  assert.equal(down.kind === 'down' && down.probeAfterMs, RULES.maxProbeAfterMs);
});

const anyFacts: fc.Arbitrary<SmscFacts> = fc.record({
  bound: fc.boolean(),
  unboundSince: fc.option(fc.integer({ min: 0, max: T0 }), { nil: null }),
  bindFailure: fc.option(fc.constant('refused'), { nil: null }),
  errorAnswers: fc.integer({ min: 0, max: 10 }),
  lastError: fc.constant(null),
  receiptsDue: fc.integer({ min: 0, max: 200 }),
  receiptsMissing: fc.integer({ min: 0, max: 200 }),
  receiptsAwaited: fc.integer({ min: 0, max: 20 }),
  accepted: fc.integer({ min: 0, max: 20 }),
});

test('property: no flapping: a profile that went down is up again no sooner than a probe period plus the minimum healthy time', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(anyFacts, fc.integer({ min: 0, max: 40_000 })), { maxLength: 60 }), (steps) => {
      let state: SmscHealthState = UP;
      let now = T0;
      let downSince: number | null = null;
      for (const [f, step] of steps) {
        now += step;
        const next = assessSmsc(state, f, now, RULES);
        if (next.kind === 'down' && state.kind !== 'down') downSince = now;
        if (next.kind === 'up' && state.kind !== 'up') {
          assert.ok(downSince !== null && now - downSince >= RULES.probeAfterMs + RULES.minHealthyMs);
        }
        // Only a half-open profile comes up, and only a down one becomes half-open.
        if (next.kind !== state.kind) {
          assert.ok(
            (state.kind === 'down' && next.kind === 'half-open') ||
              (state.kind === 'half-open' && next.kind !== 'half-open') ||
              (state.kind === 'up' && next.kind === 'down'),
            `${state.kind} → ${next.kind}`,
          );
        }
        state = next;
      }
    }),
  );
});

test('property: a profile in good health stays up, whatever the time', () => {
  fc.assert(
    fc.property(
      fc.record({
        receiptsDue: fc.integer({ min: 0, max: 200 }),
        errorAnswers: fc.integer({ min: 0, max: RULES.maxErrorAnswers - 1 }),
      }),
      fc.integer({ min: 0, max: 10_000_000 }),
      ({ receiptsDue, errorAnswers }, after) => {
        const missing = Math.ceil(receiptsDue * RULES.maxMissingShare) - 1;
        const f = facts({ receiptsDue, receiptsMissing: Math.max(0, missing), errorAnswers });
        assert.equal(assessSmsc(UP, f, T0 + after, RULES).kind, 'up');
      },
    ),
  );
});

test('property: a half-open profile never has more trial messages out than the rule allows', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), (accepted, out) => {
      const halfOpen: SmscHealthState = { kind: 'half-open', since: T0, probeAfterMs: RULES.probeAfterMs };
      if (smscTraffic(halfOpen, facts({ accepted }), out, RULES) === 'trial') {
        assert.ok(accepted + out + 1 <= RULES.trialMessages);
      }
    }),
  );
});

test('routing: by priority among the profiles that take traffic; a half-open one of higher priority gets its trials first', () => {
  const route = smscRoute([
    { name: 'reserve', priority: 3, traffic: 'all' },
    { name: 'oud', priority: null, traffic: 'all' },
    { name: 'vodafone', priority: 2, traffic: 'all' },
    { name: 'kpn', priority: 1, traffic: 'trial' },
  ]);
  assert.deepEqual(route, ['kpn', 'vodafone', 'reserve']);
  assert.deepEqual(
    smscRoute([
      { name: 'kpn', priority: 1, traffic: 'none' },
      { name: 'vodafone', priority: 2, traffic: 'all' },
    ]),
    ['vodafone'],
  );
});

test('routing: with none taking traffic, the profile of highest priority still gets it; receipt-only profiles never do', () => {
  assert.deepEqual(
    smscRoute([
      { name: 'b', priority: 2, traffic: 'none' },
      { name: 'a', priority: 1, traffic: 'none' },
      { name: 'oud', priority: null, traffic: 'all' },
    ]),
    ['a'],
  );
  assert.deepEqual(smscRoute([{ name: 'oud', priority: null, traffic: 'all' }]), []);
});

test('property: routing tries each profile once, lowest priority number first, never a receipts-only one', () => {
  const profile = fc.record({
    priority: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
    traffic: fc.constantFrom('all' as const, 'trial' as const, 'none' as const),
  });
  fc.assert(
    fc.property(fc.array(profile, { maxLength: 6 }), (specs) => {
      const profiles = specs.map((s, i) => ({ ...s, name: `p${i}` }));
      const route = smscRoute(profiles);
      const byName = new Map(profiles.map((p) => [p.name, p]));
      assert.equal(new Set(route).size, route.length);
      const priorities = route.map((n) => byName.get(n)!.priority);
      assert.ok(priorities.every((p) => p !== null));
      assert.deepEqual(
        priorities,
        [...priorities].sort((a, b) => (a ?? 0) - (b ?? 0)),
      );
      assert.equal(
        route.length === 0,
        profiles.every((p) => p.priority === null),
      );
    }),
  );
});

test('observations: a part without its receipt after the timeout counts as missing; parts sent before a restart no longer count', () => {
  const seen = new SmscObservations(RULES, T0);
  seen.linkChanged(true, T0);
  for (let i = 0; i < 10; i += 1) seen.partSubmitted(`id${i}`, T0 + i);
  for (let i = 0; i < 8; i += 1) seen.receipt(`id${i}`, T0 + 20);
  assert.deepEqual(
    [seen.facts(T0 + 100).receiptsDue, seen.facts(T0 + 100).receiptsMissing, seen.facts(T0 + 100).receiptsAwaited],
    [8, 0, 2],
  );
  const later = seen.facts(T0 + 9 + RULES.receiptTimeoutMs);
  assert.deepEqual([later.receiptsDue, later.receiptsMissing, later.receiptsAwaited], [10, 2, 0]);
  seen.receipt('id9', T0 + RULES.receiptTimeoutMs * 2);
  assert.equal(
    seen.facts(T0 + RULES.receiptTimeoutMs * 2).receiptsDue,
    10,
    'a receipt after the timeout changes nothing',
  );
  seen.partSubmitted('next', T0 + RULES.receiptTimeoutMs * 2);
  seen.restart();
  seen.receipt('next', T0 + RULES.receiptTimeoutMs * 2);
  assert.deepEqual([seen.facts(T0).receiptsDue, seen.facts(T0).receiptsAwaited], [0, 0]);
});

test('observations: a receipt that overtook the answer to its submit still counts for its part', () => {
  const seen = new SmscObservations(RULES, T0);
  seen.receipt('snel', T0);
  seen.partSubmitted('snel', T0 + 1);
  const f = seen.facts(T0 + RULES.receiptTimeoutMs * 2);
  assert.deepEqual([f.receiptsDue, f.receiptsMissing, f.receiptsAwaited], [1, 0, 0]);
});

test('observations: a bind failure counts only while no bind is up, and is forgotten once one is', () => {
  const seen = new SmscObservations(RULES, T0);
  assert.deepEqual([seen.facts(T0).bound, seen.facts(T0).unboundSince], [false, T0]);
  seen.bindFailed('refused');
  assert.equal(seen.facts(T0).bindFailure, 'refused');
  seen.linkChanged(true, T0 + 1);
  assert.deepEqual([seen.facts(T0 + 1).bindFailure, seen.facts(T0 + 1).unboundSince], [null, null]);
  seen.bindFailed('one of two binds refused');
  assert.equal(seen.facts(T0 + 1).bindFailure, null);
  seen.errorAnswer('ESME_RSYSERR');
  seen.errorAnswer('ESME_RSYSERR');
  assert.equal(seen.facts(T0).errorAnswers, 2);
  seen.answered();
  assert.equal(seen.facts(T0).errorAnswers, 0);
});
