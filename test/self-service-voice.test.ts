import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { FormSession, hiddenValue } from './support/form-session.js';
import { eventually, startTestSystem, type TestSystem } from './support/test-system.js';
import { receivedMail } from './support/mail.js';

const LANDLINE = '+31205550199';
// A phone call cannot be read back as text here, so the test chooses the code (as it chooses the time with a clock).
const CODE = '482913';

/** A landline for voice is verified by a call that speaks the code; and nothing personal reaches the log. */
describe('signing up a landline with a spoken code, over HTTP and SIP', () => {
  let t: TestSystem;
  const logLines: string[] = [];

  before(async () => {
    const logDestination = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        logLines.push(chunk.toString('utf8'));
        callback();
      },
    });
    t = await startTestSystem({ LOG_LEVEL: 'debug' }, { oneTimeCodes: () => CODE, logDestination });
  });
  after(() => t.stop());

  const FORM = {
    naam: 'Gerrit Vast',
    postcode: '1012 AB',
    huisnummer: '20',
    toevoeging: '',
    kanaal: 'voice',
    telefoon: '020 555 0199',
    email: 'gerrit@example.nl',
    akkoord: 'ja',
  };

  test('the code is spoken in a call to the landline (no SMS), and entering it signs up the voice registration', async () => {
    const browser = new FormSession(t.url);
    await browser.get('/aanmelden');
    const codePage = await browser.post('/aanmelden/code', FORM);
    assert.equal(codePage.status, 200, codePage.text);
    assert.match(codePage.text, /Wij bellen het nummer/);
    const call = await eventually(() => {
      const c = t.system.voice.simulator!.callsTo(LANDLINE)[0] ?? assert.fail('no call yet');
      assert.equal(c.state, 'ended');
      return c;
    }, 60_000);
    assert.equal(call.finalStatus, 200, 'answered');
    assert.ok(call.audioBytes > 8_000 * 2, `the code was spoken (${call.audioBytes} samples of audio)`);
    assert.equal(t.system.sms.simulator!.countByNumber(LANDLINE), 0, 'no SMS to a landline');
    await eventually(async () => {
      const [row] = await t.system.database.query<{ send_status: string }>(
        `select send_status from verification_codes`,
      );
      assert.equal(row?.send_status, 'sent');
    });

    const done = await browser.post('/aanmelden/bevestigen', {
      ...FORM,
      verificatie: hiddenValue(codePage.text, 'verificatie')!,
      code: CODE,
    });
    assert.equal(done.status, 200, done.text);
    const [registration] = await t.system.database.query<{ channel: string }>(
      `select channel from registrations where msisdn = $1`,
      [LANDLINE],
    );
    assert.equal(registration?.channel, 'voice');
  });

  test('once the e-mail address is confirmed, the participant logs in with a code by e-mail', async () => {
    const mail = await receivedMail(t, (m) => m.to.includes('gerrit@example.nl'));
    const link = new URL(/https?:\/\/\S+\/e-mail\/bevestigen\?t=\S+/.exec(mail.text)![0]);
    const browser = new FormSession(t.url);
    const confirmPage = await browser.get(link.pathname + link.search);
    assert.equal((await browser.post('/e-mail/bevestigen', { t: hiddenValue(confirmPage.text, 't')! })).status, 200);

    await browser.get('/mijn-gegevens/inloggen');
    const codePage = await browser.post('/mijn-gegevens/inloggen', { doel: 'Gerrit@Example.nl' });
    assert.equal(codePage.status, 200, codePage.text);
    const codeMail = await receivedMail(t, (m) => m.subject === 'Uw Burgernet-code');
    assert.equal(codeMail.unsubscribeUrl, null);
    const code = /(\d{6})/.exec(codeMail.text)![1]!;
    const login = await browser.post('/mijn-gegevens/code', {
      verificatie: hiddenValue(codePage.text, 'verificatie')!,
      code,
      doel: 'Gerrit@Example.nl',
    });
    assert.equal(login.status, 303);
    assert.match((await browser.get('/mijn-gegevens')).text, /Gerrit Vast/);
  });

  test('no name, number, address, e-mail address or code appears in the log', async () => {
    const log = logLines.join('');
    assert.ok(log.length > 0, 'the test reads a log');
    for (const trace of ['Gerrit', '205550199', '555 0199', '1012', 'gerrit@', 'Example.nl', CODE])
      assert.ok(!log.includes(trace), `"${trace}" in the log`);
  });
});
