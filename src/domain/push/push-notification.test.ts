import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  createAction,
  startAction,
  withdrawAction,
  closeAction,
  type Action,
  type ActionDraft,
} from '../action/action.js';
import { DEFAULT_PUBLICATION } from '../action/publication.js';
import { nl } from '../messages/nl.js';
import {
  composePushPayload,
  PUSH_BODY_MAX_LENGTH,
  PUSH_PAYLOAD_MAX_BYTES,
  pushDeliveryOf,
  pushKindOf,
} from './push-notification.js';

const AT = new Date('2026-11-23T09:00:00Z');
const draft: ActionDraft = {
  type: 'vermissing',
  missingChild: true,
  message: 'Vermist: Sanne (8), roze jas.',
  description: 'Blond haar.',
  instructions: null,
  area: { kind: 'circle', centre: { lat: 52.37, lon: 4.89 }, radiusMetres: 2000 },
};

function active(overrides: Partial<ActionDraft> = {}): Action {
  const created = createAction(
    { ...draft, ...overrides },
    { id: '6f1c2a9e-0b6d-4e0e-9a43-6f0d6a1c2b3d', number: 'BN-2026-000001' },
    'RE05',
    's',
    AT,
  );
  assert.ok(created.ok);
  const started = startAction(created.value, 's', AT);
  assert.ok(started.ok);
  return started.value;
}

describe('an app notification', () => {
  test('of an alert says what the public page says and opens that page', () => {
    const action = active();
    assert.deepEqual(composePushPayload('alert', action, '', nl), {
      type: 'alert',
      actionId: action.id,
      title: 'Burgernet: vermissing',
      body: 'Vermist: Sanne (8), roze jas. Blond haar.',
      url: `/acties/${action.id}`,
    });
    const withPublicText = active({ publication: { ...DEFAULT_PUBLICATION, publicText: 'Wie heeft Sanne gezien?' } });
    assert.equal(composePushPayload('alert', withPublicText, '', nl)?.body, 'Wie heeft Sanne gezien? Blond haar.');
    const emergency = active({
      type: 'noodsituatie',
      missingChild: false,
      description: null,
      instructions: 'Sluit ramen en deuren.',
      message: 'Brand bij de haven.',
    });
    assert.deepEqual(
      [composePushPayload('alert', emergency, '', nl)?.title, composePushPayload('alert', emergency, '', nl)?.body],
      ['Burgernet: noodsituatie', 'Brand bij de haven. Sluit ramen en deuren.'],
    );
  });

  test('is not made for an action the meldkamer did not make public', () => {
    const hidden = active({ publication: { ...DEFAULT_PUBLICATION, public: false } });
    for (const kind of ['alert', 'update', 'closing', 'withdrawn'] as const)
      assert.equal(composePushPayload(kind, hidden, 'tekst', nl), null);
  });

  test('of an end says whether the action was closed or withdrawn', () => {
    const closed = closeAction(active(), 'gevonden', 'Sanne is gevonden.', 's', AT);
    const withdrawn = withdrawAction(active(), null, 's', AT);
    assert.ok(closed.ok && withdrawn.ok);
    assert.equal(pushKindOf('closing', closed.value), 'closing');
    assert.equal(pushKindOf('closing', withdrawn.value), 'withdrawn');
    assert.equal(pushKindOf('update', closed.value), 'update');
    assert.equal(
      composePushPayload('withdrawn', withdrawn.value, 'Ingetrokken.', nl)?.title,
      'Burgernet: bericht ingetrokken',
    );
  });

  test('wakes the phone at once for an alert, and lets a newer message replace a waiting update or end', () => {
    const action = active({ type: 'inbraak', missingChild: false });
    assert.deepEqual(pushDeliveryOf('alert', action), { urgency: 'high', ttlSeconds: 7_200, topic: null });
    assert.equal(pushDeliveryOf('update', action).urgency, 'normal');
    assert.equal(pushDeliveryOf('update', active()).urgency, 'high', 'a missing child: every message is urgent');
    const topic = pushDeliveryOf('closing', action).topic;
    assert.match(topic ?? '', /^[A-Za-z0-9_-]{1,32}$/, 'RFC 8030 §5.4: at most 32 base64url characters');
    assert.equal(pushDeliveryOf('update', action).topic, topic);
  });

  test('has a body of bounded length, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 3_000 }), fc.string({ maxLength: 3_000, unit: 'binary' })),
        (text) => {
          const payload = composePushPayload('update', active(), text, nl);
          assert.ok(payload !== null && payload.body.length <= PUSH_BODY_MAX_LENGTH);
          // Whatever the text, the JSON stays within what a push service takes once encrypted (4,096 bytes).
          assert.ok(Buffer.byteLength(JSON.stringify(payload)) <= PUSH_PAYLOAD_MAX_BYTES);
          if (text.trim().length <= 100 && !/[\u0000-\u001f]/.test(text)) assert.equal(payload.body, text.trim());
        },
      ),
    );
  });
});
