import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { distanceInMetres } from '../src/domain/geo/lat-lon.js';
import { registerParticipant, type RegisteredParticipant } from './support/participants.js';
import { eventually, startTestSystem, type TestSystem } from './support/test-system.js';
import { TestClock } from './support/test-clock.js';

// Monday 23 November 2026, 10:00 in Amsterdam.
const MONDAY_MORNING = new Date('2026-11-23T09:00:00Z');

describe('the life of an action, over HTTP and SMPP', () => {
  let t: TestSystem;
  let centralist: string;
  let home: RegisteredParticipant;
  let neighbour: RegisteredParticipant;
  let twoAddresses: RegisteredParticipant;
  let actionId: string;

  const count = (phone: string) => t.system.sms.simulator!.countByNumber(phone);
  const circle = (radiusMetres: number) => ({ kind: 'circle', centre: home.registrations[0]!.location, radiusMetres });

  before(async () => {
    t = await startTestSystem({ SMPP_BINDS: '1' }, { clock: new TestClock(MONDAY_MORNING) });
    centralist = await t.staffToken('centralist', 'RE05');
    const beheer = t.api(await t.staffToken('landelijk-beheer'));
    home = await registerParticipant(beheer, 'Anna de Vries', [
      { phone: '06 1234 5001', postcode: '1012 AB', houseNumber: 1 },
    ]);
    neighbour = await registerParticipant(beheer, 'Bram Jansen', [
      { phone: '+31612345002', postcode: '1012AB', houseNumber: 20 },
    ]);
    twoAddresses = await registerParticipant(beheer, 'Chris Bakker', [
      { phone: '0612345003', postcode: '1012AB', houseNumber: 5 },
      { phone: '0612345003', postcode: '1012AB', houseNumber: 7 },
    ]);
    // Outside the area (in Zuidoost, 7 km away: within reach of a widening in the region), and inside it outside
    // their time window: both must not be messaged.
    await registerParticipant(beheer, 'Dewi Visser', [{ phone: '0612345004', postcode: '1102AB', houseNumber: 1 }]);
    await registerParticipant(beheer, 'Eva Smit', [
      {
        phone: '0612345005',
        postcode: '1012AB',
        houseNumber: 9,
        timeWindows: [{ day: 'za', from: '10:00', to: '12:00' }],
      },
    ]);
  });
  after(() => t.stop());

  test('the centralist sees how many it will reach and how many SMS parts the text takes', async () => {
    const response = await t.api(centralist).post('/api/v1/reach-estimates', {
      area: circle(3000),
      draft: { type: 'vermissing', message: 'Vermist: Sanne (8), blond haar, roze jas.' },
    });
    assert.equal(response.status, 200);
    assert.equal(response.body.recipients, 3, 'three numbers in the area whose window holds');
    assert.deepEqual(response.body.byChannel, { sms: 3, voice: 0 });
    assert.equal(response.body.outsideTimeWindow, 1);
    assert.equal(response.body.sms.parts, 1);
    assert.equal(response.body.sms.encoding, 'gsm7');
  });

  test('starting sends one SMS to every number in the area whose window holds, nearest first', async () => {
    const created = await t.api(centralist).post('/api/v1/actions', {
      type: 'vermissing',
      missingChild: true,
      message: 'Vermist: Sanne (8), blond haar, roze jas.',
      area: circle(3000),
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.status, 'concept');
    assert.equal(
      created.body.alertSms.text,
      'Burgernet: Vermist: Sanne (8), blond haar, roze jas. Gezien? Bel gratis 0800-0011.',
    );
    assert.equal(created.body.alertSms.parts, 1);
    actionId = created.body.id;
    const started = await t.api(centralist).post(`/api/v1/actions/${actionId}/start`);
    assert.equal(started.status, 200, JSON.stringify(started.body));
    assert.equal(started.body.status, 'actief');

    await eventually(() => assert.equal(t.system.sms.simulator!.messages.length, 3));
    assert.equal(count('+31612345001'), 1);
    assert.equal(count('+31612345002'), 1);
    assert.equal(count('+31612345003'), 1, 'one SMS for a number registered at two addresses in the area');
    assert.equal(count('+31612345004'), 0, 'Zuidoost is outside the area');
    assert.equal(count('+31612345005'), 0, 'a weekend-only window does not hold on Monday');

    const centre = home.registrations[0]!.location;
    const distanceOf = (phone: string) =>
      Math.min(
        ...[home, neighbour, twoAddresses]
          .flatMap((p) => p.registrations)
          .filter((r) => r.phone === phone)
          .map((r) => distanceInMetres(centre, r.location)),
      );
    const order = t.system.sms.simulator!.messages.map((m) => distanceOf(m.to));
    assert.deepEqual(
      order,
      [...order].sort((a, b) => a - b),
      'sent nearest to the incident first',
    );
    assert.match(t.system.sms.simulator!.messages[0]!.text, /^Burgernet: Vermist: Sanne \(8\)/);

    const progress = await eventually(async () => {
      const p = await t.api(centralist).get(`/api/v1/actions/${actionId}/progress`);
      assert.equal(p.body.totals.delivered, 3);
      return p.body;
    });
    assert.equal(progress.status, 'actief');
    assert.ok(progress.firstSubmittedAt);
  });

  test('widening the area reaches only the numbers not reached yet', async () => {
    const widened = await t.api(centralist).post(`/api/v1/actions/${actionId}/widen`, { area: circle(8_000) });
    assert.equal(widened.status, 200, JSON.stringify(widened.body));
    await eventually(() => assert.equal(count('+31612345004'), 1));
    assert.equal(count('+31612345001'), 1);
    assert.equal(count('+31612345002'), 1);
    assert.equal(count('+31612345003'), 1);
    assert.equal(t.system.sms.simulator!.messages.length, 4);
  });

  test('an update goes to everyone reached before, and only to them', async () => {
    const update = await t
      .api(centralist)
      .post(`/api/v1/actions/${actionId}/updates`, { text: 'Sanne draagt nu een gele muts.' });
    assert.equal(update.status, 202, JSON.stringify(update.body));
    assert.equal(update.body.recipients, 4);
    await eventually(() => assert.equal(t.system.sms.simulator!.messages.length, 8));
    for (const phone of ['+31612345001', '+31612345002', '+31612345003', '+31612345004']) assert.equal(count(phone), 2);
    assert.equal(count('+31612345005'), 0);
    assert.ok(
      t.system.sms
        .simulator!.messages.slice(4)
        .every((m) => m.text.startsWith('Burgernet update: Sanne draagt nu een gele muts.')),
    );
  });

  test('closing sends the afloopbericht to everyone reached, and nothing more can be sent', async () => {
    const closed = await t.api(centralist).post(`/api/v1/actions/${actionId}/close`, { result: 'gevonden' });
    assert.equal(closed.status, 200, JSON.stringify(closed.body));
    assert.equal(closed.body.action.status, 'afgesloten');
    assert.equal(closed.body.recipients, 4);
    await eventually(() => assert.equal(t.system.sms.simulator!.messages.length, 12));
    const closing = t.system.sms.simulator!.messages.slice(8);
    assert.ok(
      closing.every((m) => m.text === 'Burgernet afgesloten: De vermiste persoon is gevonden. Bedankt voor uw hulp.'),
    );

    const again = await t.api(centralist).post(`/api/v1/actions/${actionId}/updates`, { text: 'nog iets' });
    assert.equal(again.status, 409);
    assert.equal(again.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    assert.equal(again.body.code, 'action.wrong-status');

    const view = await t.api(centralist).get(`/api/v1/actions/${actionId}`);
    assert.deepEqual(
      view.body.messages.map((m: { kind: string }) => m.kind),
      ['alert', 'update', 'closing'],
    );
    await eventually(async () => {
      const p = await t.api(centralist).get(`/api/v1/actions/${actionId}/progress`);
      assert.equal(p.body.totals.delivered, 12);
    });
  });

  test('the progress stream sends the counts as server-sent events', async () => {
    const response = await t.api(centralist).raw(`/api/v1/actions/${actionId}/progress/stream`, {
      headers: { authorization: `Bearer ${centralist}` },
    });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream/);
    const reader = response.body!.getReader();
    let text = '';
    while (!text.includes('\n\n')) text += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    assert.match(text, /^event: progress\ndata: /);
    const data = JSON.parse(text.split('\n')[1]!.slice('data: '.length));
    assert.equal(data.status, 'afgesloten');
    assert.equal(data.totals.delivered, 12);
  });
});
