import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { PublicView } from '../../../domain/action/public-view.js';
import type { Area } from '../../../domain/area/area.js';
import { ACTION_EVENT_KINDS, type ActionEvent, type ActionEventKind } from '../../../domain/broadcast/action-event.js';
import { partnerWebhookPayload } from './partner-webhook-payload.js';

const BASE = 'https://www.burgernet.nl/';
const CENTRE = { lat: 52.0907, lon: 5.1214 };

function activeView(area: Area | null): PublicView {
  return {
    id: 'a6c1e0f2-5b1d-4f0e-9a57-2f1d3c4b5a69',
    number: 'BN-2025-000123',
    type: 'vermissing',
    missingChild: true,
    status: 'actief',
    meldkamerCode: 'RE09',
    text: 'Vermist: meisje van 8, rode jas.',
    description: 'Lang blond haar.',
    instructions: 'Zie je haar? Bel 112.',
    area,
    showPhoto: true,
    call: '112',
    acceptsTips: true,
    startedAt: new Date('2025-03-01T14:00:00Z'),
    endedAt: null,
    updatedAt: new Date('2025-03-01T14:05:00Z'),
    result: null,
    closingText: null,
  };
}

function eventOf(kind: ActionEventKind, action: PublicView, updateText: string | null = null): ActionEvent {
  return {
    id: '3f9d2b64-0c7e-4b8a-9d61-5e2a7c1f8b30',
    kind,
    sequence: 2,
    occurredAt: new Date('2025-03-01T14:05:00.250Z'),
    action,
    updateText,
  };
}

describe('partnerWebhookPayload', () => {
  test('an active action in a circle: every field, the circle as a GeoJSON point with its radius', () => {
    const payload = partnerWebhookPayload(
      eventOf('action.started', activeView({ kind: 'circle', centre: CENTRE, radiusMetres: 1500 })),
      BASE,
    );
    assert.deepEqual(payload, {
      type: 'action.started',
      timestamp: '2025-03-01T14:05:00.250Z',
      data: {
        eventId: '3f9d2b64-0c7e-4b8a-9d61-5e2a7c1f8b30',
        sequence: 2,
        updateText: null,
        action: {
          id: 'a6c1e0f2-5b1d-4f0e-9a57-2f1d3c4b5a69',
          number: 'BN-2025-000123',
          type: 'vermissing',
          missingChild: true,
          status: 'actief',
          meldkamerCode: 'RE09',
          text: 'Vermist: meisje van 8, rode jas.',
          description: 'Lang blond haar.',
          instructions: 'Zie je haar? Bel 112.',
          area: {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [5.1214, 52.0907] },
            properties: { shape: 'circle', radiusMetres: 1500 },
          },
          centre: { type: 'Point', coordinates: [5.1214, 52.0907] },
          call: '112',
          startedAt: '2025-03-01T14:00:00.000Z',
          endedAt: null,
          result: null,
          closingText: null,
          publicUrl: 'https://www.burgernet.nl/acties/a6c1e0f2-5b1d-4f0e-9a57-2f1d3c4b5a69',
        },
      },
    });
  });

  test('a polygon has [lon, lat] positions, closed rings, the outer ring counter-clockwise and holes clockwise', () => {
    // Drawn clockwise and open; the hole drawn counter-clockwise.
    const outer = [
      { lat: 52.1, lon: 5.0 },
      { lat: 52.1, lon: 5.2 },
      { lat: 52.0, lon: 5.2 },
      { lat: 52.0, lon: 5.0 },
    ];
    const hole = [
      { lat: 52.04, lon: 5.08 },
      { lat: 52.04, lon: 5.12 },
      { lat: 52.06, lon: 5.12 },
      { lat: 52.06, lon: 5.08 },
    ];
    const payload = partnerWebhookPayload(
      eventOf('action.widened', activeView({ kind: 'polygon', centre: CENTRE, rings: [outer, hole] })),
      BASE,
    );
    assert.deepEqual(payload.data.action.area, {
      type: 'Feature',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [5.0, 52.1],
            [5.0, 52.0],
            [5.2, 52.0],
            [5.2, 52.1],
            [5.0, 52.1],
          ],
          [
            [5.08, 52.04],
            [5.08, 52.06],
            [5.12, 52.06],
            [5.12, 52.04],
            [5.08, 52.04],
          ],
        ],
      },
      properties: { shape: 'polygon' },
    });
    assert.deepEqual(payload.data.action.centre, { type: 'Point', coordinates: [5.1214, 52.0907] });
  });

  test('a vervolgbericht carries its text; other kinds never do', () => {
    const view = activeView(null);
    assert.equal(
      partnerWebhookPayload(eventOf('action.updated', view, 'Ze is gezien bij het station.'), BASE).data.updateText,
      'Ze is gezien bij het station.',
    );
    assert.equal(partnerWebhookPayload(eventOf('action.started', view, 'stray'), BASE).data.updateText, null);
  });

  test('a closed search for a person carries the result and closing text, not the appeal', () => {
    const view: PublicView = {
      ...activeView({ kind: 'circle', centre: CENTRE, radiusMetres: 1500 }),
      status: 'afgesloten',
      text: null,
      description: null,
      instructions: null,
      showPhoto: false,
      call: null,
      acceptsTips: false,
      endedAt: new Date('2025-03-01T16:00:00Z'),
      result: 'gevonden',
      closingText: 'Het meisje is gevonden. Dank voor het uitkijken.',
    };
    const action = partnerWebhookPayload(eventOf('action.closed', view), BASE).data.action;
    assert.deepEqual(
      [action.status, action.text, action.description, action.call, action.endedAt, action.result, action.closingText],
      [
        'afgesloten',
        null,
        null,
        null,
        '2025-03-01T16:00:00.000Z',
        'gevonden',
        'Het meisje is gevonden. Dank voor het uitkijken.',
      ],
    );
  });

  test('a withdrawn action has no area and no centre', () => {
    const view: PublicView = {
      ...activeView(null),
      status: 'ingetrokken',
      text: null,
      description: null,
      instructions: null,
      call: null,
      closingText: 'Ingetrokken.',
    };
    const action = partnerWebhookPayload(eventOf('action.withdrawn', view), BASE).data.action;
    assert.equal(action.area, null);
    assert.equal(action.centre, null);
  });
});

describe('partnerWebhookPayload, for any event', () => {
  const latLon = fc.record({
    lat: fc.double({ min: 50.5, max: 53.9, noNaN: true }),
    lon: fc.double({ min: 2.9, max: 7.6, noNaN: true }),
  });
  const area: fc.Arbitrary<Area | null> = fc.oneof(
    fc.constant(null),
    fc.record({
      kind: fc.constant('circle' as const),
      centre: latLon,
      radiusMetres: fc.integer({ min: 100, max: 50_000 }),
    }),
    fc.record({
      kind: fc.constant('polygon' as const),
      centre: latLon,
      rings: fc.array(fc.array(latLon, { minLength: 3, maxLength: 12 }), { minLength: 1, maxLength: 3 }),
    }),
  );
  const event = fc.record({
    kind: fc.constantFrom(...ACTION_EVENT_KINDS),
    area,
    updateText: fc.option(fc.string()),
    // What a careless caller might leave on the object at run time: a person's details must not pass through.
    leak: fc.record({
      phone: fc.constant('+31612345678'),
      email: fc.constant('deelnemer@example.nl'),
      createdBy: fc.constant('centralist-17'),
    }),
  });

  test('has exactly the documented fields, nothing from outside them, closed rings, and the same JSON every time', () => {
    fc.assert(
      fc.property(event, ({ kind, area: a, updateText, leak }) => {
        const view = { ...activeView(a), ...leak };
        const ev = { ...eventOf(kind, view, updateText), ...leak };
        const json = JSON.stringify(partnerWebhookPayload(ev, BASE));
        assert.equal(json, JSON.stringify(partnerWebhookPayload(ev, BASE)));
        for (const value of Object.values(leak)) assert.ok(!json.includes(value));
        const payload = partnerWebhookPayload(ev, BASE);
        assert.deepEqual(Object.keys(payload), ['type', 'timestamp', 'data']);
        assert.deepEqual(Object.keys(payload.data), ['eventId', 'sequence', 'updateText', 'action']);
        assert.deepEqual(Object.keys(payload.data.action), [
          'id',
          'number',
          'type',
          'missingChild',
          'status',
          'meldkamerCode',
          'text',
          'description',
          'instructions',
          'area',
          'centre',
          'call',
          'startedAt',
          'endedAt',
          'result',
          'closingText',
          'publicUrl',
        ]);
        const geometry = payload.data.action.area?.geometry;
        if (geometry?.type === 'Polygon') {
          for (const ring of geometry.coordinates) assert.deepEqual(ring[0], ring[ring.length - 1]);
        }
      }),
    );
  });
});
