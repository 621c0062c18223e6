import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  closeAction,
  createAction,
  moveActionArea,
  noteUpdateSent,
  reviseConcept,
  startAction,
  widenAction,
  withdrawAction,
  type Action,
  type ActionDraft,
  type ActionStatus,
} from './action.js';
import { ACTION_TYPES } from './action-type.js';

const AT = new Date('2026-11-23T09:00:00Z');
const draft: ActionDraft = {
  type: 'vermissing',
  missingChild: true,
  message: 'Vermist: Sanne (8), roze jas.',
  description: null,
  instructions: null,
  area: { kind: 'circle', centre: { lat: 52.37, lon: 4.89 }, radiusMetres: 2000 },
};

function concept(overrides: Partial<ActionDraft> = {}): Action {
  const created = createAction(
    { ...draft, ...overrides },
    { id: 'a1', number: 'BN-2026-000001' },
    'RE05',
    'staff-1',
    AT,
  );
  assert.ok(created.ok);
  return created.value;
}

const value = <T>(outcome: { ok: true; value: T } | { ok: false }): T => {
  assert.ok(outcome.ok, JSON.stringify(outcome));
  return outcome.value;
};

describe('an action', () => {
  test('starts as a concept with the priority of its type', () => {
    const a = concept();
    assert.equal(a.status, 'concept');
    assert.equal(a.priority, 2);
    assert.equal(concept({ missingChild: false }).priority, 1);
    assert.equal(concept({ type: 'inbraak', missingChild: false }).priority, 0);
    assert.equal(
      concept({ type: 'noodsituatie', missingChild: false, instructions: 'Sluit ramen en deuren.' }).priority,
      2,
    );
  });

  test('refuses a noodsituatie without instructions and a missing child that is no vermissing', () => {
    const noInstructions = createAction(
      { ...draft, type: 'noodsituatie', missingChild: false },
      { id: 'a', number: 'n' },
      'RE05',
      's',
      AT,
    );
    assert.deepEqual(noInstructions, { ok: false, error: { code: 'action.instructions-required' } });
    const child = createAction({ ...draft, type: 'diefstal' }, { id: 'a', number: 'n' }, 'RE05', 's', AT);
    assert.deepEqual(child, { ok: false, error: { code: 'action.missing-child-needs-vermissing' } });
  });

  test('refuses an area outside the service region or with a silly radius', () => {
    const far = createAction(
      { ...draft, area: { kind: 'circle', centre: { lat: 48.85, lon: 2.35 }, radiusMetres: 2000 } },
      { id: 'a', number: 'n' },
      'RE05',
      's',
      AT,
    );
    assert.deepEqual(far, { ok: false, error: { code: 'action.invalid-area', problem: 'outside-service-region' } });
    const tiny = createAction(
      { ...draft, area: { kind: 'circle', centre: { lat: 52.37, lon: 4.89 }, radiusMetres: 10 } },
      { id: 'a', number: 'n' },
      'RE05',
      's',
      AT,
    );
    assert.deepEqual(tiny, { ok: false, error: { code: 'action.invalid-area', problem: 'radius-out-of-range' } });
  });

  test('goes concept → actief → afgesloten, recording who and when', () => {
    const started = value(startAction(concept(), 'staff-2', AT));
    assert.equal(started.status, 'actief');
    assert.equal(started.startedBy, 'staff-2');
    const closed = value(closeAction(started, 'gevonden', 'Sanne is gevonden.', 'staff-3', AT));
    assert.equal(closed.status, 'afgesloten');
    assert.equal(closed.result, 'gevonden');
    assert.equal(closed.endedBy, 'staff-3');
    assert.equal(closed.version, 3);
  });

  test('can be withdrawn as a concept or while active, and never after it ended', () => {
    assert.equal(value(withdrawAction(concept(), null, 's', AT)).status, 'ingetrokken');
    const active = value(startAction(concept(), 's', AT));
    assert.equal(value(withdrawAction(active, 'Vergissing', 's', AT)).status, 'ingetrokken');
    const closed = value(closeAction(active, 'gevonden', 'x', 's', AT));
    assert.deepEqual(withdrawAction(closed, null, 's', AT), {
      ok: false,
      error: { code: 'action.wrong-status', actionStatus: 'afgesloten', allowed: ['concept', 'actief'] },
    });
  });

  test('only a concept is revised; only an active action is widened or updated', () => {
    const active = value(startAction(concept(), 's', AT));
    assert.equal(reviseConcept(active, draft, AT).ok, false);
    assert.equal(widenAction(concept(), draft.area, AT).ok, false);
    assert.equal(noteUpdateSent(concept(), 'Update.', AT).ok, false);
    assert.equal(
      value(widenAction(active, { kind: 'circle', centre: { lat: 52.37, lon: 4.89 }, radiusMetres: 5000 }, AT)).area
        .kind,
      'circle',
    );
  });
});

type Step = 'start' | 'widen' | 'update' | 'close' | 'withdraw' | 'revise';
const steps = fc.array(fc.constantFrom<Step>('start', 'widen', 'update', 'close', 'withdraw', 'revise'), {
  maxLength: 12,
});
const ALLOWED: Record<Step, readonly ActionStatus[]> = {
  start: ['concept'],
  widen: ['actief'],
  update: ['actief'],
  close: ['actief'],
  withdraw: ['concept', 'actief'],
  revise: ['concept'],
};

describe('an action, for any sequence of steps', () => {
  test('a step succeeds exactly when the status allows it, the status never goes back, and the version counts the changes', () => {
    const rank: Record<ActionStatus, number> = { concept: 0, actief: 1, afgesloten: 2, ingetrokken: 2 };
    fc.assert(
      fc.property(steps, fc.constantFrom(...ACTION_TYPES.filter((t) => t !== 'noodsituatie')), (sequence, type) => {
        let a = concept({ type, missingChild: type === 'vermissing' });
        let changes = 0;
        for (const step of sequence) {
          const before = a;
          const outcome =
            step === 'start'
              ? startAction(a, 's', AT)
              : step === 'widen'
                ? widenAction(a, draft.area, AT)
                : step === 'update'
                  ? noteUpdateSent(a, 'Update.', AT)
                  : step === 'close'
                    ? closeAction(a, 'geen-resultaat', 'x', 's', AT)
                    : step === 'withdraw'
                      ? withdrawAction(a, null, 's', AT)
                      : reviseConcept(a, { ...draft, type, missingChild: type === 'vermissing' }, AT);
          assert.equal(outcome.ok, ALLOWED[step].includes(before.status));
          if (outcome.ok) {
            a = outcome.value;
            changes += 1;
          }
          assert.ok(rank[a.status] >= rank[before.status]);
        }
        assert.equal(a.version, 1 + changes);
      }),
    );
  });
});

describe('guards against sending the wrong thing', () => {
  test('an action whose texts still hold a template field cannot start; filled in, it can', () => {
    const withField = concept({ message: 'Vermist: [naam] ([leeftijd]), roze jas.', description: 'Draagt [kleding].' });
    assert.deepEqual(startAction(withField, 's', AT), {
      ok: false,
      error: { code: 'action.unfilled-template-field', fields: ['[naam]', '[leeftijd]', '[kleding]'] },
    });
    assert.equal(startAction(concept(), 's', AT).ok, true);
  });

  test('an update or closing text with a template field is refused', () => {
    const active = value(startAction(concept(), 's', AT));
    assert.equal(noteUpdateSent(active, 'Gezien bij [plaats].', AT).ok, false);
    assert.equal(closeAction(active, 'gevonden', '[naam] is gevonden.', 's', AT).ok, false);
  });

  test('widening holds the current area; an area elsewhere is refused', () => {
    const active = value(startAction(concept(), 's', AT));
    const elsewhere = { kind: 'circle', centre: { lat: 52.37, lon: 4.96 }, radiusMetres: 300 } as const;
    assert.deepEqual(widenAction(active, elsewhere, AT), {
      ok: false,
      error: { code: 'action.widening-must-contain' },
    });
    assert.equal(
      widenAction(active, { kind: 'circle', centre: { lat: 52.37, lon: 4.89 }, radiusMetres: 3000 }, AT).ok,
      true,
    );
  });

  test('moving the area is its own step: an active action moves anywhere valid, nothing else moves', () => {
    const active = value(startAction(concept(), 's', AT));
    const elsewhere = { kind: 'circle', centre: { lat: 52.37, lon: 4.96 }, radiusMetres: 300 } as const;
    assert.deepEqual(value(moveActionArea(active, elsewhere, AT)).area, elsewhere);
    assert.equal(value(moveActionArea(active, elsewhere, AT)).version, active.version + 1);
    assert.equal(moveActionArea(concept(), elsewhere, AT).ok, false);
    const tooSmall = { kind: 'circle', centre: { lat: 52.37, lon: 4.96 }, radiusMetres: 1 } as const;
    assert.equal(moveActionArea(active, tooSmall, AT).ok, false);
  });

  test('a missing person is found or not, never arrested: a result that does not fit the type is refused', () => {
    const active = value(startAction(concept(), 's', AT));
    const refused = closeAction(active, 'aangehouden', 'Aangehouden.', 's', AT);
    assert.equal(refused.ok, false);
    assert.equal(!refused.ok && refused.error.code, 'action.result-not-for-type');
    assert.equal(closeAction(active, 'gevonden', 'Sanne is gevonden.', 's', AT).ok, true);
  });
});
