import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { startAction, VONDELPARK_AREA } from './support/app-support.js';
import {
  assertAccessible,
  launchBrowser,
  newDesktopContext,
  newPhoneContext,
  saveScreenshot,
} from './support/browser.js';
import { createStaffLogin, type StaffLogin, logInInBrowser } from './support/plein.js';
import { eventually, startTestSystem, type TestSystem } from './support/test-system.js';

/** A tile server on loopback standing in for PDOK's: every tile the same small PNG, or 500 when told to fail. */
interface TileServer {
  readonly url: string;
  failing: boolean;
  close(): Promise<void>;
}

async function startTileServer(): Promise<TileServer> {
  const png = await sharp({ create: { width: 256, height: 256, channels: 3, background: '#e8eef2' } })
    .png()
    .toBuffer();
  const state = { failing: false };
  const server: Server = createServer((request, response) => {
    if (state.failing || !/^\/tiles\/\d+\/\d+\/\d+\.png$/.test(request.url ?? '')) {
      response.writeHead(500).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'image/png', 'content-length': png.length }).end(png);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/tiles/{z}/{x}/{y}.png`,
    get failing() {
      return state.failing;
    },
    set failing(value) {
      state.failing = value;
    },
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/** Where the map looks: the zoom and the middle of the newest tiles it shows (each tile's src says z/x/y). */
async function mapView(page: Page): Promise<{ zoom: number; lat: number; lon: number }> {
  const sources = await page.$$eval('#kaart img.leaflet-tile-loaded', (images) =>
    images.map((img) => img.getAttribute('src') ?? ''),
  );
  const tiles = sources.map((src) => /\/(\d+)\/(\d+)\/(\d+)\.png$/.exec(src)?.slice(1).map(Number) ?? []);
  const zoom = Math.max(...tiles.map(([z = 0]) => z));
  const current = tiles.filter(([z]) => z === zoom);
  assert.ok(current.length > 0, 'the map shows tiles');
  const n = 2 ** zoom;
  const lon = current.reduce((sum, [, x = 0]) => sum + ((x + 0.5) / n) * 360 - 180, 0) / current.length;
  const lat =
    current.reduce(
      (sum, [, , y = 0]) => sum + (Math.atan(Math.sinh(Math.PI * (1 - (2 * (y + 0.5)) / n))) * 180) / Math.PI,
      0,
    ) / current.length;
  return { zoom, lat, lon };
}

/**
 * The console's map in Chromium, over a base map served on loopback (as PDOK's would be): where it opens, its
 * attribution, one Tab stop, and the search field that says what it found.
 */
describe('the console map and search in the browser', () => {
  let t: TestSystem;
  let tiles: TileServer;
  let browser: Browser;
  let base: string;

  before(async () => {
    tiles = await startTileServer();
    t = await startTestSystem({ CONSOLE_MAP_TILE_URL: tiles.url, APP_MAP_TILE_URL: tiles.url });
    base = t.url.replace('//127.0.0.1:', '//localhost:');
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await t?.stop();
    await tiles?.close();
  });

  /** A logged-in console; `closeConsole` checks that its scripts threw nothing. */
  const pageErrors = new WeakMap<Page, string[]>();
  async function openConsole(login: StaffLogin, waitForTiles = true): Promise<Page> {
    const context = await newDesktopContext(browser);
    const page = await context.newPage();
    const errors: string[] = [];
    pageErrors.set(page, errors);
    page.on('pageerror', (e) => errors.push(e.message));
    await logInInBrowser(page, base, login, t.clock.now());
    if (waitForTiles) await page.waitForSelector('#kaart img.leaflet-tile-loaded');
    return page;
  }
  async function closeConsole(page: Page): Promise<void> {
    assert.deepEqual(pageErrors.get(page), []);
    await page.context().close();
  }

  test('opens on the meldkamer police unit over the base map, with its attribution; national staff on the country', async () => {
    const page = await openConsole(await createStaffLogin(t, 'centralist', 'RE05'));
    const amsterdam = await eventually(async () => {
      const view = await mapView(page);
      assert.ok(view.zoom >= 10, JSON.stringify(view));
      return view;
    });
    assert.ok(
      Math.abs(amsterdam.lat - 52.33) < 0.15 && Math.abs(amsterdam.lon - 4.89) < 0.25,
      JSON.stringify(amsterdam),
    );
    const attribution = (await page.textContent('#kaart .leaflet-control-attribution')) ?? '';
    assert.match(attribution, /Kaartgegevens © Kadaster/);
    assert.match(attribution, /Gemeentegrenzen © CBS/);
    // The boundaries lie over the tiles as lines only, so the streets stay readable.
    await page.waitForSelector('#kaart path', { state: 'attached' });
    assert.equal(await page.getAttribute('#kaart path', 'fill'), 'none');
    await assertAccessible(page, 'console over the base map');
    await closeConsole(page);

    const national = await openConsole(await createStaffLogin(t, 'landelijk-beheer'));
    const country = await mapView(national);
    assert.ok(
      country.zoom <= 8 && Math.abs(country.lat - 52.15) < 0.6 && Math.abs(country.lon - 5.3) < 0.8,
      JSON.stringify(country),
    );
    await closeConsole(national);
  });

  test('the map is one Tab stop with its own keys: one Tab reaches it, the next leaves it', async () => {
    const page = await openConsole(await createStaffLogin(t, 'centralist', 'RE05'));
    await page.waitForSelector('#kaart path', { state: 'attached' });
    const active = async () => ({
      id: String(await page.evaluate('document.activeElement?.id ?? ""')),
      inMap: Boolean(await page.evaluate('document.activeElement?.closest("#kaart") !== null')),
    });
    // The field before the map: start there, and count Tab presses.
    await page.locator('#kaart').focus();
    await page.keyboard.press('Shift+Tab');
    const before = await active();
    assert.equal(before.inMap, false, 'Shift+Tab leaves the map backwards in one press');
    await page.keyboard.press('Tab');
    assert.deepEqual(await active(), { id: 'kaart', inMap: true }, 'one Tab reaches the map');
    await page.keyboard.press('Tab');
    assert.equal((await active()).inMap, false, 'the next Tab leaves it');
    // Its name, and the hint of its keys read with it.
    assert.equal(await page.getAttribute('#kaart', 'aria-label'), 'Kaart van het gebied');
    assert.match((await page.textContent('#kaart-toetsen')) ?? '', /pijltjestoetsen schuiven, \+ en − zoomen, Enter/);
    assert.equal(await page.getAttribute('#kaart', 'aria-describedby'), 'kaart-toetsen');
    // Leaflet's own keys still work: + zooms in.
    const zoomBefore = (await mapView(page)).zoom;
    await page.locator('#kaart').focus();
    await page.keyboard.press('+');
    await eventually(async () => assert.equal((await mapView(page)).zoom, zoomBefore + 1));
    // The gemeenten take no focus, but the mouse still finds their names.
    const box = (await page.locator('#kaart').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width / 2 + 5, box.y + box.height / 2 + 5);
    const inUnit = /^(Amsterdam|Amstelveen|Aalsmeer|Diemen|Ouder-Amstel|Uithoorn)$/;
    await eventually(async () => assert.match((await page.textContent('.gemeente-tooltip')) ?? '', inUnit));
    await closeConsole(page);
  });

  test('a place name moves the centre there and the page says what was found; several are offered to pick', async () => {
    const page = await openConsole(await createStaffLogin(t, 'centralist', 'RE05'));
    await page.fill('#plaats-zoek', 'Utrecht');
    await page.press('#plaats-zoek', 'Enter');
    await eventually(async () =>
      assert.equal(await page.textContent('#plaats-status'), 'Utrecht → woonplaats Utrecht (midden)'),
    );
    await page.waitForSelector('path.incident-area');
    await eventually(async () => {
      const view = await mapView(page);
      assert.ok(Math.abs(view.lat - 52.09) < 0.08 && Math.abs(view.lon - 5.11) < 0.12, JSON.stringify(view));
    });

    await page.fill('#plaats-zoek', 'Hengelo');
    await page.press('#plaats-zoek', 'Enter');
    await page.waitForSelector('#plaats-keuzes:not([hidden]) button');
    assert.equal(await page.textContent('#plaats-status'), '2 plaatsen gevonden; kies er een:');
    assert.equal(await page.evaluate('document.activeElement?.textContent'), 'woonplaats Hengelo (midden)');
    await assertAccessible(page, 'console with place choices');
    await saveScreenshot(page, 'console-kaart-keuzes');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate('document.activeElement?.textContent'), 'woonplaats Hengelo (Gld) (midden)');
    await page.keyboard.press('Enter');
    await eventually(async () =>
      assert.equal(await page.textContent('#plaats-status'), 'Hengelo → woonplaats Hengelo (Gld) (midden)'),
    );
    assert.equal(await page.isHidden('#plaats-keuzes'), true);
    assert.equal(await page.evaluate('document.activeElement?.id'), 'plaats-zoek');

    await page.fill('#plaats-zoek', 'Atlantis');
    await page.press('#plaats-zoek', 'Enter');
    await eventually(async () =>
      assert.match((await page.textContent('#plaats-fout')) ?? '', /Geen adres, plaats of postcode gevonden/),
    );
    await closeConsole(page);
  });

  test('without tiles the gemeenten are drawn filled, so the map is never blank', async () => {
    tiles.failing = true;
    try {
      const page = await openConsole(await createStaffLogin(t, 'centralist', 'RE05'), false);
      await eventually(async () => assert.equal(await page.getAttribute('#kaart path', 'fill-opacity'), '0.6'));
      await saveScreenshot(page, 'console-kaart-zonder-tegels');
      assert.match((await page.textContent('#kaart .leaflet-control-attribution')) ?? '', /Gemeentegrenzen © CBS/);
      await closeConsole(page);
    } finally {
      tiles.failing = false;
    }
  });

  test('the public action page shows the base map with its attribution, still; the gemeenten when tiles fail', async () => {
    const id = await startAction(t.api(await t.staffToken('centralist', 'RE05')), {
      type: 'diefstal',
      message: 'Fiets gestolen bij het Vondelpark.',
      area: VONDELPARK_AREA,
    });
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    await page.goto(`${t.url}/acties/${id}`);
    await page.waitForSelector('#actie-kaart img.leaflet-tile-loaded');
    assert.match((await page.textContent('.map-credit')) ?? '', /Kaartgegevens © Kadaster/);
    assert.equal(await page.$('#actie-kaart .leaflet-control-zoom'), null, 'a picture, not a widget');
    tiles.failing = true;
    try {
      await page.reload();
      await eventually(async () =>
        assert.match((await page.textContent('.map-credit')) ?? '', /Kaartgegevens © Kadaster.* · © CBS \/ PDOK/),
      );
      assert.equal(await page.$('#actie-kaart img.leaflet-tile-loaded'), null);
    } finally {
      tiles.failing = false;
    }
    await context.close();
  });
});
