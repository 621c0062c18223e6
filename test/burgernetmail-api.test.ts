import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { verifyDkim } from './support/dkim-verifier.js';
import {
  header,
  linksIn,
  localUrl,
  MAIL_ENV,
  messagesTo,
  parse,
  participantWithEmail,
  sentMail,
  templateId,
} from './support/mail.js';
import { eventually, startTestSystem, type ApiClient, type TestSystem } from './support/test-system.js';

/**
 * Burgernetmail end to end: a gemeente writes a buurtonderzoek from the national template, counts and sends it to
 * its whole gemeente; the real SMTP adapter delivers it to the simulator (DKIM, one-click unsubscribe, Reply-To,
 * VERP); a bounce and delivery notifications come back through the inbound listener; the unsubscribe link and the
 * hard bounce stop further mail; another gemeente is refused (403, audited).
 */
describe('Burgernetmail over the API', () => {
  let t: TestSystem;
  let amsterdam: ApiClient;
  let amsterdamBeheer: ApiClient;
  let utrecht: ApiClient;
  const ids: Record<string, string> = {};

  before(async () => {
    t = await startTestSystem(MAIL_ENV());
    amsterdam = t.api(await t.staffToken('gemeente', 'GM0363'));
    amsterdamBeheer = t.api(await t.staffToken('gemeente-beheer', 'GM0363'));
    utrecht = t.api(await t.staffToken('gemeente', 'GM0344'));
    const landelijk = t.api(await t.staffToken('landelijk-beheer'));
    ids.anna = await participantWithEmail(t, landelijk, {
      name: 'Anna',
      email: 'anna@voorbeeld.nl',
      postcode: '1012 AB',
      houseNumber: 1,
      phone: '0612345001',
    });
    ids.bram = await participantWithEmail(t, landelijk, {
      name: 'Bram',
      email: 'bram@voorbeeld.nl',
      postcode: '1012 AB',
      houseNumber: 2,
      phone: '0612345002',
    });
    ids.cees = await participantWithEmail(t, landelijk, {
      name: 'Cees',
      email: 'cees@bestaat-niet.invalid',
      postcode: '1013 AA',
      houseNumber: 3,
      phone: '0612345003',
    });
    ids.dirk = await participantWithEmail(t, landelijk, {
      name: 'Dirk',
      email: 'dirk@voorbeeld.nl',
      postcode: '1012 AB',
      houseNumber: 4,
      phone: '0612345004',
      confirmed: false,
    });
    ids.els = await participantWithEmail(t, landelijk, {
      name: 'Els',
      email: 'els@voorbeeld.nl',
      postcode: '3511 AB',
      houseNumber: 5,
      phone: '0612345005',
    });
  });
  after(() => t.stop());

  test('a buurtonderzoek goes to the confirmed addresses of the own gemeente, signed and with the headers mail programs need', async () => {
    assert.equal(
      (
        await amsterdamBeheer.put('/api/v1/mail-sender', {
          senderName: 'Gemeente Amsterdam, team Veiligheid',
          replyTo: 'veiligheid@amsterdam.nl',
        })
      ).status,
      200,
    );
    const count = await amsterdam.post('/api/v1/audience-counts', {
      audience: { kind: 'gemeente', gemeenteCode: 'GM0363' },
    });
    assert.deepEqual([count.status, count.body], [200, { recipients: 3, summary: 'De hele gemeente Amsterdam' }]);

    const created = await amsterdam.post('/api/v1/mails', {
      templateId: await templateId(amsterdam, 'buurtonderzoek'),
      fields: {
        datum: '2026-05-12',
        tijd: '21:30',
        straat: 'Damstraat',
        omschrijving: 'Inbraak in een woning. <script>alert(1)</script> & <b>vet</b>',
        contact: 'Wijkagent Jansen',
      },
      audience: { kind: 'gemeente', gemeenteCode: 'GM0363' },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const mailId = created.body.id as string;
    const preview = await amsterdam.get(`/api/v1/mails/${mailId}/preview`);
    assert.equal(preview.status, 200);
    assert.ok(!preview.body.html.includes('<script>'), 'no markup from a field reaches the HTML');
    assert.ok(preview.body.html.includes('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;vet&lt;/b&gt;'));
    assert.match(preview.body.subject, /Damstraat/);

    const sent = await amsterdam.post(`/api/v1/mails/${mailId}/send`, {});
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    const done = await sentMail(amsterdam, mailId);
    assert.equal(done.figures.recipients, 3);
    assert.equal(done.figures.sent, 3);

    const simulator = t.system.email.simulator!;
    assert.equal(messagesTo(simulator, 'dirk@voorbeeld.nl').length, 0, 'not confirmed: no mail');
    assert.equal(messagesTo(simulator, 'els@voorbeeld.nl').length, 0, 'another gemeente: no mail');
    const [message] = messagesTo(simulator, 'anna@voorbeeld.nl');
    assert.ok(message);
    assert.match(message.from, /^bounce\+\d+-[0-9a-f]{12}@bounce\.burgernet\.nl$/, 'a VERP return path per recipient');
    const parsed = await parse(message);
    assert.equal(parsed.subject, 'Buurtonderzoek: heeft u iets gezien of gehoord? (Damstraat)');
    assert.equal(parsed.from?.value[0]?.name, 'Gemeente Amsterdam, team Veiligheid');
    assert.equal(parsed.replyTo?.value[0]?.address, 'veiligheid@amsterdam.nl');
    assert.match(
      header(parsed, 'list-unsubscribe') ?? '',
      /^<http:\/\/burgernet\.test\/burgernetmail\/afmelden\?t=[^>]+>$/,
    );
    assert.equal(header(parsed, 'list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
    assert.match(parsed.text ?? '', /Op dinsdag 12 mei 2026 rond 21:30 uur is er iets gebeurd in de Damstraat\./);
    assert.match(parsed.text ?? '', /<script>alert\(1\)<\/script>/, 'the text part shows what was typed, as text');
    assert.ok(!String(parsed.html).includes('<script>'));
    assert.match(String(parsed.html), /Ik heb iets gezien/);
    assert.ok(!/<img/i.test(String(parsed.html)), 'no images, no tracking pixel');
    const links = linksIn(parsed);
    assert.ok(links.answer !== null, 'a buurtonderzoek carries an answer link');
    const dkim = verifyDkim(message.raw, t.system.email.dkim!.dnsRecord);
    assert.equal(dkim.reason, 'pass');
    assert.ok(dkim.signedHeaders.includes('list-unsubscribe-post'));
  });

  test('a hard bounce through the inbound listener and delivery notifications are counted; the bounced address gets no more mail', async () => {
    const [mail] = (await amsterdam.get('/api/v1/mails')).body.items as { id: string }[];
    const figures = await eventually(async () => {
      const f = (await amsterdam.get(`/api/v1/mails/${mail!.id}`)).body.figures;
      assert.deepEqual([f.bounced, f.delivered], [1, 2]);
      return f;
    });
    assert.equal(figures.sent, 3);
    const [row] = await t.system.database.query<{ email_bounced_at: Date | null }>(
      'select email_bounced_at from participants where id = $1',
      [ids.cees],
    );
    assert.ok(row?.email_bounced_at instanceof Date);
    const count = await amsterdam.post('/api/v1/audience-counts', {
      audience: { kind: 'gemeente', gemeenteCode: 'GM0363' },
    });
    assert.equal(count.body.recipients, 2);
  });

  test('one-click unsubscribe (RFC 8058) from the header works without login and stops further mail; the mail counts it', async () => {
    const simulator = t.system.email.simulator!;
    const [message] = messagesTo(simulator, 'bram@voorbeeld.nl');
    const parsed = await parse(message!);
    const url = (header(parsed, 'list-unsubscribe') ?? '').replace(/^<|>$/g, '');
    const response = await fetch(localUrl(t, url), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    assert.equal(response.status, 200);
    await response.text();
    const [row] = await t.system.database.query<{ email: string | null }>(
      'select email from participants where id = $1',
      [ids.bram],
    );
    assert.equal(row?.email, null);
    const mails = (await amsterdam.get('/api/v1/mails')).body.items as {
      id: string;
      figures: { unsubscribed: number };
    }[];
    assert.equal(mails[0]!.figures.unsubscribed, 1);

    // The next mail reaches only Anna: Bram unsubscribed, Cees bounced.
    const second = await amsterdam.post('/api/v1/mails', {
      templateId: await templateId(amsterdam, 'preventietips'),
      fields: {},
      audience: { kind: 'postcodes', ranges: [{ from: '1012', to: '1013' }] },
    });
    assert.equal(second.status, 201, JSON.stringify(second.body));
    assert.equal((await amsterdam.post(`/api/v1/mails/${second.body.id}/send`, {})).status, 200);
    const done = await sentMail(amsterdam, second.body.id);
    assert.deepEqual([done.figures.recipients, done.figures.sent], [1, 1]);
    assert.equal(messagesTo(simulator, 'anna@voorbeeld.nl').length, 2);
    assert.equal(messagesTo(simulator, 'bram@voorbeeld.nl').length, 1);
    assert.equal(messagesTo(simulator, 'cees@bestaat-niet.invalid').length, 1);
    const [tips] = messagesTo(simulator, 'anna@voorbeeld.nl').slice(-1);
    assert.equal(linksIn(await parse(tips!)).answer, null, 'only a buurtonderzoek asks for answers');
  });

  test("a gemeente cannot mail or see another gemeente's participants: 403, written in the audit log", async () => {
    const before = await t.system.database.query<{ n: number }>(
      `select count(*)::int as n from audit_log where event = 'mail.denied'`,
    );
    const count = await utrecht.post('/api/v1/audience-counts', {
      audience: { kind: 'gemeente', gemeenteCode: 'GM0363' },
    });
    assert.deepEqual([count.status, count.body.code], [403, 'mail.outside-scope']);
    const draft = await utrecht.post('/api/v1/mails', {
      templateId: await templateId(utrecht, 'nieuwsbrief'),
      fields: { omschrijving: 'x' },
      audience: { kind: 'gemeente', gemeenteCode: 'GM0363' },
    });
    assert.deepEqual([draft.status, draft.body.code], [403, 'mail.outside-scope']);
    const [amsterdamMail] = (await amsterdam.get('/api/v1/mails')).body.items as { id: string }[];
    assert.equal((await utrecht.get(`/api/v1/mails/${amsterdamMail!.id}`)).status, 403);
    assert.equal((await utrecht.post(`/api/v1/mails/${amsterdamMail!.id}/stop`)).status, 403);
    assert.equal((await utrecht.get(`/api/v1/mails/${amsterdamMail!.id}/answers`)).status, 403);
    const denied = await t.system.database.query<{ n: number }>(
      `select count(*)::int as n from audit_log where event = 'mail.denied'`,
    );
    assert.equal(denied[0]!.n - before[0]!.n, 5);
    const [entry] = await t.system.database.query<{
      actor_name: string;
      details: { attempted: string; gemeenteCode?: string };
    }>(`select actor_name, details from audit_log where event = 'mail.denied' order by id limit 1`);
    assert.deepEqual(
      [entry?.actor_name, entry?.details.attempted, entry?.details.gemeenteCode],
      ['gemeente GM0344', 'audience', 'GM0363'],
    );

    // An area reaching into Amsterdam counts only Utrecht's own participants: here, none.
    const area = await utrecht.post('/api/v1/audience-counts', {
      audience: { kind: 'area', area: { kind: 'circle', centre: { lat: 52.3731, lon: 4.8926 }, radiusMetres: 3000 } },
    });
    assert.equal(area.body.recipients, 0);
    const own = await utrecht.post('/api/v1/audience-counts', {
      audience: { kind: 'postcodes', ranges: [{ from: '3511', to: '3511' }] },
    });
    assert.equal(own.body.recipients, 1);
  });

  test('every send is audited with its audience; a draft cannot be sent twice and a sent mail cannot be stopped', async () => {
    const rows = await t.system.database.query<{ details: { audience: { kind: string }; recipients: number } }>(
      `select details from audit_log where event = 'mail.scheduled' order by id`,
    );
    assert.deepEqual(
      rows.map((r) => [r.details.audience.kind, r.details.recipients]),
      [
        ['gemeente', 3],
        ['postcodes', 1],
      ],
    );
    const [latest] = (await amsterdam.get('/api/v1/mails')).body.items as { id: string }[];
    assert.deepEqual([(await amsterdam.post(`/api/v1/mails/${latest!.id}/send`, {})).body.code], ['mail.wrong-status']);
    assert.deepEqual([(await amsterdam.post(`/api/v1/mails/${latest!.id}/stop`)).body.code], ['mail.wrong-status']);
  });
});
