import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { MAIL_ENV, participantWithEmail, sentMail } from './support/mail.js';
import { createStaffLogin, PortalClient } from './support/plein.js';
import { startTestSystem, type TestSystem } from './support/test-system.js';

/** The portal's mail pages without JavaScript (forms only), templates, and the simulator page of the demo. */
describe('Burgernetmail pages without JavaScript', () => {
  let t: TestSystem;
  let dataDir: string;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'burgernetmail-pages-'));
    // Demo mode (for the simulator page) in a folder of its own: the DKIM key is made there once.
    t = await startTestSystem({ ...MAIL_ENV(), EMAIL_DKIM_PRIVATE_KEY: '', DEMO: 'true', DATA_DIR: dataDir });
    const landelijk = t.api(await t.staffToken('landelijk-beheer'));
    await participantWithEmail(t, landelijk, {
      name: 'Jet',
      email: 'jet@voorbeeld.nl',
      postcode: '1012 AB',
      houseNumber: 21,
      phone: '0612350001',
    });
    await participantWithEmail(t, landelijk, {
      name: 'Kees',
      email: 'kees@voorbeeld.nl',
      postcode: '3511 AB',
      houseNumber: 22,
      phone: '0612350002',
    });
  });
  after(async () => {
    await t.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('gemeentebeheer adds a template and a Reply-To; a mail to a radius around an address is written, counted and sent with forms only', async () => {
    const beheer = new PortalClient(t.url);
    assert.equal(await beheer.logIn(await createStaffLogin(t, 'gemeente-beheer', 'GM0363'), t.clock.now()), 303);
    const templates = await beheer.get('/plein/burgernetmail/sjablonen');
    assert.equal(templates.status, 200);
    assert.match(templates.text, /v=DKIM1|Afzender van uw organisatie/);
    const refused = await beheer.postForm('/plein/burgernetmail/sjablonen', {
      soort: 'uitnodiging',
      naam: 'Buurtavond',
      onderwerp: 'Buurtavond {datum}',
      tekst: 'Welkom {naam}',
    });
    assert.equal(refused.status, 422, 'an unknown field is refused');
    const added = await beheer.postForm('/plein/burgernetmail/sjablonen', {
      soort: 'uitnodiging',
      naam: 'Buurtavond Centrum',
      onderwerp: 'Buurtavond op {datum}',
      tekst: 'Kom naar {plaats} om {tijd}.\n\n{omschrijving}',
    });
    assert.equal(added.status, 303);
    await beheer.get('/plein/burgernetmail/sjablonen');
    assert.equal(
      (
        await beheer.postForm('/plein/burgernetmail/afzender', {
          afzendernaam: '',
          antwoordadres: 'veiligheid@amsterdam.nl',
        })
      ).status,
      200,
    );

    const overview = await beheer.get('/plein/burgernetmail');
    const templateId =
      /href="\/plein\/burgernetmail\/nieuw\?sjabloon=([0-9a-f-]{36})">Uitnodiging: Buurtavond Centrum</.exec(
        overview.text,
      )?.[1];
    assert.ok(templateId, 'the own template is offered');
    const compose = await beheer.get(`/plein/burgernetmail/nieuw?sjabloon=${templateId}`);
    assert.equal(compose.status, 200);
    const incomplete = await beheer.postForm(`/plein/burgernetmail/nieuw?sjabloon=${templateId}`, {
      onderwerp: 'Buurtavond op {datum}',
      tekst: 'x',
      ontvangers: 'adres',
      adresPostcode: '9999 ZZ',
      adresHuisnummer: '1',
      straal: '50',
    });
    assert.equal(incomplete.status, 422);
    assert.match(incomplete.text, /Geef een postcode \(1012 AB\), een huisnummer en een straal van 100 m tot 50 km\./);
    await beheer.get(`/plein/burgernetmail/nieuw?sjabloon=${templateId}`);
    const nothingDrawn = await beheer.postForm(`/plein/burgernetmail/nieuw?sjabloon=${templateId}`, {
      onderwerp: 'Buurtavond op {datum}',
      tekst: 'x',
      ontvangers: 'gebied',
      gebied: '',
    });
    assert.equal(nothingDrawn.status, 422);
    assert.match(nothingDrawn.text, /Teken een gebied op de kaart, of kies een straal rond een adres\./);
    const saved = await beheer.postForm(`/plein/burgernetmail/nieuw?sjabloon=${templateId}`, {
      onderwerp: 'Buurtavond op {datum}',
      tekst: 'Kom naar {plaats} om {tijd}.\n\n{omschrijving}',
      datum: '2026-09-14',
      tijd: '19:30',
      plaats: 'Buurthuis De Dam',
      omschrijving: 'Over inbraken in de buurt.',
      ontvangers: 'adres',
      adresPostcode: '1012 AB',
      adresHuisnummer: '1',
      straal: '3000',
    });
    assert.equal(saved.status, 303, saved.text.slice(0, 300));
    const mailPath = saved.headers.get('location')!.replace(/\?.*$/, '');
    const page = await beheer.get(mailPath);
    assert.match(
      page.text,
      /Nu 1 deelnemer met een bevestigd e-mailadres/,
      'Kees in Utrecht is outside the scope and the radius',
    );
    assert.match(page.text, /Buurtavond op maandag 14 september 2026/);
    assert.match(page.text, /veiligheid@amsterdam\.nl/);
    assert.match(page.text, /<p>1012 AB 1, Amsterdam, straal 3\.000 m<\/p>/, 'the address in words');
    const asked = await beheer.postForm(`${mailPath}/versturen`, { wanneer: 'nu' });
    assert.equal(asked.status, 200, 'the server asks before it sends');
    assert.match(asked.text, /1 deelnemer krijgt de mail &quot;Buurtavond op maandag 14 september 2026&quot;\./);
    assert.match(asked.text, /Verzending: direct na bevestigen\./);
    const sent = await beheer.postForm(`${mailPath}/versturen`, { wanneer: 'nu', bevestigd: '1' });
    assert.equal(sent.status, 303);
    await sentMail(t.api(await t.staffToken('gemeente', 'GM0363')), mailPath.split('/').pop()!);

    // The demo lists what the simulator received, with the links to follow.
    const list = await beheer.get('/plein/burgernetmail/simulator');
    assert.equal(list.status, 200);
    assert.match(list.text, /jet@voorbeeld\.nl/);
    const messageId = /href="\/plein\/burgernetmail\/simulator\/([0-9a-f-]{36})"/.exec(list.text)?.[1];
    const message = await beheer.get(`/plein/burgernetmail/simulator/${messageId}`);
    assert.match(message.text, /List-Unsubscribe-Post/);
    assert.match(message.text, /burgernetmail\/afmelden\?t=/);
  });

  test('scheduling for later, then stopping: nothing goes out', async () => {
    const client = new PortalClient(t.url);
    await client.logIn(await createStaffLogin(t, 'gemeente', 'GM0363'), t.clock.now());
    const overview = await client.get('/plein/burgernetmail');
    const templateId = /href="\/plein\/burgernetmail\/nieuw\?sjabloon=([0-9a-f-]{36})">Nieuwsbrief/.exec(
      overview.text,
    )?.[1];
    await client.get(`/plein/burgernetmail/nieuw?sjabloon=${templateId}`);
    const saved = await client.postForm(`/plein/burgernetmail/nieuw?sjabloon=${templateId}`, {
      onderwerp: 'Nieuwsbrief',
      tekst: '{omschrijving}',
      omschrijving: 'Nieuws.',
      ontvangers: 'postcodes',
      postcodes: '1012',
    });
    assert.equal(saved.status, 303);
    const mailPath = saved.headers.get('location')!.replace(/\?.*$/, '');
    await client.get(mailPath);
    const badMoment = await client.postForm(`${mailPath}/versturen`, { wanneer: 'later', moment: 'morgen' });
    assert.equal(badMoment.status, 422);
    await client.get(mailPath);
    const later = await client.postForm(`${mailPath}/versturen`, {
      wanneer: 'later',
      moment: '2099-01-01T10:00',
      bevestigd: '1',
    });
    assert.equal(later.status, 422, 'more than 90 days ahead');
    await client.get(mailPath);
    const inAWeek = new Date(t.clock.now().getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
    assert.equal(
      (await client.postForm(`${mailPath}/versturen`, { wanneer: 'later', moment: `${inAWeek}T10:00`, bevestigd: '1' }))
        .status,
      303,
    );
    const scheduled = await client.get(mailPath);
    assert.match(scheduled.text, /Gepland voor/);
    assert.equal((await client.postForm(`${mailPath}/stoppen`, {})).status, 303);
    const stopped = await client.get(mailPath);
    assert.match(stopped.text, /gestopt/);
    const id = mailPath.split('/').pop()!;
    const [row] = await t.system.database.query<{ status: string; recipients: number }>(
      'select status, recipients from mails where id = $1',
      [id],
    );
    assert.deepEqual([row?.status, row?.recipients], ['stopped', 0]);
  });
});

test('the simulator page exists only in demo mode', async () => {
  const t = await startTestSystem(MAIL_ENV());
  try {
    const client = new PortalClient(t.url);
    await client.logIn(await createStaffLogin(t, 'gemeente', 'GM0363'), t.clock.now());
    assert.equal((await client.get('/plein/burgernetmail')).status, 200);
    assert.equal((await client.get('/plein/burgernetmail/simulator')).status, 404);
  } finally {
    await t.stop();
  }
});
