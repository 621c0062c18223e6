import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { registerParticipant, type RegisteredParticipant } from './support/participants.js';
import { eventually, startTestSystem, type ApiClient, type TestSystem } from './support/test-system.js';
import { TestClock } from './support/test-clock.js';

// Monday 23 November 2026, 10:00 in Amsterdam.
const MONDAY_MORNING = new Date('2026-11-23T09:00:00Z');

describe('gebied verplaatsen: a live action moves to another place only as an explicit, confirmed step', () => {
  let t: TestSystem;
  let centralist: ApiClient;
  let amsterdam: RegisteredParticipant;
  // Another place within Amsterdam's region (RE05): a move stays within the meldkamer's region plus margin.
  let zuidoost: RegisteredParticipant;
  let actionId: string;
  const count = (phone: string) => t.system.sms.simulator!.countByNumber(phone);
  const around = (p: RegisteredParticipant, radiusMetres: number) => ({
    kind: 'circle',
    centre: p.registrations[0]!.location,
    radiusMetres,
  });

  before(async () => {
    t = await startTestSystem({ SMPP_BINDS: '1' }, { clock: new TestClock(MONDAY_MORNING) });
    centralist = t.api(await t.staffToken('centralist', 'RE05'));
    const beheer = t.api(await t.staffToken('landelijk-beheer'));
    amsterdam = await registerParticipant(beheer, 'Anna de Vries', [
      { phone: '06 1234 5101', postcode: '1012 AB', houseNumber: 1 },
    ]);
    zuidoost = await registerParticipant(beheer, 'Dewi Visser', [
      { phone: '06 1234 5102', postcode: '1102 AB', houseNumber: 1 },
    ]);
    const created = await centralist.post('/api/v1/actions', {
      type: 'vermissing',
      missingChild: true,
      message: 'Vermist: Sanne (8), roze jas.',
      area: around(amsterdam, 2_000),
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    actionId = created.body.id as string;
    assert.equal((await centralist.post(`/api/v1/actions/${actionId}/start`)).status, 200);
    await eventually(() => assert.equal(count('+31612345101'), 1));
  });
  after(() => t.stop());

  test('without the confirmation the API refuses, and the area stays', async () => {
    const unconfirmed = await centralist.post(`/api/v1/actions/${actionId}/move-area`, {
      area: around(zuidoost, 2_000),
    });
    assert.equal(unconfirmed.status, 400, JSON.stringify(unconfirmed.body));
    assert.deepEqual((await centralist.get(`/api/v1/actions/${actionId}`)).body.area, around(amsterdam, 2_000));
  });

  test('another meldkamer may not move it', async () => {
    const other = t.api(await t.staffToken('centralist', 'RE01'));
    const refused = await other.post(`/api/v1/actions/${actionId}/move-area`, {
      area: around(zuidoost, 2_000),
      confirmed: true,
    });
    assert.equal(refused.status, 403, JSON.stringify(refused.body));
  });

  test('the reach estimate names the new people; moving sends them the alert, the old area stays part of the action', async () => {
    const estimate = await centralist.post('/api/v1/reach-estimates', { area: around(zuidoost, 2_000), actionId });
    assert.equal(estimate.status, 200, JSON.stringify(estimate.body));
    assert.equal(estimate.body.recipients, 1, 'only Dewi is new');

    const moved = await centralist.post(`/api/v1/actions/${actionId}/move-area`, {
      area: around(zuidoost, 2_000),
      confirmed: true,
    });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.deepEqual(moved.body.area, around(zuidoost, 2_000));
    await eventually(() => assert.equal(count('+31612345102'), 1));
    assert.equal(count('+31612345101'), 1, 'Anna is not alerted twice');

    const update = await centralist.post(`/api/v1/actions/${actionId}/updates`, {
      text: 'Sanne is gezien in Zuidoost.',
    });
    assert.equal(update.status, 202, JSON.stringify(update.body));
    assert.equal(update.body.recipients, 2, 'the update goes to both places');
    await eventually(() => assert.equal(count('+31612345101') + count('+31612345102'), 4));

    const view = await eventually(async () => {
      const v = await centralist.get(`/api/v1/actions/${actionId}`);
      assert.ok(v.body.areas.every((a: { recipients: number | null }) => a.recipients !== null));
      return v.body;
    });
    assert.deepEqual(
      view.areas.map((a: { area: unknown; recipients: number; change: string }) => [a.area, a.recipients, a.change]),
      [
        [around(amsterdam, 2_000), 1, 'start'],
        [around(zuidoost, 2_000), 1, 'moved'],
      ],
      'both areas, each with the people it added, for the timeline and the map',
    );
    const people = Object.fromEntries(
      view.messages.map((m: { kind: string; people: { sms: number } }) => [m.kind, m.people.sms]),
    );
    assert.deepEqual(people, { alert: 2, update: 2 }, 'people per message, not SMS parts or attempts');

    const [entry] = await t.system.database.query<{ details: { from: unknown; area: unknown } }>(
      `select details from audit_log where event = 'action.area-moved' and subject_id = $1`,
      [actionId],
    );
    assert.ok(entry, 'the move is audited');
    assert.deepEqual(entry.details.from, around(amsterdam, 2_000));
    assert.deepEqual(entry.details.area, around(zuidoost, 2_000));
  });

  test('an ended action cannot be moved', async () => {
    assert.equal(
      (
        await centralist.post(`/api/v1/actions/${actionId}/close`, {
          result: 'gevonden',
          closingText: 'Sanne is gevonden.',
        })
      ).status,
      200,
    );
    const late = await centralist.post(`/api/v1/actions/${actionId}/move-area`, {
      area: around(amsterdam, 2_000),
      confirmed: true,
    });
    assert.equal(late.status, 409, JSON.stringify(late.body));
    assert.equal(late.body.code, 'action.wrong-status');
  });
});
