import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { closeAction, createAction, startAction, withdrawAction, type Action, type ActionDraft } from './action.js';
import { ACTION_RESULTS, resultFitsType } from './action-result.js';
import { ACTION_TYPES, type ActionType } from './action-type.js';
import { DEFAULT_PUBLICATION, type Publication } from './publication.js';
import { publicViewOf } from './public-view.js';
import { mediaExpiresAt } from '../photo/media-retention.js';

const AT = new Date('2026-11-23T09:00:00Z');
const LATER = new Date('2026-11-23T11:00:00Z');

function draftOf(type: ActionType, publication?: Publication): ActionDraft {
  return {
    type,
    missingChild: false,
    message: 'Gezocht: man van 40, rode jas.',
    description: 'Lang, grijze baard.',
    instructions: type === 'noodsituatie' ? 'Sluit ramen en deuren.' : null,
    area: { kind: 'circle', centre: { lat: 52.37, lon: 4.89 }, radiusMetres: 2000 },
    ...(publication ? { publication } : {}),
  };
}

function value<T>(outcome: { ok: true; value: T } | { ok: false }): T {
  assert.ok(outcome.ok);
  return outcome.value;
}

const concept = (type: ActionType, publication?: Publication): Action =>
  value(createAction(draftOf(type, publication), { id: 'a1', number: 'BN-1' }, 'RE05', 's', AT));
const active = (type: ActionType, publication?: Publication) => value(startAction(concept(type, publication), 's', AT));

describe('what the public sees of an action', () => {
  test('an action is public by default, with the alert message as its text; a concept is never shown', () => {
    assert.deepEqual(concept('diefstal').publication, DEFAULT_PUBLICATION);
    assert.equal(publicViewOf(concept('diefstal')), null);
    const view = publicViewOf(active('diefstal'));
    assert.equal(view?.text, 'Gezocht: man van 40, rode jas.');
    assert.equal(view?.description, 'Lang, grijze baard.');
    assert.equal(view?.call, 'meldkamer');
    assert.equal(view?.acceptsTips, true);
  });

  test('the meldkamer can withhold an action, give it its own public text, or have people call 112', () => {
    assert.equal(publicViewOf(active('overval', { ...DEFAULT_PUBLICATION, public: false })), null);
    const view = publicViewOf(
      active('overval', {
        ...DEFAULT_PUBLICATION,
        publicText: 'Overval op juwelier; let op een grijze scooter.',
        call112: true,
      }),
    );
    assert.equal(view?.text, 'Overval op juwelier; let op een grijze scooter.');
    assert.equal(view?.call, '112');
  });

  test('a closed vermissing loses the description, the text and the photo; another closed action keeps them', () => {
    const found = value(closeAction(active('vermissing'), 'gevonden', 'Sanne is gevonden.', 's', LATER));
    const view = publicViewOf(found);
    assert.deepEqual(
      [view?.text, view?.description, view?.showPhoto, view?.call, view?.acceptsTips],
      [null, null, false, null, false],
    );
    assert.deepEqual([view?.result, view?.closingText], ['gevonden', 'Sanne is gevonden.']);
    const caught = publicViewOf(value(closeAction(active('diefstal'), 'aangehouden', 'Aangehouden.', 's', LATER)));
    assert.deepEqual([caught?.text, caught?.showPhoto, caught?.call], ['Gezocht: man van 40, rode jas.', true, null]);
  });

  test('a withdrawn action shows only that it was withdrawn', () => {
    const view = publicViewOf(value(withdrawAction(active('inbraak'), 'Vergissing.', 's', LATER)));
    assert.deepEqual(
      [view?.status, view?.text, view?.description, view?.area, view?.showPhoto, view?.closingText],
      ['ingetrokken', null, null, null, false, 'Vergissing.'],
    );
  });

  test('for any action: never shown when withheld or a concept; tips and calls only while active; no person details after a vermissing ends', () => {
    const publications = fc.record({
      public: fc.boolean(),
      publicText: fc.option(fc.string({ maxLength: 20 })),
      call112: fc.boolean(),
      mediaRetentionDays: fc.option(fc.integer({ min: 1, max: 365 })),
    });
    const ends = fc.constantFrom('active', 'concept', 'withdrawn', ...ACTION_RESULTS);
    fc.assert(
      fc.property(fc.constantFrom(...ACTION_TYPES), publications, ends, (type, publication, end) => {
        // A result closes only the types it fits (closing with another is refused, see action.test.ts).
        if (ACTION_RESULTS.includes(end as never) && !resultFitsType(type, end as never)) return true;
        const started = end === 'concept' ? concept(type, publication) : active(type, publication);
        const action =
          end === 'active' || end === 'concept'
            ? started
            : end === 'withdrawn'
              ? value(withdrawAction(started, null, 's', LATER))
              : value(closeAction(started, end, 'x', 's', LATER));
        const view = publicViewOf(action);
        if (!publication.public || action.status === 'concept') return view === null;
        assert.ok(view !== null);
        assert.equal(view.acceptsTips, action.status === 'actief');
        assert.equal(view.call !== null, action.status === 'actief');
        if (view.call !== null) assert.equal(view.call, publication.call112 ? '112' : 'meldkamer');
        if (type === 'vermissing' && action.status !== 'actief') {
          assert.deepEqual([view.text, view.description, view.showPhoto], [null, null, false]);
        }
        return true;
      }),
    );
  });
});

describe('how long photos and tips are kept', () => {
  test('while the action is active, forever; after it ended, its own retention or the default', () => {
    assert.equal(mediaExpiresAt(active('diefstal'), 30), null);
    const ended = value(
      closeAction(
        active('diefstal', { ...DEFAULT_PUBLICATION, mediaRetentionDays: 7 }),
        'teruggevonden',
        'x',
        's',
        LATER,
      ),
    );
    assert.deepEqual(mediaExpiresAt(ended, 30), new Date(LATER.getTime() + 7 * 86_400_000));
    const endedDefault = value(closeAction(active('diefstal'), 'teruggevonden', 'x', 's', LATER));
    assert.deepEqual(mediaExpiresAt(endedDefault, 30), new Date(LATER.getTime() + 30 * 86_400_000));
  });
});
