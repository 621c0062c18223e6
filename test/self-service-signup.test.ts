import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { FormSession, hiddenValue } from './support/form-session.js';
import { eventually, startTestSystem, type TestSystem } from './support/test-system.js';
import { receivedMail } from './support/mail.js';

/** Sign-up, login and the code rules over HTTP, as a browser's forms post them. */
describe('signing up with a code by SMS, over HTTP and SMPP', () => {
  let t: TestSystem;
  const count = async (sql: string, params: unknown[] = []) =>
    (await t.system.database.query<{ n: number }>(sql, params))[0]!.n;
  const smsTo = (msisdn: string) => t.system.sms.simulator!.messages.filter((m) => m.to === msisdn);
  const codeIn = (text: string) => /(\d{6})/.exec(text)?.[1] ?? assert.fail(`no code in ${text}`);
  const FORM = {
    naam: 'Sanne de Vries',
    postcode: '3511 ab',
    huisnummer: '10',
    toevoeging: 'a',
    kanaal: 'sms',
    telefoon: '06 1111 0001',
    email: 'sanne@example.nl',
    akkoord: 'ja',
  };

  before(async () => {
    t = await startTestSystem({
      CODE_MAX_ATTEMPTS: '3',
      CODE_VALIDITY_MINUTES: '10',
      CODE_LIMIT_PER_NUMBER_PER_HOUR: '2',
      CODE_LIMIT_PER_IP_PER_HOUR: '8',
      CODE_LIMIT_NATIONAL_PER_HOUR: '5',
    });
  });
  after(() => t.stop());

  test('the form shows the address back, sends a code, and stores the participant only when the code is entered', async () => {
    const browser = new FormSession(t.url);
    assert.equal((await browser.get('/aanmelden')).status, 200);
    const confirm = await browser.post('/aanmelden', FORM);
    assert.equal(confirm.status, 200, confirm.text);
    assert.match(confirm.text, /3511 AB 10 A, Utrecht — klopt dit\?/);
    assert.match(confirm.text, /gemeente Utrecht/);
    assert.equal(await count('select count(*)::int as n from participants'), 0);

    const codePage = await browser.post('/aanmelden/code', FORM);
    assert.equal(codePage.status, 200, codePage.text);
    const verificationId = hiddenValue(codePage.text, 'verificatie');
    assert.ok(verificationId);
    const sms = await eventually(() => smsTo('+31611110001')[0] ?? assert.fail('no SMS yet'));
    const code = codeIn(sms.text);
    assert.equal(await count('select count(*)::int as n from participants'), 0, 'nothing stored before the code');
    assert.equal(
      await count(
        'select count(*)::int as n from verification_codes where code_hash like $1 or payload::text like $1',
        [`%${code}%`],
      ),
      0,
      'the code is kept hashed',
    );

    const done = await browser.post('/aanmelden/bevestigen', { ...FORM, verificatie: verificationId, code });
    assert.equal(done.status, 200, done.text);
    assert.match(done.text, /U bent aangemeld/);
    assert.ok(browser.cookie('__Host-burgernet_mijn'), 'logged in to Mijn gegevens');
    const session = done.headers.getSetCookie().find((c) => c.startsWith('__Host-burgernet_mijn='));
    assert.match(session ?? '', /; Secure/i, 'the session cookie is Secure (and so may carry the __Host- name)');
    assert.match(session ?? '', /; HttpOnly/i);
    assert.match(session ?? '', /; SameSite=Strict/i);
    assert.doesNotMatch(session ?? '', /; Domain=/i);
    const [stored] = await t.system.database.query<{
      name: string;
      email: string;
      email_confirmed_at: Date | null;
      msisdn: string;
      gemeente_code: string;
      house_number_addition: string;
    }>(
      `select p.name, p.email, p.email_confirmed_at, r.msisdn, r.gemeente_code, r.house_number_addition from participants p join registrations r on r.participant_id = p.id`,
    );
    assert.deepEqual(
      { ...stored, email_confirmed_at: stored?.email_confirmed_at ?? null },
      {
        name: 'Sanne de Vries',
        email: 'sanne@example.nl',
        email_confirmed_at: null,
        msisdn: '+31611110001',
        gemeente_code: 'GM0344',
        house_number_addition: 'A',
      },
    );
    assert.equal(
      await count(`select count(*)::int as n from verification_codes where payload is not null`),
      0,
      'the sign-up details left the code once used',
    );

    // The same code again, from a fresh form (a token of the form before the login belongs to the anonymous visit).
    await browser.get('/aanmelden');
    const again = await browser.post('/aanmelden/bevestigen', { ...FORM, verificatie: verificationId, code });
    assert.equal(again.status, 422);
    assert.match(again.text, /verlopen of al gebruikt/);
  });

  test('the e-mail address is confirmed by following the link in the mail (double opt-in), and unsubscribed in one click', async () => {
    // The confirmation goes over SMTP, like every mail: here to the relay simulator, read as a mail program would.
    const mail = await receivedMail(t, (m) => m.to.includes('sanne@example.nl'));
    assert.ok(mail.unsubscribeUrl && mail.listUnsubscribePost === 'List-Unsubscribe=One-Click');
    const link = new URL(/https?:\/\/\S+\/e-mail\/bevestigen\?t=\S+/.exec(mail.text)![0]);
    assert.ok(!link.search.includes('sanne') && !link.search.includes('example'), 'no e-mail address in the link');
    const browser = new FormSession(t.url);
    const page = await browser.get(link.pathname + link.search);
    assert.equal(page.status, 200, page.text);
    assert.equal(
      await count('select count(*)::int as n from participants where email_confirmed_at is not null'),
      0,
      'opening the link only asks',
    );
    const confirmed = await browser.post('/e-mail/bevestigen', { t: hiddenValue(page.text, 't')! });
    assert.equal(confirmed.status, 200, confirmed.text);
    assert.equal(await count('select count(*)::int as n from participants where email_confirmed_at is not null'), 1);

    // RFC 8058: the mail program posts to the List-Unsubscribe address, without cookies or CSRF token.
    const unsubscribe = new URL(mail.unsubscribeUrl);
    const oneClick = await fetch(`${t.url}${unsubscribe.pathname}${unsubscribe.search}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    assert.equal(oneClick.status, 200);
    assert.equal(await count(`select count(*)::int as n from participants where email is not null`), 0);
  });

  test('a wrong code is refused a few times, then the code is dead even when right (and the lock is counted)', async () => {
    const browser = new FormSession(t.url);
    await browser.get('/aanmelden');
    const form = { ...FORM, telefoon: '06 1111 0002', email: '' };
    const codePage = await browser.post('/aanmelden/code', form);
    const verificationId = hiddenValue(codePage.text, 'verificatie')!;
    const code = codeIn((await eventually(() => smsTo('+31611110002')[0] ?? assert.fail('no SMS'))).text);
    const wrong = code === '000000' ? '111111' : '000000';
    const first = await browser.post('/aanmelden/bevestigen', { ...form, verificatie: verificationId, code: wrong });
    assert.match(first.text, /nog 2 keer/);
    await browser.post('/aanmelden/bevestigen', { ...form, verificatie: verificationId, code: wrong });
    const third = await browser.post('/aanmelden/bevestigen', { ...form, verificatie: verificationId, code: wrong });
    assert.match(third.text, /te vaak verkeerd/);
    const right = await browser.post('/aanmelden/bevestigen', { ...form, verificatie: verificationId, code });
    assert.equal(right.status, 422);
    assert.equal(await count(`select count(*)::int as n from registrations where msisdn = '+31611110002'`), 0);
    assert.equal(
      await count(`select coalesce(sum(hits), 0)::int as n from abuse_limit_hits where limit_name = 'code-locked'`),
      1,
    );
  });

  test('a code entered after it expired does not work', async () => {
    const browser = new FormSession(t.url);
    await browser.get('/aanmelden');
    const form = { ...FORM, telefoon: '06 1111 0003', email: '' };
    const verificationId = hiddenValue((await browser.post('/aanmelden/code', form)).text, 'verificatie')!;
    const code = codeIn((await eventually(() => smsTo('+31611110003')[0] ?? assert.fail('no SMS'))).text);
    const now = t.clock.now();
    t.clock.set(new Date(now.getTime() + 11 * 60_000));
    try {
      const late = await browser.post('/aanmelden/bevestigen', { ...form, verificatie: verificationId, code });
      assert.equal(late.status, 422);
      assert.match(late.text, /verlopen/);
    } finally {
      t.clock.set(now);
    }
    assert.equal(await count(`select count(*)::int as n from registrations where msisdn = '+31611110003'`), 0);
  });

  test('without the CSRF token nothing happens', async () => {
    const before = t.system.sms.simulator!.messages.length;
    const response = await new FormSession(t.url).post(
      '/aanmelden/code',
      { ...FORM, telefoon: '06 1111 0009' },
      { withCsrf: false },
    );
    assert.equal(response.status, 403);
    assert.match(response.text, /Formulier verlopen/);
    assert.equal(await count(`select count(*)::int as n from verification_codes`), 3);
    assert.equal(t.system.sms.simulator!.messages.length, before);
  });

  test('codes go only to Dutch mobile numbers and landlines: a Belgian mobile or a premium number gets none', async () => {
    const browser = new FormSession(t.url);
    await browser.get('/aanmelden');
    const before = t.system.sms.simulator!.messages.length;
    const belgian = await browser.post('/aanmelden/code', { ...FORM, telefoon: '+32 470 12 34 56', email: '' });
    assert.equal(belgian.status, 422);
    assert.match(belgian.text, /Nederlands nummer/);
    const premium = await browser.post('/aanmelden/code', {
      ...FORM,
      telefoon: '0900 1234567',
      kanaal: 'voice',
      email: '',
    });
    assert.equal(premium.status, 422);
    assert.equal(t.system.sms.simulator!.messages.length, before);
    assert.ok(
      (await count(
        `select coalesce(sum(hits), 0)::int as n from abuse_limit_hits where limit_name = 'number-not-allowed'`,
      )) >= 1,
    );
  });
});
