import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { registerParticipant } from './support/participants.js';
import { FormSession, hiddenValue } from './support/form-session.js';
import { eventually, startTestSystem, type TestSystem } from './support/test-system.js';

/**
 * SMS pumping and number hunting: limits per number, per IP address and nationally per hour hold, their hits are
 * counted, and a stranger cannot tell from the login whether a number is registered.
 */
describe('abuse limits on one-time codes, over HTTP', () => {
  let t: TestSystem;
  const count = async (sql: string, params: unknown[] = []) =>
    (await t.system.database.query<{ n: number }>(sql, params))[0]!.n;
  const hits = (limit: string) =>
    count(`select coalesce(sum(hits), 0)::int as n from abuse_limit_hits where limit_name = $1`, [limit]);
  const sent = () => t.system.sms.simulator!.messages.length;

  before(async () => {
    t = await startTestSystem({
      CODE_LIMIT_PER_NUMBER_PER_HOUR: '2',
      CODE_LIMIT_PER_IP_PER_HOUR: '10',
      CODE_LIMIT_NATIONAL_PER_HOUR: '5',
    });
    const beheer = t.api(await t.staffToken('landelijk-beheer'));
    await registerParticipant(beheer, 'Bekende Deelnemer', [
      { phone: '0622220001', postcode: '1012AB', houseNumber: 1 },
    ]);
    for (const phone of ['0622220003', '0622220004', '0622220005', '0622220006']) {
      await registerParticipant(beheer, `Deelnemer ${phone}`, [{ phone, postcode: '1012AB', houseNumber: 2 }]);
    }
  });
  after(() => t.stop());

  /** Asks for a login code for this number; returns the page's status and its text without the per-request tokens. */
  async function askLoginCode(phone: string): Promise<{ status: number; page: string }> {
    const browser = new FormSession(t.url);
    await browser.get('/mijn-gegevens/inloggen');
    const response = await browser.post('/mijn-gegevens/inloggen', { doel: phone });
    const page = response.text.replace(/value="[^"]*"/g, 'value=""');
    return { status: response.status, page };
  }

  test('a stranger gets the same answer for a registered and an unregistered number; only the registered one gets an SMS', async () => {
    const before = sent();
    const known = await askLoginCode('06 2222 0001');
    const unknown = await askLoginCode('06 2222 0002');
    assert.equal(known.status, 200);
    assert.equal(unknown.status, known.status);
    assert.equal(unknown.page, known.page.replace('06 2222 0001', '06 2222 0002'));
    await eventually(async () =>
      assert.equal(await count(`select count(*)::int as n from verification_codes where send_status = 'pending'`), 0),
    );
    assert.equal(sent(), before + 1);
    assert.equal(t.system.sms.simulator!.countByNumber('+31622220002'), 0);
    // Both were stored alike: one code each, hashed; the unknown one can never log anyone in.
    assert.equal(await count(`select count(*)::int as n from verification_codes where purpose = 'login'`), 2);
  });

  test("the code for a registered number logs in; a guess at the unknown number's code does not", async () => {
    const browser = new FormSession(t.url);
    await browser.get('/mijn-gegevens/inloggen');
    const page = await browser.post('/mijn-gegevens/inloggen', { doel: '0622220001' });
    const sms = await eventually(
      () => t.system.sms.simulator!.messages.filter((m) => m.to === '+31622220001')[1] ?? assert.fail('no second SMS'),
    );
    const done = await browser.post('/mijn-gegevens/code', {
      verificatie: hiddenValue(page.text, 'verificatie')!,
      code: /(\d{6})/.exec(sms.text)![1]!,
      doel: '0622220001',
    });
    assert.equal(done.status, 303);
    assert.equal(done.location, '/mijn-gegevens');
    assert.match((await browser.get('/mijn-gegevens')).text, /Bekende Deelnemer/);
  });

  test('per number: the third code in an hour for one number is refused, and counted', async () => {
    // 0622220001 had two codes already (the two tests above).
    const third = await askLoginCode('0622220001');
    assert.equal(third.status, 429);
    assert.match(third.page, /te veel codes/);
    assert.equal(await hits('codes-per-number'), 1);
    assert.equal(await count(`select count(*)::int as n from verification_codes where purpose = 'login'`), 3);
  });

  test('nationally: past the hourly total of codes sent nobody gets a code, registered or not, and the hits are counted', async () => {
    // Sent so far: 2 (both to 0622220001; the code for 0622220002 never left). Three more fit.
    for (const phone of ['0622220003', '0622220004', '0622220005'])
      assert.equal((await askLoginCode(phone)).status, 200, phone);
    const refused = await askLoginCode('0622220006');
    assert.equal(refused.status, 429);
    const unregistered = await askLoginCode('0622220009');
    assert.equal(unregistered.status, 429, 'the same answer for a number nobody registered');
    assert.equal(unregistered.page, refused.page.replace('0622220006', '0622220009'));
    assert.equal(await hits('codes-national'), 2);
  });

  test('per IP address: past its hourly limit this address gets no code for any number', async () => {
    // This address asked 9 times so far; the tenth still counts, the eleventh is refused before anything else.
    await askLoginCode('0622220007');
    const refused = await askLoginCode('0622220008');
    assert.equal(refused.status, 429);
    assert.equal(await hits('codes-per-ip'), 1);
    const codes = await count(`select count(*)::int as n from verification_codes`);
    assert.equal((await askLoginCode('0622220010')).status, 429);
    assert.equal(
      await count(`select count(*)::int as n from verification_codes`),
      codes,
      'nothing stored once limited',
    );
  });

  test('the dashboard reads the limits and their hits per hour (landelijk beheer only)', async () => {
    const beheer = t.api(await t.staffToken('landelijk-beheer'));
    const response = await beheer.get('/api/v1/abuse-limits?hours=2');
    assert.equal(response.status, 200, JSON.stringify(response.body));
    assert.equal(response.body.limits.codesPerNumberPerHour, 2);
    // National: 0622220006 and 0622220009 above, and 0622220007 (asked after the brake was reached).
    assert.deepEqual(response.body.totals, {
      'codes-per-number': 1,
      'codes-per-ip': 2,
      'codes-national': 3,
      'code-locked': 0,
      'number-not-allowed': 0,
    });
    assert.equal((await t.api(await t.staffToken('gemeente', 'GM0363')).get('/api/v1/abuse-limits')).status, 403);
  });

  test('the counters keep no number or address, only keyed hashes', async () => {
    const keys = await t.system.database.query<{ key_hash: string }>('select key_hash from abuse_counters');
    assert.ok(keys.length > 0);
    for (const { key_hash } of keys) assert.match(key_hash, /^([0-9a-f]{64}|nl)$/);
    const codes = await t.system.database.query<{ row: string }>(
      'select row_to_json(v)::text as row from verification_codes v',
    );
    for (const { row } of codes) assert.ok(!row.includes('3162222') && !row.includes('127.0.0.1'), row);
  });
});

describe('the national brake on codes counts what is sent, not what is asked', () => {
  let t: TestSystem;
  before(async () => {
    t = await startTestSystem({ CODE_LIMIT_PER_IP_PER_HOUR: '1000', CODE_LIMIT_NATIONAL_PER_HOUR: '20' });
    await registerParticipant(t.api(await t.staffToken('landelijk-beheer')), 'Echte Deelnemer', [
      { phone: '0633330001', postcode: '1012AB', houseNumber: 1 },
    ]);
  });
  after(() => t.stop());

  test('21 logins for numbers and addresses nobody registered leave sign-up and login open for everyone else', async () => {
    const ask = async (doel: string) => {
      const browser = new FormSession(t.url);
      await browser.get('/mijn-gegevens/inloggen');
      return (await browser.post('/mijn-gegevens/inloggen', { doel })).status;
    };
    for (let i = 0; i < 21; i++) {
      const doel = i % 2 === 0 ? `06 4444 ${String(1000 + i)}` : `niemand${i}@voorbeeld.nl`;
      assert.equal(await ask(doel), 200, doel);
    }
    assert.equal(await ask('06 3333 0001'), 200, 'a registered number still gets its code');
    await eventually(() =>
      assert.ok(
        t.system.sms.simulator!.messages.some((m) => m.to === '+31633330001'),
        'the code was sent',
      ),
    );
    assert.equal(t.system.sms.simulator!.messages.length, 1, 'and nothing else was');
  });
});
