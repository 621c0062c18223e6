import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { assertAccessible, launchBrowser, newDesktopContext, saveScreenshot } from './support/browser.js';
import { registerParticipant } from './support/participants.js';
import { createStaffLogin, logInInBrowser } from './support/plein.js';
import { eventually, startTestSystem, type ApiClient, type TestSystem } from './support/test-system.js';

// The PC4 centroids (data/nl/pc4_centroids_postcodetabel.csv): 1018 lies some 1.9 km east of 1012.
const PC1012 = { lat: 52.373174, lon: 4.894814 };
// Zaandam, in Noord-Holland (RE04): 3 km round it stays within the 5 km margin of Amsterdam (RE05), 8 km does not.
const ZAANDAM = { lat: 52.439, lon: 4.826 };
const circle = (radiusMetres: number, centre: { lat: number; lon: number }) => ({
  kind: 'circle',
  centre,
  radiusMetres,
});

/**
 * The action's own page (/plein/acties/{id}) has the console's controls for a centralist who may run the action:
 * the same confirmations (opened on "Terug") and the same feedback, by keyboard as by mouse. Whoever may only look
 * gets none; an ended action says why. And a request for approval reaches the other meldkamer's open console
 * without a reload.
 */
describe('the action page of a live action', () => {
  let t: TestSystem;
  let browser: Browser;
  let re05: ApiClient;

  before(async () => {
    t = await startTestSystem({ SMPP_BINDS: '1' });
    browser = await launchBrowser();
    re05 = t.api(await t.staffToken('centralist', 'RE05'));
    const beheer = t.api(await t.staffToken('landelijk-beheer'));
    for (let i = 0; i < 4; i++) {
      await registerParticipant(beheer, `Dam ${i}`, [
        { phone: `0612348${String(i).padStart(3, '0')}`, postcode: '1012 AB', houseNumber: i + 1 },
      ]);
    }
    for (let i = 0; i < 2; i++) {
      await registerParticipant(beheer, `Oost ${i}`, [
        { phone: `0612349${String(i).padStart(3, '0')}`, postcode: '1018 AB', houseNumber: i + 1 },
      ]);
    }
  });
  after(async () => {
    await browser?.close();
    await t?.stop();
  });

  async function started(
    area: unknown,
    message = 'Vermist: Sanne (8), roze jas.',
  ): Promise<{ id: string; number: string }> {
    const created = await re05.post('/api/v1/actions', { type: 'vermissing', missingChild: true, message, area });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const start = await re05.post(`/api/v1/actions/${created.body.id}/start`);
    assert.equal(start.status, 200, JSON.stringify(start.body));
    return created.body;
  }

  async function loggedIn(role: 'centralist', meldkamer: string): Promise<{ page: Page; close: () => Promise<void> }> {
    const context = await newDesktopContext(browser);
    const page = await context.newPage();
    // Each its own account: an authenticator's code is taken once per account.
    await logInInBrowser(page, t.url, await createStaffLogin(t, role, meldkamer), t.clock.now());
    return { page, close: () => context.close() };
  }

  const activeId = (page: Page) => page.evaluate('document.activeElement?.id');
  const text = async (page: Page, selector: string) => (await page.textContent(selector)) ?? '';

  test('a centralist sends an update (by keyboard only), widens and closes from the page; each step asks first and says what it did', async () => {
    const action = await started(circle(800, PC1012));
    await eventually(() => assert.equal(t.system.sms.simulator!.messages.length, 4));
    const { page, close } = await loggedIn('centralist', 'RE05');
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const nativeDialogs: string[] = [];
    page.on('dialog', (dialog) => {
      nativeDialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${t.url}/plein/acties/${action.id}`);
    await page.waitForSelector('#bediening.action-controls .leaflet-container');
    await eventually(async () => assert.match(await text(page, '#verzonden'), /Vermist: Sanne \(8\), roze jas\./));
    assert.equal(await page.locator('path.action-area').count(), 1, 'the live area is drawn');
    await assertAccessible(page, 'action page with its controls');
    await saveScreenshot(page, 'action-page-1-controls');

    // Keyboard only: from the map (one Tab stop) to the update, write it, send it, and confirm in the dialog.
    await page.focus('#kaart');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate('document.activeElement?.textContent'), 'Vervolgbericht');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    assert.equal(await activeId(page), 'vervolg');
    await page.keyboard.type('Sanne is gezien bij het Centraal Station.');
    await page.keyboard.press('Tab');
    assert.equal(await activeId(page), 'vervolg-knop');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#bevestig-stap[open]');
    assert.equal(await activeId(page), 'bevestig-stap-nee', 'the dialog opens on "Terug"');
    assert.match(await text(page, '#bevestig-stap'), /4 mensen.*Centraal Station/s);
    await saveScreenshot(page, 'action-page-2-update-confirm');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await activeId(page), 'bevestig-stap-ja');
    await page.keyboard.press('Enter');
    await eventually(async () =>
      assert.match(await text(page, '#stap-melding'), /Vervolgbericht verstuurd naar 4 mensen/),
    );
    assert.equal(await activeId(page), 'stap-melding', 'the focus is on what happened');
    // The page's own timeline (with the audit log) shows it without a reload.
    await eventually(async () => assert.match(await text(page, '#actie-tijdlijn'), /Vervolgbericht/));
    await saveScreenshot(page, 'action-page-3-update-sent');

    // Widening: a bigger circle round the same centre; the dialog says how many new people get the alert.
    await page.locator('#gebied-aanpassen summary').click();
    await page.evaluate(`(() => {
      const radius = document.getElementById('straal');
      radius.value = '3000';
      radius.dispatchEvent(new Event('input'));
    })()`);
    await page.waitForSelector('#gebied-concept:not([hidden])');
    await page.click('#verruim-knop');
    await page.waitForSelector('#bevestig-stap[open]');
    assert.equal(await activeId(page), 'bevestig-stap-nee');
    assert.match(await text(page, '#bevestig-stap'), /2 nieuwe mensen krijgen het alarmbericht/);
    await page.click('#bevestig-stap-ja');
    await eventually(async () => assert.match(await text(page, '#stap-melding'), /Gebied verruimd: 2 nieuwe mensen/));
    assert.equal((await re05.get(`/api/v1/actions/${action.id}`)).body.area.radiusMetres, 3000);
    await eventually(() => assert.equal(t.system.sms.simulator!.countByNumber('+31612349000'), 2));
    await saveScreenshot(page, 'action-page-4-widened');

    // Closing: only the results of the type, none chosen; refused without one; then asked, sent, and everything off.
    await page.locator('#bediening details', { hasText: 'Resultaat' }).locator('summary').click();
    const offered = await page.evaluate<string[]>(
      `[...document.querySelectorAll('#resultaat option')].filter((o) => !o.hidden).map((o) => o.value)`,
    );
    assert.equal(offered[0], '', 'no result chosen');
    assert.ok(!offered.includes('aangehouden'), `a missing child cannot end "aangehouden": ${offered.join()}`);
    await page.click('#afsluit-knop');
    await eventually(async () => assert.match(await text(page, '#lopend-fout'), /Kies eerst het resultaat/));
    assert.equal(await page.locator('#bevestig-stap[open]').count(), 0);
    await page.selectOption('#resultaat', 'gevonden');
    await page.click('#afsluit-knop');
    await page.waitForSelector('#bevestig-stap[open]');
    assert.equal(await activeId(page), 'bevestig-stap-nee');
    assert.match(await text(page, '#bevestig-stap'), /Resultaat: Gevonden.*6 mensen/is);
    await page.click('#bevestig-stap-ja');
    await eventually(async () => assert.match(await text(page, '#stap-melding'), /Actie afgesloten/));
    assert.equal(await activeId(page), 'stap-melding');
    await eventually(async () =>
      assert.equal(await page.getAttribute('#actie-status', 'class'), 'status status-afgesloten'),
    );
    for (const control of ['#vervolg-knop', '#verruim-knop', '#verplaats-knop', '#afsluit-knop', '#intrek-knop'])
      assert.equal(await page.isDisabled(control), true, `${control} is off after closing`);
    await eventually(async () => assert.match(await text(page, '#actie-tijdlijn'), /Afloopbericht/));
    await assertAccessible(page, 'action page after closing');
    await saveScreenshot(page, 'action-page-5-closed');

    // Opened again, the ended action says why it has no controls.
    await page.goto(`${t.url}/plein/acties/${action.id}`);
    assert.match(await text(page, '#bediening-reden'), /Deze actie is afgesloten: er gaat niets meer uit/);
    assert.equal(await page.locator('#vervolg-knop, #afsluit-knop, #intrek-knop').count(), 0);
    assert.deepEqual(nativeDialogs, []);
    assert.deepEqual(pageErrors, []);
    await close();
  });

  test('another meldkamer that may only look sees the action without controls, and says why', async () => {
    const action = await started(circle(3_000, ZAANDAM), 'Vermist: Daan (7), rode jas.');
    const { page, close } = await loggedIn('centralist', 'RE04');
    await page.goto(`${t.url}/plein/acties/${action.id}`);
    assert.match(await text(page, 'main'), /Deze actie is van meldkamer RE05.*u kunt haar inzien, niet wijzigen/s);
    assert.equal(await page.locator('#bediening').count(), 0);
    assert.equal(await page.locator('#vervolg-knop, #verruim-knop, #afsluit-knop, #intrek-knop, #foto').count(), 0);
    assert.equal(await page.locator('a[href^="/plein/console?actie="]').count(), 0);
    await assertAccessible(page, 'action page, read only');
    await saveScreenshot(page, 'action-page-6-read-only');
    // The API refuses what the page does not offer.
    const re04 = t.api(await t.staffToken('centralist', 'RE04'));
    assert.equal((await re04.post(`/api/v1/actions/${action.id}/updates`, { text: 'Gezien.' })).status, 403);
    assert.equal((await re05.post(`/api/v1/actions/${action.id}/withdraw`, {})).status, 200);
    await close();
  });

  test('at 400% zoom (320 px wide) the page with its controls is one column without sideways scrolling', async () => {
    const action = await started(circle(500, PC1012), 'Vermist: Mila (6), gele jas.');
    const { page, close } = await loggedIn('centralist', 'RE05');
    await page.setViewportSize({ width: 320, height: 256 });
    await page.goto(`${t.url}/plein/acties/${action.id}`);
    await page.waitForSelector('#bediening .leaflet-container');
    const layout = await page.evaluate<{ scrollWidth: number; clientWidth: number; mapWidth: number }>(`(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
      mapWidth: document.getElementById('kaart').getBoundingClientRect().width,
    }))()`);
    assert.ok(layout.scrollWidth <= layout.clientWidth, `no sideways scrolling ${JSON.stringify(layout)}`);
    assert.ok(layout.mapWidth >= 250, `the map takes the width ${JSON.stringify(layout)}`);
    for (const summary of await page.locator('#bediening details > summary').all()) await summary.click();
    for (const control of ['#vervolg-knop', '#verruim-knop', '#verplaats-knop', '#afsluit-knop', '#intrek-knop']) {
      await page.locator(control).scrollIntoViewIfNeeded();
      assert.equal(await page.locator(control).isVisible(), true, control);
      const box = (await page.locator(control).boundingBox())!;
      assert.ok(box.x >= 0 && box.x + box.width <= 320, `${control} fits the width ${JSON.stringify(box)}`);
    }
    await saveScreenshot(page, 'action-page-7-zoom-400');
    assert.equal((await re05.post(`/api/v1/actions/${action.id}/withdraw`, {})).status, 200);
    await close();
  });

  test("a request for approval appears on the other meldkamer's open console without a reload, and is said aloud", async () => {
    const { page, close } = await loggedIn('centralist', 'RE04');
    await page.goto(`${t.url}/plein/console`);
    await page.waitForSelector('.leaflet-container');
    assert.equal(await page.isHidden('#goedkeuringsverzoeken'), true, 'nothing asked yet');
    // A mark in the page's memory: a reload would lose it.
    await page.evaluate('window.zelfdePagina = true');

    const created = await re05.post('/api/v1/actions', {
      type: 'vermissing',
      missingChild: false,
      message: 'Vermist: Daan (7), rode jas.',
      area: circle(8_000, ZAANDAM),
    });
    assert.equal(created.status, 201);
    const refused = await re05.post(`/api/v1/actions/${created.body.id}/start`);
    assert.equal(refused.body.code, 'action.region-approval-required');

    await page.waitForSelector(`#goedkeuringsverzoeken [data-verzoek="${created.body.id}"]`, { timeout: 15_000 });
    assert.equal(await page.evaluate('window.zelfdePagina'), true, 'the page was not reloaded');
    assert.equal(await text(page, '#kop-verzoeken'), 'Verzoeken om goedkeuring (1)');
    assert.equal(
      await text(page, '#verzoeken-melding'),
      `Nieuw verzoek om goedkeuring: actie ${created.body.number} van meldkamer RE05.`,
    );
    assert.equal(await page.getAttribute('#verzoeken-melding', 'aria-live'), 'polite');
    await assertAccessible(page, 'console with a new approval request');
    await saveScreenshot(page, 'action-page-8-approval-request-live');
    await close();
  });
});
