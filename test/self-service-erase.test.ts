import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { registerParticipant, type RegisteredParticipant } from './support/participants.js';
import { FormSession, hiddenValue } from './support/form-session.js';
import { eventually, startTestSystem, type TestSystem } from './support/test-system.js';

/**
 * Deleting one's data while an action one was alerted for is still running: the participant is gone, the
 * action keeps its figures (the delivery stays, without the number) and the closing message skips them.
 */
describe("deleting one's data after an alert, over HTTP and SMPP", () => {
  let t: TestSystem;
  let centralist: string;
  let leaver: RegisteredParticipant;
  let actionId: string;
  const LEAVER = '+31612770001';
  const STAYER = '+31612770002';

  before(async () => {
    t = await startTestSystem();
    centralist = await t.staffToken('centralist', 'RE05');
    const beheer = t.api(await t.staffToken('landelijk-beheer'));
    leaver = await registerParticipant(beheer, 'Lotte Vertrekt', [
      { phone: '0612770001', postcode: '1012AB', houseNumber: 1 },
    ]);
    await registerParticipant(beheer, 'Stijn Blijft', [{ phone: '0612770002', postcode: '1012AB', houseNumber: 2 }]);
    const created = await t.api(centralist).post('/api/v1/actions', {
      type: 'vermissing',
      message: 'Vermist: Noor (7), geel regenjack.',
      area: { kind: 'circle', centre: leaver.registrations[0]!.location, radiusMetres: 2_000 },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    actionId = created.body.id;
    assert.equal((await t.api(centralist).post(`/api/v1/actions/${actionId}/start`)).status, 200);
    await eventually(() => {
      assert.equal(t.system.sms.simulator!.countByNumber(LEAVER), 1);
      assert.equal(t.system.sms.simulator!.countByNumber(STAYER), 1);
    });
  });
  after(() => t.stop());

  test('the participant logs in with a code, deletes everything, and no trace of the number stays', async () => {
    const browser = new FormSession(t.url);
    await browser.get('/mijn-gegevens/inloggen');
    const codePage = await browser.post('/mijn-gegevens/inloggen', { doel: '06 1277 0001' });
    const sms = await eventually(
      () => t.system.sms.simulator!.messages.filter((m) => m.to === LEAVER)[1] ?? assert.fail('no code yet'),
    );
    const login = await browser.post('/mijn-gegevens/code', {
      verificatie: hiddenValue(codePage.text, 'verificatie')!,
      code: /(\d{6})/.exec(sms.text)![1]!,
      doel: '06 1277 0001',
    });
    assert.equal(login.status, 303);
    await browser.get('/mijn-gegevens/verwijderen');
    const deleted = await browser.post('/mijn-gegevens/verwijderen', {});
    assert.equal(deleted.status, 200);
    assert.match(deleted.text, /Uw gegevens zijn verwijderd/);

    const db = t.system.database;
    assert.equal((await db.query(`select 1 from participants where id = $1`, [leaver.id])).length, 0);
    assert.equal((await db.query(`select 1 from registrations where msisdn = $1`, [LEAVER])).length, 0);
    assert.equal((await db.query(`select 1 from deliveries where msisdn = $1`, [LEAVER])).length, 0);
    assert.equal((await db.query(`select 1 from verification_codes`)).length, 0, 'the login code went too');
    assert.equal((await db.query(`select 1 from participant_sessions`)).length, 0);
    // The action still counts two people reached and delivered.
    const deliveries = await db.query<{ msisdn: string; registration_id: string | null }>(
      `select msisdn, registration_id from deliveries where action_id = $1 order by msisdn`,
      [actionId],
    );
    assert.equal(deliveries.length, 2);
    assert.equal(deliveries[0]!.msisdn, STAYER);
    assert.match(deliveries[1]!.msisdn, /^verwijderd-\d+$/);
    assert.equal(deliveries[1]!.registration_id, null);
    const facts = await db.query<{ event: string; details: object }>(
      `select event, details from audit_log where subject_id = $1 and event = 'participant.deleted'`,
      [leaver.id],
    );
    assert.deepEqual(facts, [{ event: 'participant.deleted', details: { by: 'participant' } }]);
    // And the session no longer opens anything.
    assert.equal((await browser.get('/mijn-gegevens')).status, 303);
  });

  test('the closing message goes to the others, not to the deleted number', async () => {
    const closed = await t.api(centralist).post(`/api/v1/actions/${actionId}/close`, { result: 'gevonden' });
    assert.equal(closed.status, 200, JSON.stringify(closed.body));
    await eventually(() => assert.equal(t.system.sms.simulator!.countByNumber(STAYER), 2));
    const [queuedForDeleted] = await t.system.database.query<{ n: number }>(
      `select count(*)::int as n from deliveries where msisdn like 'verwijderd-%'`,
    );
    assert.equal(queuedForDeleted!.n, 1, 'no closing message queued for the removed number');
    assert.equal(t.system.sms.simulator!.countByNumber(LEAVER), 2, 'the alert and the login code, nothing after');
  });
});
