import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestSystem, type ApiClient, type TestSystem } from './support/test-system.js';

const PURPOSE = `purpose=${encodeURIComponent('Controle van de aanmelding')}`;
const AMSTERDAM = { phone: '06 1111 2222', channel: 'sms', postcode: '1012 AB', houseNumber: 1 };
const UTRECHT = { phone: '06 1111 2222', channel: 'sms', postcode: '3511 AB', houseNumber: 10 };
const ATTACKER = { phone: '06 4444 5555', channel: 'sms', postcode: '1012 AB', houseNumber: 7 };

/**
 * A gemeente manages its own residents' registrations, never another gemeente's: a person registered in Amsterdam
 * and in Utrecht is two gemeenten' business, and Amsterdam sees and touches only the Amsterdam address.
 */
describe('participant management stays within the gemeente, registration by registration', () => {
  let t: TestSystem;
  let beheer: ApiClient;
  let amsterdam: ApiClient;
  let personId: string;
  let amsterdamRegistration: string;
  let utrechtRegistration: string;

  const registrationsOf = async (id: string) =>
    t.system.database.query<{ id: string; msisdn: string; gemeente_code: string; postcode: string }>(
      'select id, msisdn, gemeente_code, postcode from registrations where participant_id = $1 order by gemeente_code',
      [id],
    );
  const deniedCount = async () =>
    (
      await t.system.database.query<{ n: number }>(
        `select count(*)::int as n from audit_log where event = 'participant.denied'`,
      )
    )[0]!.n;

  before(async () => {
    t = await startTestSystem();
    beheer = t.api(await t.staffToken('landelijk-beheer'));
    amsterdam = t.api(await t.staffToken('gemeente-beheer', 'GM0363'));
    const created = await beheer.post('/api/v1/participants', {
      name: 'Ilse Jansen',
      registrations: [AMSTERDAM, UTRECHT],
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    personId = created.body.id;
    const byGemeente = new Map<string, string>(
      created.body.registrations.map((r: { gemeenteCode: string; id: string }) => [r.gemeenteCode, r.id]),
    );
    amsterdamRegistration = byGemeente.get('GM0363')!;
    utrechtRegistration = byGemeente.get('GM0344')!;
  });
  after(() => t.stop());

  test('reading shows Amsterdam only its own address and number, not the Utrecht one', async () => {
    const read = await amsterdam.get(`/api/v1/participants/${personId}?${PURPOSE}`);
    assert.equal(read.status, 200, JSON.stringify(read.body));
    assert.deepEqual(
      read.body.registrations.map((r: { id: string }) => r.id),
      [amsterdamRegistration],
    );
    assert.ok(!JSON.stringify(read.body).includes('3511'), 'no Utrecht postcode in the answer');

    const found = await amsterdam.get(`/api/v1/participants?${PURPOSE}&q=Jansen`);
    assert.equal(found.status, 200, JSON.stringify(found.body));
    assert.equal(found.body.items.length, 1);
    assert.deepEqual(
      found.body.items[0].registrations.map((r: { id: string }) => r.id),
      [amsterdamRegistration],
    );
  });

  test('changing the Utrecht registration is refused, audited, and changes nothing', async () => {
    const denied = await deniedCount();
    const moved = await amsterdam.put(
      `/api/v1/participants/${personId}/registrations/${utrechtRegistration}`,
      ATTACKER,
    );
    assert.equal(moved.status, 404, JSON.stringify(moved.body));
    assert.equal(moved.body.code, 'participant.not-found');
    const rows = await registrationsOf(personId);
    assert.deepEqual(
      rows.map((r) => [r.gemeente_code, r.msisdn, r.postcode]),
      [
        ['GM0344', '+31611112222', '3511AB'],
        ['GM0363', '+31611112222', '1012AB'],
      ],
    );
    assert.equal(await deniedCount(), denied + 1);
  });

  test('deleting the Utrecht registration is refused, audited, and it stays', async () => {
    const denied = await deniedCount();
    const removed = await amsterdam.delete(`/api/v1/participants/${personId}/registrations/${utrechtRegistration}`);
    assert.equal(removed.status, 404, JSON.stringify(removed.body));
    assert.equal(removed.body.code, 'participant.not-found');
    assert.equal((await registrationsOf(personId)).length, 2);
    assert.equal(await deniedCount(), denied + 1);
  });

  test('deleting the person removes only the Amsterdam registration; Utrecht keeps its resident', async () => {
    const deleted = await amsterdam.delete(`/api/v1/participants/${personId}`);
    assert.equal(deleted.status, 204, JSON.stringify(deleted.body));
    const rows = await registrationsOf(personId);
    assert.deepEqual(
      rows.map((r) => [r.id, r.gemeente_code]),
      [[utrechtRegistration, 'GM0344']],
    );
    const utrecht = t.api(await t.staffToken('gemeente-beheer', 'GM0344'));
    const read = await utrecht.get(`/api/v1/participants/${personId}?${PURPOSE}`);
    assert.equal(read.status, 200, JSON.stringify(read.body));
    assert.equal(read.body.name, 'Ilse Jansen');

    const again = await amsterdam.get(`/api/v1/participants/${personId}?${PURPOSE}`);
    assert.equal(again.status, 404, "no longer Amsterdam's resident");
  });

  test('a person registered only in the gemeente is erased whole, as before', async () => {
    const created = await beheer.post('/api/v1/participants', {
      name: 'Kees Smit',
      registrations: [{ ...AMSTERDAM, phone: '06 3333 4444' }],
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal((await amsterdam.delete(`/api/v1/participants/${created.body.id}`)).status, 204);
    const left = await t.system.database.query<{ n: number }>(
      'select count(*)::int as n from participants where id = $1',
      [created.body.id],
    );
    assert.equal(left[0]!.n, 0);
  });
});
