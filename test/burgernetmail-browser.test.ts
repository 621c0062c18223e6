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
import { linksIn, localUrl, MAIL_ENV, messagesTo, parse, participantWithEmail, sentMail } from './support/mail.js';
import { createStaffLogin, totpCode, type StaffLogin } from './support/plein.js';
import { eventually, startTestSystem, type TestSystem } from './support/test-system.js';

/** A gemeente user writes, counts, previews and sends a buurtonderzoek in Chromium; a resident answers it on a phone. */
describe('Burgernetmail in the browser', () => {
  let t: TestSystem;
  let browser: Browser;
  let base: string;
  let gemeente: StaffLogin;

  before(async () => {
    t = await startTestSystem({ ...MAIL_ENV(), WEBAUTHN_RP_ID: 'localhost' });
    base = t.url.replace('//127.0.0.1:', '//localhost:');
    browser = await launchBrowser();
    gemeente = await createStaffLogin(t, 'gemeente', 'GM0363');
    const landelijk = t.api(await t.staffToken('landelijk-beheer'));
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
  });

  async function logIn(page: Page, login: StaffLogin): Promise<void> {
    await page.goto(`${base}/plein/inloggen`);
    await page.fill('#veld-email', login.email);
    await page.fill('#veld-password', login.password);
    await page.click('button[type=submit]');
    await page.waitForURL('**/plein/inloggen/tweede-stap');
    await page.fill('#veld-code', await totpCode(login.totpSecret, t.clock.now()));
    await page.click('form[action="/plein/inloggen/code"] button[type=submit]');
    await page.waitForURL((url) => !url.pathname.startsWith('/plein/inloggen'));
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
    await eventually(async () =>
      assert.match((await page.textContent('#aantal')) ?? '', /^2 deelnemers krijgen deze mail\./),
    );
    // The map shows when the area is chosen; a click puts a circle of the chosen radius.
    await page.check('#veld-ontvangers-gebied');
    await page.waitForSelector('.leaflet-container');
    await assertAccessible(page, 'compose');
    await saveScreenshot(page, 'burgernetmail-2-schrijven');
    await page.check('#veld-ontvangers');
    await page.click('#mail-form button[type=submit]');
    await page.waitForURL(/\/plein\/burgernetmail\/[0-9a-f-]{36}\?opgeslagen=1$/);
    assert.match((await page.textContent('#aantal')) ?? '', /Nu 2 deelnemers/);
    assert.match(
      (await page.textContent('.mail-preview')) ?? '',
      /Op dinsdag 12 mei 2026 rond 21:30 uur is er iets gebeurd in de Damstraat\./,
    );
    await assertAccessible(page, 'mail with preview');
    await saveScreenshot(page, 'burgernetmail-3-voorbeeld');
    await page.click('form[action$="/versturen"] button[type=submit]');
    await page.waitForURL(/\?verstuurd=1$/);
    const mailId = new URL(page.url()).pathname.split('/').pop()!;
    await sentMail(t.api(await t.staffToken('gemeente', 'GM0363')), mailId);
    await page.reload();
    assert.match((await page.textContent('table.compact')) ?? '', /Verstuurd\s*2/);
    await saveScreenshot(page, 'burgernetmail-4-verstuurd');
    assert.deepEqual(pageErrors, []);
    await context.close();

    const [message] = messagesTo(t.system.email.simulator!, 'hanna@voorbeeld.nl');
    const answer = localUrl(t, linksIn(await parse(message!)).answer!).replace('//127.0.0.1:', '//localhost:');
    const phone = await newPhoneContext(browser);
    const form = await phone.newPage();
    await form.goto(answer);
    await assertAccessible(form, 'answer form');
    await saveScreenshot(form, 'burgernetmail-5-antwoordformulier');
    await form.click('button[type=submit]');
    await form.waitForSelector('.error-summary');
    await assertAccessible(form, 'answer form with an error');
    await form.fill('#veld-tekst', 'Ik hoorde rond half tien glas breken en zag iemand met een rugzak wegfietsen.');
    await form.fill('#veld-wanneer', 'dinsdag rond 21:30');
    await form.click('button[type=submit]');
    await form.waitForSelector('text=Uw antwoord is ontvangen');
    await assertAccessible(form, 'thanks');
    await saveScreenshot(form, 'burgernetmail-6-bedankt');
    await phone.close();
    assert.equal(
      (await t.api(await t.staffToken('gemeente', 'GM0363')).get(`/api/v1/mails/${mailId}`)).body.figures.answered,
      1,
    );
  });
});
