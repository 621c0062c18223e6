import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  assertAccessible,
  launchBrowser,
  newDesktopContext,
  newPhoneContext,
  saveScreenshot,
} from './support/browser.js';
import { DAMRAK, startFakePdok, type FakePdok } from './support/fake-pdok.js';
import {
  amsterdamLocal,
  linksIn,
  localUrl,
  MAIL_ENV,
  messagesTo,
  parse,
  participantWithEmail,
  sentMail,
} from './support/mail.js';
import { createStaffLogin, type StaffLogin, logInInBrowser } from './support/plein.js';
import { eventually, startTestSystem, type TestSystem } from './support/test-system.js';

/**
 * A gemeente user writes, counts, previews and sends a buurtonderzoek in Chromium (addresses from a stand-in PDOK
 * on loopback, so that they have street names); a resident answers it on a phone.
 */
describe('Burgernetmail in the browser', () => {
  let pdok: FakePdok;
  let t: TestSystem;
  let browser: Browser;
  let base: string;
  let gemeente: StaffLogin;

  before(async () => {
    pdok = await startFakePdok(Object.values(DAMRAK));
    t = await startTestSystem({ ...MAIL_ENV(), WEBAUTHN_RP_ID: 'localhost', GEOCODER: 'pdok', PDOK_URL: pdok.baseUrl });
    base = t.url.replace('//127.0.0.1:', '//localhost:');
    browser = await launchBrowser();
    gemeente = await createStaffLogin(t, 'gemeente', 'GM0363');
    const landelijk = t.api(await t.staffToken('landelijk-beheer'));
    // Hanna lives 250 m from Damrak 1, Ivo 1.6 km away.
    await participantWithEmail(t, landelijk, {
      name: 'Hanna',
      email: 'hanna@voorbeeld.nl',
      postcode: '1012 AB',
      houseNumber: 11,
      phone: '0612349001',
    });
    await participantWithEmail(t, landelijk, {
      name: 'Ivo',
      email: 'ivo@voorbeeld.nl',
      postcode: '1013 AA',
      houseNumber: 12,
      phone: '0612349002',
    });
  });
  after(async () => {
    await browser?.close();
    await t?.stop();
    await pdok?.close();
  });

  async function logIn(page: Page, login: StaffLogin): Promise<void> {
    await logInInBrowser(page, base, login, t.clock.now());
  }

  test('write a buurtonderzoek from the template, see the count and the preview, send it; the answer form works on a phone', async () => {
    const context = await newDesktopContext(browser);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await logIn(page, gemeente);
    await page.goto(`${base}/plein/burgernetmail`);
    await assertAccessible(page, 'Burgernetmail overview');
    await saveScreenshot(page, 'burgernetmail-1-overzicht');
    await page.click('a:has-text("Buurtonderzoek: Buurtonderzoek (landelijk)")');
    await page.waitForSelector('#mail-form');
    await page.fill('#veld-datum', '2026-05-12');
    await page.fill('#veld-tijd', '21:30');
    await page.fill('#veld-straat', 'Damstraat');
    await page.fill('#veld-omschrijving', 'In de nacht is ingebroken in een woning.');
    await page.fill('#veld-contact', 'Team Veiligheid, 14 020');
    // No audience is chosen for the user: nothing is counted until they choose.
    assert.equal(await page.locator('input[name="ontvangers"]:checked').count(), 0);
    assert.equal(await page.textContent('#aantal'), 'Kies ontvangers om ze te tellen.');
    const reach = async () => [await page.textContent('#aantal'), await page.textContent('#samenvatting')];
    await page.check('#veld-ontvangers');
    await eventually(async () =>
      assert.deepEqual(await reach(), ['2 deelnemers krijgen deze mail.', 'De hele gemeente Amsterdam']),
    );
    // A radius around an address: counted too, and said with the street the address has.
    await page.check('#veld-ontvangers-adres');
    await page.fill('#veld-adresPostcode', '1012 LG');
    await page.fill('#veld-adresHuisnummer', '1');
    await page.fill('#veld-straal', '500');
    await eventually(async () =>
      assert.deepEqual(await reach(), ['1 deelnemer krijgt deze mail.', 'Damrak 1, Amsterdam, straal 500 m']),
    );
    // The map shows when an area on the map is chosen; a click puts a circle of the chosen radius.
    await page.check('#veld-ontvangers-gebied');
    await page.waitForSelector('.leaflet-container');
    await page.click('#kaart');
    await eventually(async () => assert.match((await reach())[1] ?? '', /^Een cirkel op de kaart, straal 1\.000 m$/));
    await assertAccessible(page, 'compose');
    await saveScreenshot(page, 'burgernetmail-2-schrijven');
    await page.check('#veld-ontvangers-adres');
    await eventually(async () => assert.equal((await reach())[1], 'Damrak 1, Amsterdam, straal 500 m'));
    await page.click('#mail-form button[type=submit]');
    await page.waitForURL(/\/plein\/burgernetmail\/[0-9a-f-]{36}\?opgeslagen=1$/);
    assert.match((await page.textContent('#aantal')) ?? '', /Nu 1 deelnemer/);
    assert.match((await page.textContent('main')) ?? '', /Damrak 1, Amsterdam, straal 500 m/);
    assert.match(
      (await page.textContent('.mail-preview')) ?? '',
      /Op dinsdag 12 mei 2026 rond 21:30 uur is er iets gebeurd in de Damstraat\./,
    );
    await assertAccessible(page, 'mail with preview');
    await saveScreenshot(page, 'burgernetmail-3-voorbeeld');
    const mailId = new URL(page.url()).pathname.split('/').pop()!;
    const api = t.api(await t.staffToken('gemeente', 'GM0363'));

    // "Versturen" asks first: a dialog that restates who gets which mail, with the focus on "Annuleren".
    const dialog = page.locator('#verstuur-bevestiging');
    const send = () => page.click('#verstuur-form button[type=submit]');
    await send();
    await dialog.waitFor({ state: 'visible' });
    assert.equal(await page.evaluate('document.activeElement?.id'), 'verstuur-nee', 'the focus is on "Annuleren"');
    const said = (await dialog.textContent()) ?? '';
    assert.match(said, /1 deelnemer krijgt de mail "Buurtonderzoek: heeft u iets gezien of gehoord\? \(Damstraat\)"\./);
    assert.match(said, /Ontvangers: Damrak 1, Amsterdam, straal 500 m\./);
    assert.match(said, /Verzending: direct na bevestigen\./);
    await assertAccessible(page, 'the confirm dialog');
    await saveScreenshot(page, 'burgernetmail-4-bevestigen');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    assert.equal((await api.get(`/api/v1/mails/${mailId}`)).body.status, 'draft', 'Enter on "Annuleren" sends nothing');
    // Escape closes it too; a chosen moment is said in words.
    await page.check('#veld-wanneer-later');
    await page.fill('#veld-moment', amsterdamLocal(new Date(t.clock.now().getTime() + 2 * 86_400_000)));
    await send();
    await dialog.waitFor({ state: 'visible' });
    assert.match(
      (await dialog.textContent()) ?? '',
      /Verzending: \w+dag \d+ \w+ \d{4} om \d{2}:\d{2} \(Nederlandse tijd\)\./,
    );
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.equal((await api.get(`/api/v1/mails/${mailId}`)).body.status, 'draft', 'Escape sends nothing');
    // Now, confirmed: it goes, to Hanna only.
    await page.check('#veld-wanneer');
    await send();
    await dialog.waitFor({ state: 'visible' });
    await page.click('#verstuur-ja');
    await page.waitForURL(/\?verstuurd=1$/);
    await sentMail(api, mailId);
    await page.reload();
    assert.match((await page.textContent('table.compact')) ?? '', /Verstuurd\s*1/);
    assert.equal(messagesTo(t.system.email.simulator!, 'ivo@voorbeeld.nl').length, 0, 'outside the radius');
    await saveScreenshot(page, 'burgernetmail-5-verstuurd');
    assert.deepEqual(pageErrors, []);
    await context.close();

    const [message] = messagesTo(t.system.email.simulator!, 'hanna@voorbeeld.nl');
    const answer = localUrl(t, linksIn(await parse(message!)).answer!).replace('//127.0.0.1:', '//localhost:');
    const phone = await newPhoneContext(browser);
    const form = await phone.newPage();
    await form.goto(answer);
    await assertAccessible(form, 'answer form');
    await saveScreenshot(form, 'burgernetmail-6-antwoordformulier');
    await form.click('button[type=submit]');
    await form.waitForSelector('.error-summary');
    await assertAccessible(form, 'answer form with an error');
    await form.fill('#veld-tekst', 'Ik hoorde rond half tien glas breken en zag iemand met een rugzak wegfietsen.');
    await form.fill('#veld-wanneer', 'dinsdag rond 21:30');
    await form.click('button[type=submit]');
    await form.waitForSelector('text=Uw antwoord is ontvangen');
    await assertAccessible(form, 'thanks');
    await saveScreenshot(form, 'burgernetmail-7-bedankt');
    await phone.close();
    assert.equal(
      (await t.api(await t.staffToken('gemeente', 'GM0363')).get(`/api/v1/mails/${mailId}`)).body.figures.answered,
      1,
    );
  });
});
