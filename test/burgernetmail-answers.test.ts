import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import {
  linksIn,
  localUrl,
  MAIL_ENV,
  messagesTo,
  openForm,
  parse,
  participantWithEmail,
  postAnswer,
  sentMail,
  templateId,
} from './support/mail.js';
import { startTestSystem, type ApiClient, type TestSystem } from './support/test-system.js';

describe('answers to a buurtonderzoek', () => {
  let t: TestSystem;
  let police: ApiClient;
  let amsterdam: ApiClient;
  let utrecht: ApiClient;
  let mailId: string;
  let answerUrl: string;

  before(async () => {
    t = await startTestSystem({ ...MAIL_ENV(), MAIL_ANSWERS_PER_LINK: '2', MAIL_ANSWER_DAYS: '14' });
    police = t.api(await t.staffToken('centralist', 'RE05'));
    amsterdam = t.api(await t.staffToken('gemeente', 'GM0363'));
    utrecht = t.api(await t.staffToken('gemeente', 'GM0344'));
    const landelijk = t.api(await t.staffToken('landelijk-beheer'));
    await participantWithEmail(t, landelijk, {
      name: 'Gijs',
      email: 'gijs@voorbeeld.nl',
      postcode: '1012 AB',
      houseNumber: 9,
      phone: '0612348001',
    });
    const created = await police.post('/api/v1/mails', {
      templateId: await templateId(police, 'buurtonderzoek'),
      fields: { datum: '2026-06-01', straat: 'Warmoesstraat', omschrijving: 'Brandstichting in een portiek.' },
      audience: { kind: 'area', area: { kind: 'circle', centre: { lat: 52.3731, lon: 4.8926 }, radiusMetres: 2000 } },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    mailId = created.body.id;
    assert.equal((await police.post(`/api/v1/mails/${mailId}/send`, {})).status, 200);
    await sentMail(police, mailId);
    const [message] = messagesTo(t.system.email.simulator!, 'gijs@voorbeeld.nl');
    answerUrl = localUrl(t, linksIn(await parse(message!)).answer!);
  });
  after(() => t.stop());

  test('the personal link opens the form without login; an answer with a photo and contact details arrives for the police and the gemeente reached', async () => {
    const form = await openForm(answerUrl);
    assert.equal(form.status, 200);
    assert.match(form.text, /Ik heb iets gezien/);
    const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c00' } })
      .jpeg()
      .toBuffer();
    const answered = await postAnswer(
      t.url,
      form,
      {
        tekst: 'Ik zag twee mensen wegrennen <b>richting</b> het Damrak.',
        wanneer: 'maandagnacht 02:10',
        waar: 'hoek Warmoesstraat',
        naam: 'Gijs',
        telefoon: '0612348001',
        email: 'gijs@voorbeeld.nl',
      },
      photo,
    );
    assert.equal(answered.status, 201, answered.text.slice(0, 500));
    assert.match(answered.text, /Uw antwoord is ontvangen/);

    const answers = await police.get(`/api/v1/mails/${mailId}/answers`);
    assert.equal(answers.status, 200);
    const [answer] = answers.body.items;
    assert.equal(answer.text, 'Ik zag twee mensen wegrennen <b>richting</b> het Damrak.');
    assert.deepEqual(
      [answer.seenWhen, answer.seenWhere, answer.contact.name],
      ['maandagnacht 02:10', 'hoek Warmoesstraat', 'Gijs'],
    );
    assert.equal(answer.photo.contentType, 'image/jpeg');
    assert.equal((await police.get(`/api/v1/mails/${mailId}`)).body.figures.answered, 1);

    // The gemeente whose residents got it reads the answers too; another gemeente does not.
    assert.equal((await amsterdam.get(`/api/v1/mails/${mailId}/answers`)).status, 200);
    assert.equal((await utrecht.get(`/api/v1/mails/${mailId}/answers`)).status, 403);
    const csv = await amsterdam.get(`/api/v1/mails/${mailId}/answers/export`);
    assert.equal(csv.status, 200);
    assert.match(String(csv.body), /"Ik zag twee mensen wegrennen <b>richting<\/b> het Damrak\."/);
    const events = await t.system.database.query<{ event: string; actor_name: string }>(
      `select event, actor_name from audit_log where subject_type = 'mail' and event like 'mail.answers-%' order by id`,
    );
    assert.deepEqual(
      events.map((e) => [e.event, e.actor_name]),
      [
        ['mail.answers-read', 'centralist RE05'],
        ['mail.answers-read', 'gemeente GM0363'],
        ['mail.answers-exported', 'gemeente GM0363'],
      ],
    );
  });

  test('the photo is served to staff who may read the answers, cleaned', async () => {
    const [answer] = (await police.get(`/api/v1/mails/${mailId}/answers`)).body.items;
    const token = await t.staffToken('centralist', 'RE05');
    const response = await fetch(t.url + answer.photo.url, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'image/jpeg');
    const metadata = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
    assert.equal(metadata.exif, undefined);
    const other = await fetch(t.url + answer.photo.url, {
      headers: { authorization: `Bearer ${await t.staffToken('gemeente', 'GM0344')}` },
    });
    assert.equal(other.status, 403);
    await other.body?.cancel();
  });

  test('a link answers a limited number of times; a forged or expired link is refused', async () => {
    const formA = await openForm(answerUrl);
    const formB = await openForm(answerUrl);
    const second = await postAnswer(t.url, formA, { tekst: 'Nog iets: een witte bestelbus.' }, null);
    assert.equal(second.status, 201);
    assert.equal((await openForm(answerUrl)).status, 429, 'two answers per link');

    const forged = answerUrl.replace(/t=(.)/, (_m, c: string) => `t=${c === 'A' ? 'B' : 'A'}`);
    assert.equal((await openForm(forged)).status, 410);

    t.clock.set(new Date(t.clock.now().getTime() + 15 * 86_400_000));
    const expired = await openForm(answerUrl);
    assert.equal(expired.status, 410);
    assert.match(expired.text, /werkt niet \(meer\)/);
    const late = await postAnswer(t.url, formB, { tekst: 'Te laat.' }, null);
    assert.equal(late.status, 410, 'a form opened in time cannot be sent after the link expired');
    assert.equal((await police.get(`/api/v1/mails/${mailId}/answers`)).body.items.length, 2);
  });
});
