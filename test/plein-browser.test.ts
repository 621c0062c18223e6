import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { assertAccessible, launchBrowser, newDesktopContext, saveScreenshot } from './support/browser.js';
import { registerParticipant } from './support/participants.js';
import { createStaffLogin, mailedActivationPath, PortalClient, totpCode, type StaffLogin } from './support/plein.js';
import { TestOidcProvider } from './support/oidc-provider.js';
import { eventually, startTestSystem, type TestSystem } from './support/test-system.js';

/**
 * Burgernetplein in a real Chromium at the meldkamer's smallest screen (1366×768), on localhost (passkeys need
 * a domain name), with the default secure session cookie (__Host-…; Chromium treats http://localhost as secure).
 */
describe('Burgernetplein in the browser', () => {
  let t: TestSystem;
  let browser: Browser;
  let base: string;
  let centralist: StaffLogin;
  let police: TestOidcProvider;

  before(async () => {
    // The identity provider on 127.0.0.1 and the portal on localhost: another site, as in real life.
    police = await TestOidcProvider.start();
    police.interactive = true;
    const providers = [
      {
        id: 'politie',
        name: 'Politie Amsterdam',
        issuer: police.issuer,
        clientId: police.clientId,
        meldkamers: ['RE05'],
      },
    ];
    t = await startTestSystem({
      SESSION_IDLE_MINUTES: '30',
      // A slowed account stays slowed for the whole passkey test, however slow the browser.
      LOGIN_ACCOUNT_DELAY_SECONDS: '60',
      WEBAUTHN_RP_ID: 'localhost',
      OIDC_PROVIDERS: JSON.stringify(providers),
      OIDC_CLIENT_SECRETS: JSON.stringify({ politie: police.clientSecret }),
    });
    base = t.url.replace('//127.0.0.1:', '//localhost:');
    police.allowRedirectUri(`${base}/plein/inloggen/sso/politie/terug`);
    browser = await launchBrowser();
    centralist = await createStaffLogin(t, 'centralist', 'RE05');
    // Participants around Amsterdam's Dam (postcode 1012): they get the alert by SMS from the simulator.
    const landelijk = t.api(await t.staffToken('landelijk-beheer'));
    for (let i = 0; i < 6; i++) {
      await registerParticipant(landelijk, `Deelnemer ${i}`, [
        { phone: `06123450${String(i).padStart(2, '0')}`, postcode: '1012 AB', houseNumber: i + 1 },
      ]);
    }
  });
  after(async () => {
    await browser?.close();
    await t?.stop();
    await police?.stop();
  });

  async function logIn(page: Page, login: StaffLogin, screenshots?: string): Promise<void> {
    await page.goto(`${base}/plein/inloggen`);
    if (screenshots) await assertAccessible(page, 'login page');
    if (screenshots) await saveScreenshot(page, `${screenshots}-1-inloggen`);
    await page.fill('#veld-email', login.email);
    await page.fill('#veld-password', login.password);
    await page.click('button[type=submit]');
    await page.waitForURL('**/plein/inloggen/tweede-stap');
    if (screenshots) await assertAccessible(page, 'second step');
    await page.fill('#veld-code', await totpCode(login.totpSecret, t.clock.now()));
    await page.click('form[action="/plein/inloggen/code"] button[type=submit]');
    await page.waitForURL((url) => !url.pathname.startsWith('/plein/inloggen'));
  }

  test('a centralist logs in with password + TOTP, draws a circle, starts an action, sees the sent count rise, gets a photo tip live and closes it', async () => {
    const context = await newDesktopContext(browser);
    const page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await logIn(page, centralist, 'console');
    assert.equal(new URL(page.url()).pathname, '/plein/console');
    await page.waitForSelector('.leaflet-container');
    await assertAccessible(page, 'console');
    await saveScreenshot(page, 'console-2-leeg');

    // The area: the address puts the centre on the map, a click on the map sets it, the slider the radius.
    await page.fill('#plaats-zoek', '1012 AB 1');
    await page.click('#plaats-form button[type=submit]');
    await page.waitForSelector('path.incident-area');
    assert.equal(await page.textContent('#plaats-status'), '1012 AB 1 → centrum van postcodegebied 1012, Amsterdam');
    await page.click('#kaart', { position: { x: 400, y: 300 } });
    await page.locator('#kaart').focus();
    await page.keyboard.press('Enter'); // the incident at the map's centre: the address
    await page.locator('#straal').fill('2000');
    await eventually(
      async () =>
        assert.ok(Number(await page.textContent('[data-bereik]')) >= 6, (await page.textContent('#bereik')) ?? ''),
      45_000,
    );
    await page.selectOption('#type', 'vermissing');
    assert.match(await page.inputValue('#bericht'), /^Vermist:/, 'the message starts from the type template');
    await page.fill('#bericht', 'Vermist: Sanne (8), blond haar, roze jas. Laatst gezien op de Dam.');
    await eventually(async () => assert.match((await page.textContent('#teller')) ?? '', /1 deel/));
    await saveScreenshot(page, 'console-3-gebied-en-bericht');

    await page.keyboard.press('Escape');
    await page.click('#start-knop');
    await page.waitForSelector('#bevestig[open]');
    await assertAccessible(page, 'start confirmation');
    await saveScreenshot(page, 'console-4-bevestigen');
    // The dialog opens on "Annuleren": Enter (or a stray key) cancels, it never alerts the area.
    assert.equal(await page.evaluate('document.activeElement?.id'), 'bevestig-nee');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#bevestig[open]', { state: 'detached' });
    assert.equal(await page.isHidden('#stap-lopend'), true, 'nothing was started');
    await page.click('#start-knop');
    await page.waitForSelector('#bevestig[open]');
    await page.click('#bevestig-ja');
    await page.waitForSelector('#stap-lopend:not([hidden])');
    await eventually(
      async () =>
        assert.ok(
          Number(await page.textContent('[data-verzonden]')) >= 6,
          `${await page.textContent('#stap-lopend')} | smsc ${t.system.sms.simulator!.messages.length}`,
        ),
      90_000,
    );
    assert.ok(t.system.sms.simulator!.messages.length >= 6, 'the SMSC simulator received the messages');
    await saveScreenshot(page, 'console-5-verzonden');

    // An app user sends a tip with a photo: it appears in the list beside the map without a reload.
    const actionId = (
      await t.system.database.query<{ id: string }>(
        `select id from actions where status = 'actief' order by created_at desc limit 1`,
      )
    )[0]!.id;
    const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#cc3300' } })
      .jpeg()
      .toBuffer();
    const form = new FormData();
    form.append('text', 'Meisje met roze jas bij de Bijenkorf');
    form.append('photo', new Blob([photo], { type: 'image/jpeg' }), 'tip.jpg');
    const tip = await fetch(`${t.url}/app/v1/actions/${actionId}/tips`, { method: 'POST', body: form });
    assert.equal(tip.status, 201, await tip.text());
    await page.waitForSelector('.tip-app img.tip-photo');
    assert.match((await page.textContent('#tips')) ?? '', /Bijenkorf/);
    await saveScreenshot(page, 'console-6-tip');

    // A reload (or a crash) mid-action loses nothing: the console opens the live action again, with its controls,
    // and lists it among the meldkamer's running actions.
    const number = await page.textContent('#actie-nummer');
    await page.reload();
    await page.waitForSelector('#stap-lopend:not([hidden])');
    assert.equal(await page.textContent('#actie-nummer'), number);
    assert.match((await page.textContent('#lopende-acties')) ?? '', new RegExp(number!));
    await saveScreenshot(page, 'console-6b-na-herladen');

    await page.keyboard.press('a');
    // Only the results that fit a vermissing, and none chosen: closing without one is refused in the page.
    const offered = await page.$$eval('#resultaat option', (options) =>
      options.filter((o) => !(o as unknown as { hidden: boolean }).hidden).map((o) => o.getAttribute('value')),
    );
    assert.deepEqual(offered, ['', 'gevonden', 'niet-gevonden', 'geen-resultaat']);
    assert.equal(await page.inputValue('#resultaat'), '');
    await page.click('#afsluit-knop');
    await eventually(async () =>
      assert.match((await page.textContent('#lopend-fout')) ?? '', /Kies eerst het resultaat/),
    );
    assert.equal(await page.textContent('#actie-status'), 'actief');
    await page.selectOption('#resultaat', 'gevonden');
    await page.fill('#afloop', 'Sanne is gevonden. Dank voor het uitkijken.');
    await page.click('#afsluit-knop');
    // The close dialog restates what goes out and opens on "Terug".
    await page.waitForSelector('#bevestig-stap[open]');
    assert.equal(await page.evaluate('document.activeElement?.id'), 'bevestig-stap-nee');
    const restated = (await page.textContent('#bevestig-stap')) ?? '';
    assert.match(restated, /Resultaat: Gevonden/);
    assert.match(restated, /Sanne is gevonden\. Dank voor het uitkijken\./);
    await assertAccessible(page, 'close confirmation');
    await saveScreenshot(page, 'console-7a-afsluiten-bevestigen');
    await page.click('#bevestig-stap-ja');
    await eventually(async () => assert.equal(await page.textContent('#actie-status'), 'afgesloten'));
    await saveScreenshot(page, 'console-7-afgesloten');

    // History and the action's timeline.
    await page.goto(`${base}/plein/acties`);
    await assertAccessible(page, 'history');
    await page.click('table a');
    await page.waitForSelector('.timeline');
    assert.match((await page.textContent('.timeline')) ?? '', /Actie gestart/);
    await assertAccessible(page, 'action timeline');
    await saveScreenshot(page, 'console-8-tijdlijn');
    await page.goto(`${base}/plein/account`);
    await assertAccessible(page, 'my account');
    assert.deepEqual(pageErrors, []);
    await context.close();
  });

  test('a gemeente user lands on the gemeente page and cannot open the console', async () => {
    const context = await newDesktopContext(browser);
    const page = await context.newPage();
    await logIn(page, await createStaffLogin(t, 'gemeente', 'GM0363'));
    assert.equal(new URL(page.url()).pathname, '/plein/gemeente');
    assert.ok(Number(await page.textContent('[data-deelnemers]')) >= 6);
    await assertAccessible(page, 'gemeente page');
    await saveScreenshot(page, 'gemeente');
    const response = await page.goto(`${base}/plein/console`);
    assert.equal(response?.status(), 403);
    assert.match((await page.textContent('h1')) ?? '', /Geen toegang/);
    await assertAccessible(page, 'forbidden page');
    await context.close();
  });

  test('beheer pages pass the accessibility check', async () => {
    const context = await newDesktopContext(browser);
    const page = await context.newPage();
    await logIn(page, await createStaffLogin(t, 'landelijk-beheer'));
    await page.goto(`${base}/plein/beheer`);
    await assertAccessible(page, 'beheer');
    await saveScreenshot(page, 'beheer');
    await page.goto(`${base}/plein/beheer/audit?event=staff`);
    assert.match((await page.textContent('table')) ?? '', /Ingelogd/);
    await assertAccessible(page, 'audit log');
    await context.close();
  });

  test('a session expires after the idle time: the console sends the user back to the login page', async () => {
    const context = await newDesktopContext(browser);
    const page = await context.newPage();
    await logIn(page, await createStaffLogin(t, 'centralist', 'RE05'));
    try {
      t.clock.set(new Date(Date.now() + 31 * 60_000));
      await page.goto(`${base}/plein/console`);
      assert.equal(new URL(page.url()).pathname, '/plein/inloggen');
      assert.match((await page.textContent('main')) ?? '', /sessie is verlopen/);
    } finally {
      t.clock.set(new Date());
    }
    await context.close();
  });

  test("a passkey (virtual authenticator) is registered on Mijn account and then logs the centralist in, even while others' guesses slow the account", async () => {
    const context = await newDesktopContext(browser);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
    const login = await createStaffLogin(t, 'centralist', 'RE05');
    await logIn(page, login);
    await page.goto(`${base}/plein/account`);
    await page.click('button[data-passkey="register"]');
    await page.waitForSelector('text=Passkey, aangemaakt');
    await page.click('form[action="/plein/uitloggen"] button');
    await page.waitForURL('**/plein/inloggen?uitgelogd=1');
    // Forget that this browser logged in before, so that only the passkey can get it past the slowdown below.
    await context.clearCookies({ name: /burgernet_device$/ });

    await page.fill('#veld-email', login.email);
    await page.fill('#veld-password', login.password);
    await page.click('button[type=submit]');
    await page.waitForURL('**/plein/inloggen/tweede-stap');
    await saveScreenshot(page, 'passkey-tweede-stap');
    // Meanwhile someone guesses the password elsewhere until the account is slowed: a passkey cannot be guessed, so it still works.
    const guesser = new PortalClient(t.url);
    await guesser.get('/plein/inloggen');
    for (let i = 0; i < 10; i++)
      assert.equal(
        (await guesser.postForm('/plein/inloggen', { email: login.email, password: `raden ${i}` })).status,
        401,
      );
    assert.equal(
      (await guesser.postForm('/plein/inloggen', { email: login.email, password: login.password })).status,
      429,
    );
    await page.click('button[data-passkey="login"]');
    await page.waitForURL('**/plein/console');
    const [row] = await t.system.database.query<{ details: { secondFactor: string } }>(
      `select details from audit_log where event = 'staff.logged-in' and subject_id = $1 order by id desc limit 1`,
      [login.id],
    );
    assert.equal(row?.details.secondFactor, 'passkey');
    await context.close();
  });
  test("a new account's activation pages (password, then a QR code for the authenticator app) pass the accessibility check", async () => {
    const beheer = t.api(await t.staffToken('meldkamer-beheer', 'RE05'));
    const email = `nieuw-${Date.now()}@test.burgernet.nl`;
    const created = await beheer.post('/api/v1/staff', { name: 'Nieuwe Centralist', email, role: 'centralist' });
    assert.equal(created.status, 201);
    const context = await newDesktopContext(browser);
    const page = await context.newPage();
    await page.goto(base + (await mailedActivationPath(t, email)));
    await assertAccessible(page, 'activation: choose a password');
    await saveScreenshot(page, 'activeren-1-wachtwoord');
    await page.fill('#veld-password', 'zeven blauwe kikkers');
    await page.fill('#veld-confirmation', 'zeven blauwe kikkers');
    await page.click('button[type=submit]');
    await page.waitForURL('**/plein/tweede-factor');
    const qr = page.locator('img.totp-qr');
    assert.ok(
      (await qr.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)) > 0,
      'the QR code is drawn',
    );
    await assertAccessible(page, 'activation: second factor with QR code');
    await saveScreenshot(page, 'activeren-2-tweede-stap-qr');
    const secret = ((await page.textContent('[data-totp-secret]')) ?? '').replace(/\s/g, '');
    await page.fill('#veld-code', await totpCode(secret, t.clock.now()));
    await page.click('form[action="/plein/tweede-factor/code"] button[type=submit]');
    await page.waitForURL('**/plein/console');
    await context.close();
  });

  test('single sign-on: "Inloggen via Politie Amsterdam" goes to the provider and back, and the centralist lands on the console', async () => {
    const login = await createStaffLogin(t, 'centralist', 'RE05');
    police.user = {
      sub: `chromium-${login.id}`,
      claims: { email: login.email, email_verified: true, amr: ['pwd', 'hwk'] },
    };
    const context = await newDesktopContext(browser);
    const page = await context.newPage();
    await page.goto(`${base}/plein/console`);
    assert.equal(new URL(page.url()).pathname, '/plein/inloggen');
    await assertAccessible(page, 'login page with single sign-on');
    await saveScreenshot(page, 'inloggen-sso');
    await page.click('text=Inloggen via Politie Amsterdam');
    await page.waitForURL(`${police.issuer}/authorize?**`);
    await page.click('button[type=submit]');
    // From the provider's site back to the portal: the SameSite=Strict session cookie must still count.
    await page.waitForURL('**/plein/console');
    await page.waitForSelector('.leaflet-container');
    const [row] = await t.system.database.query<{ details: { method: string; secondFactor: string } }>(
      `select details from audit_log where event = 'staff.logged-in' and subject_id = $1 order by id desc limit 1`,
      [login.id],
    );
    assert.deepEqual([row?.details.method, row?.details.secondFactor], ['oidc', 'idp']);
    await context.close();
  });
});
