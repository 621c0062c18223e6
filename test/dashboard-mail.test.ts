import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
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
import { createStaffLogin, PortalClient } from './support/plein.js';
import { eventually, startTestSystem, type ApiClient, type TestSystem } from './support/test-system.js';

/** The dashboard's Burgernetmail figures, counted from mails that really went out and an answer that came back. */
describe('the dashboard counts Burgernetmail', () => {
  let t: TestSystem;
  let amsterdam: ApiClient;
  let landelijk: ApiClient;

  before(async () => {
    t = await startTestSystem(MAIL_ENV());
    landelijk = t.api(await t.staffToken('landelijk-beheer'));
    amsterdam = t.api(await t.staffToken('gemeente', 'GM0363'));
    for (let i = 0; i < 12; i++) {
      await participantWithEmail(t, landelijk, {
        name: `Bewoner ${i}`,
        email: `bewoner${i}@voorbeeld.nl`,
        postcode: '1012 AB',
        houseNumber: i + 1,
        phone: `06123490${String(i).padStart(2, '0')}`,
      });
    }
    await participantWithEmail(t, landelijk, {
      name: 'Utrechter',
      email: 'utrechter@voorbeeld.nl',
      postcode: '3511 AB',
      houseNumber: 3,
      phone: '0612349099',
    });
    await participantWithEmail(t, landelijk, {
      name: 'Nog niet bevestigd',
      email: 'later@voorbeeld.nl',
      postcode: '1012 AB',
      houseNumber: 50,
      phone: '0612349098',
      confirmed: false,
    });

    const created = await amsterdam.post('/api/v1/mails', {
      templateId: await templateId(amsterdam, 'buurtonderzoek'),
      fields: { datum: '2026-03-03', straat: 'Nieuwendijk', omschrijving: 'Inbraak in een winkel.' },
      audience: { kind: 'gemeente', gemeenteCode: 'GM0363' },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const mailId = created.body.id as string;
    assert.equal((await amsterdam.post(`/api/v1/mails/${mailId}/send`, {})).status, 200);
    await sentMail(amsterdam, mailId);
    // The simulator reports delivery for each: a delivered mail is still one person reached, not two.
    await eventually(async () =>
      assert.equal((await amsterdam.get(`/api/v1/mails/${mailId}`)).body.figures.delivered, 12),
    );

    const [message] = messagesTo(t.system.email.simulator!, 'bewoner4@voorbeeld.nl');
    const form = await openForm(localUrl(t, linksIn(await parse(message!)).answer!));
    const answered = await postAnswer(
      t.url,
      form,
      { tekst: 'Ik zag een bestelbus zonder kenteken voor de winkel staan.' },
      null,
    );
    assert.equal(answered.status, 201, answered.text.slice(0, 300));
  });
  after(() => t.stop());

  test('the gemeente that sent a buurtonderzoek sees its mail, the people it reached and that an answer came', async () => {
    const view = await amsterdam.get('/api/v1/dashboard/gemeenten/GM0363/email');
    assert.equal(view.status, 200, JSON.stringify(view.body));
    assert.equal(view.body.confirmedSubscribers, 12, 'the unconfirmed address does not count');
    assert.deepEqual(view.body.mail, {
      mailsReaching: 1,
      mailsReachingByKind: [{ kind: 'buurtonderzoek', mails: 1 }],
      ownMails: 1,
      ownRecipients: 12,
      buurtonderzoekAnswers: '< 10',
    });
  });

  test('another gemeente counts none of it', async () => {
    const view = await landelijk.get('/api/v1/dashboard/gemeenten/GM0344/email');
    assert.equal(view.status, 200);
    assert.equal(view.body.confirmedSubscribers, '< 10');
    assert.deepEqual(view.body.mail, {
      mailsReaching: 0,
      mailsReachingByKind: [],
      ownMails: 0,
      ownRecipients: 0,
      buurtonderzoekAnswers: 0,
    });
  });

  test('the dashboard page and its CSV show the same figures', async () => {
    const portal = new PortalClient(t.url);
    assert.equal(await portal.logIn(await createStaffLogin(t, 'gemeente', 'GM0363'), t.clock.now()), 303);
    const csv = await portal.get('/plein/dashboard/GM0363/csv/burgernetmail');
    assert.equal(csv.status, 200);
    const rows = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    assert.ok(rows.includes('Burgernetmails verstuurd door de gemeente;1'), rows.join(' | '));
    assert.ok(rows.includes('Ontvangers van die mails;12'), rows.join(' | '));
    assert.ok(rows.includes('Antwoorden op buurtonderzoek uit de gemeente;< 10'), rows.join(' | '));
    const page = await portal.get('/plein/dashboard/GM0363');
    assert.match(page.text, /<table data-table="burgernetmail">/);
  });
});
