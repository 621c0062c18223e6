import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { registerParticipant, type RegisteredParticipant } from './support/participants.js';
import { eventually, startTestSystem, type TestSystem } from './support/test-system.js';

/** A participant who paused their messages (a holiday) gets no alert in that period, at any of their addresses. */
describe('a pause, through targeting and SMPP', () => {
  let t: TestSystem;
  let centralist: string;
  let onHoliday: RegisteredParticipant;
  let atHome: RegisteredParticipant;
  const MONDAY = new Date('2026-07-06T10:00:00Z');

  before(async () => {
    t = await startTestSystem();
    t.clock.set(MONDAY);
    centralist = await t.staffToken('centralist', 'RE05');
    const beheer = t.api(await t.staffToken('landelijk-beheer'));
    onHoliday = await registerParticipant(beheer, 'Op Vakantie', [
      { phone: '0633330001', postcode: '1012AB', houseNumber: 1 },
      { phone: '0633330001', postcode: '1012AB', houseNumber: 7 },
    ]);
    atHome = await registerParticipant(beheer, 'Thuis', [{ phone: '0633330002', postcode: '1012AB', houseNumber: 2 }]);
    await t.system.store.selfService.setPause(
      onHoliday.id,
      { from: new Date('2026-07-04T22:00:00Z'), until: new Date('2026-07-18T22:00:00Z') },
      MONDAY,
    );
  });
  after(() => t.stop());

  const area = () => ({ kind: 'circle', centre: atHome.registrations[0]!.location, radiusMetres: 2_000 });

  async function startAction(message: string): Promise<string> {
    const created = await t.api(centralist).post('/api/v1/actions', { type: 'inbraak', message, area: area() });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const started = await t.api(centralist).post(`/api/v1/actions/${created.body.id}/start`);
    assert.equal(started.status, 200, JSON.stringify(started.body));
    return created.body.id;
  }

  test('during the pause the alert reaches the others and not them, and the estimate does not count them', async () => {
    const estimate = await t.api(centralist).post('/api/v1/reach-estimates', { area: area() });
    assert.equal(estimate.status, 200, JSON.stringify(estimate.body));
    assert.equal(estimate.body.recipients, 1);
    const actionId = await startAction('Inbraak in de Warmoesstraat, man in donkere jas.');
    await eventually(() => assert.equal(t.system.sms.simulator!.countByNumber('+31633330002'), 1));
    await eventually(async () => {
      const [run] = await t.system.database.query<{ status: string }>(
        `select status from targeting_runs where action_id = $1`,
        [actionId],
      );
      assert.equal(run?.status, 'done');
    });
    assert.equal(t.system.sms.simulator!.countByNumber('+31633330001'), 0);
    const rows = await t.system.database.query<{ n: number }>(
      `select count(*)::int as n from deliveries where msisdn = '+31633330001'`,
    );
    assert.equal(rows[0]!.n, 0);
  });

  test('after the pause they get alerts again', async () => {
    t.clock.set(new Date('2026-07-20T10:00:00Z'));
    await startAction('Inbraak in de Nieuwmarkt, vrouw met rode fiets.');
    await eventually(() => assert.equal(t.system.sms.simulator!.countByNumber('+31633330001'), 1));
  });
});
