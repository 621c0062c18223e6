import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DAMRAK, startFakePdok, type FakePdok } from './support/fake-pdok.js';
import { amsterdamLocal, MAIL_ENV, participantWithEmail, templateId } from './support/mail.js';
import { createStaffLogin, PortalClient } from './support/plein.js';
import { startTestSystem, type ApiClient, type TestSystem } from './support/test-system.js';

const DAY = 86_400_000;

/**
 * Burgernetmail's guards on the audience and the moment, over HTTP: every audience kind is counted and said in
 * words (an address as the geocoder names it, a stand-in PDOK on loopback), nothing is sent without an audience
 * chosen, a moment must lie ahead (Amsterdam time, within 90 days), and the portal asks before it sends.
 */
describe('Burgernetmail audiences and sending, checked by the server', () => {
  let pdok: FakePdok;
  let t: TestSystem;
  let amsterdam: ApiClient;
  let portal: PortalClient;

  before(async () => {
    pdok = await startFakePdok(Object.values(DAMRAK));
    t = await startTestSystem({ ...MAIL_ENV(), GEOCODER: 'pdok', PDOK_URL: pdok.baseUrl });
    amsterdam = t.api(await t.staffToken('gemeente', 'GM0363'));
    const landelijk = t.api(await t.staffToken('landelijk-beheer'));
    for (const [name, a] of [
      ['near', DAMRAK.near],
      ['far', DAMRAK.far],
      ['utrecht', DAMRAK.utrecht],
    ] as const) {
      await participantWithEmail(t, landelijk, {
        name,
        email: `${name}@voorbeeld.nl`,
        postcode: a.postcode,
        houseNumber: a.houseNumber,
        phone: `06123470${String(Object.keys(DAMRAK).indexOf(name)).padStart(2, '0')}`,
      });
    }
    portal = new PortalClient(t.url);
    assert.equal(await portal.logIn(await createStaffLogin(t, 'gemeente', 'GM0363'), t.clock.now()), 303);
  });
  after(async () => {
    await t?.stop();
    await pdok?.close();
  });

  async function mailAroundDamrak(): Promise<string> {
    const created = await amsterdam.post('/api/v1/mails', {
      templateId: await templateId(amsterdam, 'nieuwsbrief'),
      fields: { omschrijving: 'Nieuws uit de buurt.' },
      audience: { kind: 'address', postcode: '1012 lg', houseNumber: 1, radiusMetres: 500 },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    return created.body.id as string;
  }

  test('the count answers for every audience kind, in people and in words', async () => {
    const count = async (audience: unknown) => {
      const response = await amsterdam.post('/api/v1/audience-counts', { audience });
      assert.equal(response.status, 200, JSON.stringify(response.body));
      return response.body;
    };
    assert.deepEqual(await count({ kind: 'gemeente', gemeenteCode: 'GM0363' }), {
      recipients: 2,
      summary: 'De hele gemeente Amsterdam',
    });
    assert.deepEqual(await count({ kind: 'postcodes', ranges: [{ from: '1012', to: '1012' }] }), {
      recipients: 1,
      summary: 'Postcodes 1012',
    });
    assert.deepEqual(await count({ kind: 'address', postcode: '1012LG', houseNumber: 1, radiusMetres: 500 }), {
      recipients: 1,
      summary: 'Damrak 1, Amsterdam, straal 500 m',
    });
    assert.deepEqual(
      await count({
        kind: 'area',
        area: { kind: 'circle', centre: { lat: DAMRAK.damrak.lat, lon: DAMRAK.damrak.lon }, radiusMetres: 2500 },
      }),
      { recipients: 2, summary: 'Een cirkel op de kaart, straal 2.500 m' },
    );
    const square = [
      [4.87, 52.37],
      [4.91, 52.37],
      [4.91, 52.39],
      [4.87, 52.39],
      [4.87, 52.37],
    ];
    assert.deepEqual(
      await count({ kind: 'area', area: { kind: 'polygon', polygon: { type: 'Polygon', coordinates: [square] } } }),
      { recipients: 2, summary: 'Een getekend gebied op de kaart (4 hoeken)' },
    );

    const unknown = await amsterdam.post('/api/v1/audience-counts', {
      audience: { kind: 'address', postcode: '1099ZZ', houseNumber: 9, radiusMetres: 500 },
    });
    assert.equal(unknown.status, 422);
    assert.equal(unknown.body.title, 'De ontvangers zijn niet goed gekozen');
    assert.equal(unknown.body.detail, 'Dit adres is niet gevonden.');
  });

  test('nothing is written without an audience chosen: the API and the portal form refuse it in Dutch', async () => {
    const id = await templateId(amsterdam, 'nieuwsbrief');
    const mails = async () =>
      (await t.system.database.query<{ n: number }>('select count(*)::int as n from mails'))[0]!.n;
    const before = await mails();
    const api = await amsterdam.post('/api/v1/mails', { templateId: id, fields: { omschrijving: 'Nieuws.' } });
    assert.equal(api.status, 400);
    assert.match(api.body.title, /niet goed ingevuld|ongeldig/i);
    assert.ok(
      (api.body.errors as { path: string }[]).some((e) => e.path === 'audience'),
      JSON.stringify(api.body),
    );

    const compose = await portal.get(`/plein/burgernetmail/nieuw?sjabloon=${id}`);
    assert.equal(compose.status, 200);
    assert.doesNotMatch(compose.text, /name="ontvangers" value="[a-z]+" checked/, 'no audience chosen beforehand');
    const refused = await portal.postForm(`/plein/burgernetmail/nieuw?sjabloon=${id}`, {
      onderwerp: 'Nieuwsbrief',
      tekst: '{omschrijving}',
      omschrijving: 'Nieuws.',
      gemeente: 'GM0363',
    });
    assert.equal(refused.status, 422);
    assert.match(refused.text, /<a href="#veld-ontvangers">Kies de ontvangers\.<\/a>/);
    assert.equal(await mails(), before, 'no mail was written');
  });

  test('a radius around an address keeps the address: the mail is shown in words, never as coordinates', async () => {
    const mailId = await mailAroundDamrak();
    const mail = await amsterdam.get(`/api/v1/mails/${mailId}`);
    assert.equal(mail.body.audience.kind, 'area');
    assert.deepEqual(mail.body.audience.around, {
      postcode: '1012LG',
      houseNumber: 1,
      street: 'Damrak',
      city: 'Amsterdam',
    });
    const page = await portal.get(`/plein/burgernetmail/${mailId}`);
    assert.equal(page.status, 200);
    assert.match(page.text, /<p>Damrak 1, Amsterdam, straal 500 m<\/p>/);
    assert.doesNotMatch(page.text, /52[.,]377|4[.,]896/, 'no coordinates on the page');
    // Changing the draft offers the address again, not a circle on the map.
    const change = await portal.get(`/plein/burgernetmail/${mailId}/wijzigen`);
    assert.match(change.text, /id="veld-ontvangers-adres" name="ontvangers" value="adres" checked/);
    assert.match(change.text, /name="adresPostcode" type="text" value="1012LG"/);
  });

  test('a moment must lie ahead and within 90 days (Amsterdam time); the portal asks before it sends', async () => {
    const inThePast = await amsterdam.post(`/api/v1/mails/${await mailAroundDamrak()}/send`, {
      sendAt: new Date(t.clock.now().getTime() - 3_600_000).toISOString(),
    });
    assert.equal(inThePast.status, 422);
    assert.equal(inThePast.body.title, 'Het verzendmoment ligt in het verleden of te ver vooruit');

    const mailId = await mailAroundDamrak();
    const path = `/plein/burgernetmail/${mailId}`;
    const page = await portal.get(path);
    const now = t.clock.now();
    const field =
      /<input id="veld-moment" name="moment" type="datetime-local" value="" min="([^"]+)" max="([^"]+)"/.exec(
        page.text,
      );
    assert.ok(field, 'a date-time picker, not free text');
    assert.ok(field[1] === amsterdamLocal(now) || field[1] === amsterdamLocal(new Date(now.getTime() - 60_000)));
    assert.equal(field[2]!.slice(0, 10), amsterdamLocal(new Date(now.getTime() + 90 * DAY)).slice(0, 10));

    const post = async (form: Record<string, string>) => {
      await portal.get(path);
      return portal.postForm(`${path}/versturen`, form);
    };
    const cases: [Record<string, string>, RegExp][] = [
      [{}, /Kies of de mail nu of op een gekozen moment verstuurd wordt\./],
      [{ wanneer: 'later', moment: 'morgen om tien uur' }, /Kies een datum en een tijd\./],
      [{ wanneer: 'later', moment: amsterdamLocal(new Date(now.getTime() - DAY)) }, /Dit moment is al voorbij\./],
      [{ wanneer: 'later', moment: amsterdamLocal(new Date(now.getTime() + 91 * DAY)) }, /komende 90 dagen/],
    ];
    for (const [form, message] of cases) {
      const refused = await post(form);
      assert.equal(refused.status, 422, JSON.stringify(form));
      assert.match(refused.text, message);
    }

    const moment = amsterdamLocal(new Date(now.getTime() + 2 * DAY));
    const asked = await post({ wanneer: 'later', moment });
    assert.equal(asked.status, 200, 'without JavaScript the server asks first');
    assert.match(asked.text, /1 deelnemer krijgt de mail &quot;Nieuwsbrief Burgernet&quot;\./);
    assert.match(asked.text, /Ontvangers: Damrak 1, Amsterdam, straal 500 m\./);
    assert.match(asked.text, /Verzending: \w+dag \d+ \w+ \d{4} om \d{2}:\d{2} \(Nederlandse tijd\)\./);
    assert.equal((await amsterdam.get(`/api/v1/mails/${mailId}`)).body.status, 'draft', 'nothing sent yet');

    const confirmed = await portal.postForm(`${path}/versturen`, { wanneer: 'later', moment, bevestigd: '1' });
    assert.equal(confirmed.status, 303);
    const scheduled = (await amsterdam.get(`/api/v1/mails/${mailId}`)).body;
    assert.equal(scheduled.status, 'scheduled');
    assert.equal(amsterdamLocal(new Date(scheduled.scheduledAt)), moment, 'the moment is Amsterdam time');
  });
});
