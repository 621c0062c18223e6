import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { assertAccessible, launchBrowser, newDesktopContext, saveScreenshot } from './support/browser.js';
import { registerParticipant } from './support/participants.js';
import { createStaffLogin, type StaffLogin, logInInBrowser } from './support/plein.js';
import { eventually, startTestSystem, type ApiClient, type TestSystem } from './support/test-system.js';

type Place = { readonly lat: number; readonly lon: number };
// The PC4 centroids (data/nl/pc4_centroids_postcodetabel.csv); the offline geocoder puts addresses within 380 m.
const PC1012 = { lat: 52.373174, lon: 4.894814 };
const PC1018 = { lat: 52.367312, lon: 4.917129 };

/** Web Mercator pixels at `zoom`: how far apart two places are drawn on a Leaflet map. */
function pixels(p: Place, zoom: number): { x: number; y: number } {
  const scale = 256 * 2 ** zoom;
  const sin = Math.sin((p.lat * Math.PI) / 180);
  return {
    x: ((p.lon + 180) / 360) * scale,
    y: (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * scale,
  };
}

/**
 * A live action in the console, as a second centralist of the meldkamer carries it on: what was sent and to how
 * many people, a confirmed update, a stray click that changes nothing, gebied verplaatsen with its count, a
 * widening elsewhere refused, and closing, after which nothing can be sent. Each step says what it did, with the
 * focus on that message.
 */
describe('the console with a live action', () => {
  let t: TestSystem;
  let browser: Browser;
  let login: StaffLogin;
  let starter: ApiClient;
  let actionId: string;

  before(async () => {
    t = await startTestSystem({ SMPP_BINDS: '1' });
    browser = await launchBrowser();
    login = await createStaffLogin(t, 'centralist', 'RE05');
    starter = t.api(await t.staffToken('centralist', 'RE05'));
    const beheer = t.api(await t.staffToken('landelijk-beheer'));
    for (let i = 0; i < 4; i++) {
      await registerParticipant(beheer, `Dam ${i}`, [
        { phone: `0612346${String(i).padStart(3, '0')}`, postcode: '1012 AB', houseNumber: i + 1 },
      ]);
    }
    for (let i = 0; i < 2; i++) {
      await registerParticipant(beheer, `Oost ${i}`, [
        { phone: `0612347${String(i).padStart(3, '0')}`, postcode: '1018 AB', houseNumber: i + 1 },
      ]);
    }
    const created = await starter.post('/api/v1/actions', {
      type: 'vermissing',
      missingChild: true,
      message: 'Vermist: Sanne (8), roze jas.',
      area: { kind: 'circle', centre: PC1012, radiusMetres: 800 },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    actionId = created.body.id as string;
    assert.equal((await starter.post(`/api/v1/actions/${actionId}/start`)).status, 200);
    await eventually(async () =>
      assert.equal(
        t.system.sms.simulator!.messages.length,
        4,
        JSON.stringify((await starter.get(`/api/v1/actions/${actionId}`)).body),
      ),
    );
  });
  after(async () => {
    await browser?.close();
    await t?.stop();
  });

  async function logIn(page: Page, as: StaffLogin = login): Promise<void> {
    const login = as;
    await logInInBrowser(page, t.url, login, t.clock.now());
  }

  /** Clicks the map where `place` is drawn, the map being centred on `centre` at zoom 13 (as opening an action does). */
  async function clickMapAt(page: Page, centre: Place, place: Place): Promise<void> {
    const box = (await page.locator('#kaart').boundingBox())!;
    const from = pixels(centre, 13);
    const to = pixels(place, 13);
    await page.mouse.click(box.x + box.width / 2 + (to.x - from.x), box.y + box.height / 2 + (to.y - from.y));
  }

  const apiArea = async () => (await starter.get(`/api/v1/actions/${actionId}`)).body.area;

  test('opened by a colleague, it shows what was sent to how many people; every step asks, tells and keeps the focus', async () => {
    const context = await newDesktopContext(browser);
    const page = await context.newPage();
    const nativeDialogs: string[] = [];
    page.on('dialog', (dialog) => {
      nativeDialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await logIn(page);
    await page.goto(`${t.url}/plein/console`);
    await page.click(`[data-actie="${actionId}"]`);
    await page.waitForSelector('#stap-lopend:not([hidden])');

    // What was sent, and to how many people: four at the Dam, by SMS; people and messages apart.
    await eventually(async () => {
      assert.match((await page.textContent('#verzonden')) ?? '', /Vermist: Sanne \(8\), roze jas\./);
      assert.match(
        (await page.textContent('#tijdlijn')) ?? '',
        /Alarmbericht naar 4 mensen \(sms 4\)/,
        `${await page.textContent('#lopend-fout')} ${pageErrors.join()} ${await page.textContent('#stap-lopend')}`,
      );
      assert.equal(await page.textContent('#voortgang tr[data-kanaal="sms"] td:nth-of-type(1)'), '4');
    }, 30_000);
    assert.match((await page.textContent('#verzonden')) ?? '', /cirkel met een straal van 800 m/);
    assert.equal(await page.locator('path.action-area').count(), 1, 'the live area is drawn');
    assert.equal(await page.getAttribute('#actie-status', 'class'), 'status status-actief');
    await assertAccessible(page, 'console with a live action');
    await saveScreenshot(page, 'console-live-1-geopend');

    // An update: the dialog restates text and people, opens on "Terug", and Enter cancels.
    await page.locator('#stap-lopend details', { hasText: 'Vervolgbericht' }).locator('summary').click();
    await page.fill('#vervolg', 'Sanne is gezien bij het Centraal Station.');
    assert.match((await page.textContent('#vervolg-teller')) ?? '', /tekens/);
    await page.click('#vervolg-knop');
    await page.waitForSelector('#bevestig-stap[open]');
    assert.equal(await page.evaluate('document.activeElement?.id'), 'bevestig-stap-nee');
    const restated = (await page.textContent('#bevestig-stap')) ?? '';
    assert.match(restated, /4 mensen/);
    assert.match(restated, /Centraal Station/);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#bevestig-stap[open]', { state: 'detached' });
    const updates = () =>
      t.system.database.query(`select 1 from action_messages where action_id = $1 and kind = 'update'`, [actionId]);
    assert.equal((await updates()).length, 0, 'Enter in the dialog sent nothing');
    await page.click('#vervolg-knop');
    await page.waitForSelector('#bevestig-stap[open]');
    await page.click('#bevestig-stap-ja');
    await eventually(async () =>
      assert.match((await page.textContent('#stap-melding')) ?? '', /Vervolgbericht verstuurd naar 4 mensen/),
    );
    assert.equal(await page.evaluate('document.activeElement?.id'), 'stap-melding', 'the focus is on what happened');
    await eventually(async () =>
      assert.match((await page.textContent('#tijdlijn')) ?? '', /Vervolgbericht naar 4 mensen/),
    );
    await saveScreenshot(page, 'console-live-2-vervolgbericht');

    // A stray click on the map draws a proposal and changes nothing.
    const before = await apiArea();
    await clickMapAt(page, PC1012, PC1018);
    await page.waitForSelector('#gebied-concept:not([hidden])');
    assert.deepEqual(await apiArea(), before, 'the live area did not move');
    await saveScreenshot(page, 'console-live-3-losse-klik');

    // Gebied verplaatsen: the dialog says how many new people get the alert, and who stays part of the action.
    await page.locator('#gebied-aanpassen summary').click();
    await page.click('#verplaats-knop');
    await page.waitForSelector('#bevestig-stap[open]');
    assert.equal(await page.evaluate('document.activeElement?.id'), 'bevestig-stap-nee');
    const moveDialog = (await page.textContent('#bevestig-stap')) ?? '';
    assert.match(moveDialog, /2 nieuwe mensen krijgen het alarmbericht/);
    assert.match(moveDialog, /Wie al bereikt is \(4 mensen\)/);
    await assertAccessible(page, 'move confirmation');
    await saveScreenshot(page, 'console-live-4-verplaatsen-bevestigen');
    await page.click('#bevestig-stap-ja');
    await eventually(async () =>
      assert.match((await page.textContent('#stap-melding')) ?? '', /Gebied verplaatst: 2 nieuwe mensen/),
    );
    assert.notDeepEqual(await apiArea(), before);
    await eventually(async () => {
      assert.match((await page.textContent('#tijdlijn')) ?? '', /Gebied verplaatst: 2 nieuwe mensen/);
      assert.equal(await page.locator('path.earlier-area').count(), 1, 'the original area stays drawn');
    });
    // Someone newly reached gets the alert and the update sent so far.
    await eventually(() => assert.equal(t.system.sms.simulator!.countByNumber('+31612347000'), 2));
    await saveScreenshot(page, 'console-live-5-verplaatst');

    // Widening to a place that does not hold the current area: refused, in the page as by the API.
    await clickMapAt(page, PC1018, PC1012);
    await page.click('#verruim-knop');
    await page.waitForSelector('#bevestig-stap[open]');
    await page.click('#bevestig-stap-ja');
    await eventually(async () => assert.match((await page.textContent('#lopend-fout')) ?? '', /Verruimen|gebied/i));
    await saveScreenshot(page, 'console-live-6-verruimen-geweigerd');

    // The action's own page leads to the console with every control.
    await page.goto(`${t.url}/plein/acties/${actionId}`);
    await page.click('a[href^="/plein/console?actie="]');
    await page.waitForSelector('#stap-lopend:not([hidden])');
    await eventually(async () => assert.match((await page.textContent('#tijdlijn')) ?? '', /Gebied verplaatst/));

    // Closing: after it, the panel says so and nothing more can be sent.
    await page.locator('#stap-lopend details', { hasText: 'Resultaat' }).locator('summary').click();
    await page.selectOption('#resultaat', 'gevonden');
    await page.click('#afsluit-knop');
    await page.waitForSelector('#bevestig-stap[open]');
    assert.match((await page.textContent('#bevestig-stap')) ?? '', /6 mensen/);
    await page.click('#bevestig-stap-ja');
    await eventually(async () => assert.match((await page.textContent('#stap-melding')) ?? '', /afgesloten/));
    assert.equal(await page.evaluate('document.activeElement?.id'), 'stap-melding');
    assert.equal(await page.getAttribute('#actie-status', 'class'), 'status status-afgesloten');
    for (const control of ['#vervolg-knop', '#verruim-knop', '#verplaats-knop', '#afsluit-knop', '#intrek-knop'])
      assert.equal(await page.isDisabled(control), true, `${control} is off after closing`);
    await assertAccessible(page, 'closed action');
    await saveScreenshot(page, 'console-live-7-afgesloten');

    // Leaving asks in the same styled dialog, never the browser's own.
    await page.click('#nieuw-knop');
    await page.waitForSelector('#stap-bericht:not([hidden])');
    assert.deepEqual(nativeDialogs, []);
    assert.deepEqual(pageErrors, []);
    await context.close();
  });
  test('the console reflows at 200% and stays usable at 400% zoom: one column, no sideways scrolling', async () => {
    const context = await newDesktopContext(browser);
    const page = await context.newPage();
    // Another centralist: a TOTP code is taken once per account.
    await logIn(page, await createStaffLogin(t, 'centralist', 'RE05'));
    // 1366×768 at 200 %, and 1280×1024 at 400 % (WCAG 1.4.10: 320 CSS pixels wide).
    for (const [zoom, width, height] of [
      [200, 683, 384],
      [400, 320, 256],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.goto(`${t.url}/plein/console`);
      await page.waitForSelector('.leaflet-container');
      const layout = await page.evaluate<{
        scrollWidth: number;
        clientWidth: number;
        mapWidth: number;
        mapHeight: number;
      }>(`(() => {
        const map = document.getElementById('kaart').getBoundingClientRect();
        return {
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
          mapWidth: map.width,
          mapHeight: map.height,
        };
      })()`);
      assert.ok(layout.scrollWidth <= layout.clientWidth, `${zoom}%: no sideways scrolling ${JSON.stringify(layout)}`);
      assert.ok(layout.mapWidth >= width * 0.85, `${zoom}%: the map takes the width ${JSON.stringify(layout)}`);
      assert.ok(layout.mapHeight >= 150, `${zoom}%: the map keeps a usable height ${JSON.stringify(layout)}`);
      await page.locator('#start-knop').scrollIntoViewIfNeeded();
      assert.equal(await page.locator('#start-knop').isVisible(), true);
      await saveScreenshot(page, `console-zoom-${zoom}`);
    }
    await context.close();
  });
});
