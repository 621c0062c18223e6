import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { seedDashboardHistory } from '../src/adapters/seed/dashboard-history.js';
import { seedParticipants } from '../src/adapters/seed/seed-participants.js';
import {
  assertAccessible,
  launchBrowser,
  newDesktopContext,
  newPhoneContext,
  saveScreenshot,
} from './support/browser.js';
import { createStaffLogin, totpCode, type StaffLogin } from './support/plein.js';
import { startTestSystem, type TestSystem } from './support/test-system.js';

/** One gemeente's dashboard in a real Chromium: charts, the map, a CSV download, accessibility. */
describe('the dashboard in the browser', () => {
  let t: TestSystem;
  let browser: Browser;
  let base: string;
  let gemeente: StaffLogin;
  let gemeenteBeheer: StaffLogin;

  before(async () => {
    t = await startTestSystem({ WEBAUTHN_RP_ID: 'localhost' });
    base = t.url.replace('//127.0.0.1:', '//localhost:');
    const { gemeenten, pc4Centroids } = t.system.geodata;
    // 20,000 participants spread by population (Amsterdam gets about a thousand) and a year of history.
    await seedParticipants(t.system.database, { count: 20_000, seed: 7, gemeenten, pc4Centroids, at: new Date() });
    await seedDashboardHistory(t.system.database, {
      gemeenten,
      now: new Date(),
      months: 12,
      actionsPerMonth: 200,
      seed: 7,
      redateParticipants: true,
    });
    gemeente = await createStaffLogin(t, 'gemeente', 'GM0363');
    // A second account: a TOTP code counts once per account, and both tests log in within one 30-second step.
    gemeenteBeheer = await createStaffLogin(t, 'gemeente-beheer', 'GM0363');
    browser = await launchBrowser();
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

  const cellsOf = (page: Page, id: string) =>
    page.$$eval(`table[data-table="${id}"] tr`, (rows) =>
      rows.map((row) => [...row.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())),
    );

  test("a gemeente user's dashboard shows its charts and the map, passes axe, and a table's CSV matches the table", async () => {
    const context = await newDesktopContext(browser, { acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await logIn(page, gemeente);
    await page.goto(`${base}/plein/dashboard`);
    assert.equal(
      new URL(page.url()).pathname,
      '/plein/dashboard/GM0363',
      'a gemeente user lands on their own dashboard',
    );
    assert.equal(await page.textContent('h1'), 'Dashboard Amsterdam');

    // Charts drawn on the server, each with its table.
    for (const chart of ['kanalen', 'verloop', 'acties-gemeente', 'acties-national', 'succes', 'vergelijking']) {
      assert.equal(await page.locator(`#grafiek-${chart} svg[role=img]`).count(), 1, `chart ${chart}`);
    }
    assert.ok(
      (await page.locator('#grafiek-acties-gemeente rect').count()) > 5,
      'the gemeente had actions, drawn as columns',
    );
    assert.ok((await page.locator('#grafiek-verloop path.marker').count()) > 0, 'actions are marked on the trend');
    // The map: every gemeente's shape, coloured, with a legend.
    await page.waitForSelector('#deelname-kaart[data-drawn="true"]', { timeout: 30_000 });
    assert.ok((await page.locator('#deelname-kaart path.leaflet-interactive').count()) >= 342);
    assert.ok((await page.locator('#kaart-legenda li').count()) >= 4, 'classes and "minder dan 10" in the legend');
    await assertAccessible(page, 'the gemeente dashboard');
    await saveScreenshot(page, 'dashboard-1-gemeente-amsterdam');

    // The participants table's CSV: the same cells as the table on the page.
    const table = await cellsOf(page, 'deelnemers');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[data-csv="deelnemers"]')]);
    const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
    const rows = csv
      .trim()
      .split(/\r?\n/)
      .map((line) => line.split(';').map((c) => c.replace(/^"|"$/g, '')));
    assert.deepEqual(rows, table);
    assert.ok(rows.length >= 5 && rows[1]![0] === 'Deelnemers');

    // The trend table (opened from its chart) downloads the same way, for the chosen period.
    await page.click('#grafiek-verloop ~ details summary');
    const trend = await cellsOf(page, 'verloop');
    const [trendDownload] = await Promise.all([page.waitForEvent('download'), page.click('a[data-csv="verloop"]')]);
    const trendCsv = (await readFile(await trendDownload.path(), 'utf8')).replace(/^\uFEFF/, '');
    assert.deepEqual(
      trendCsv
        .trim()
        .split(/\r?\n/)
        .map((line) => line.split(';').map((c) => c.replace(/^"|"$/g, ''))),
      trend,
    );

    // Another gemeente's detail is refused; its figures are on the map and in the ranking only.
    const other = await page.goto(`${base}/plein/dashboard/GM0344`);
    assert.equal(other?.status(), 403);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('on a phone the dashboard stays readable and accessible', async () => {
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    await logIn(page, gemeenteBeheer);
    await page.goto(`${base}/plein/dashboard/GM0363`);
    await page.waitForSelector('#deelname-kaart[data-drawn="true"]', { timeout: 30_000 });
    await assertAccessible(page, 'the dashboard on a phone');
    await saveScreenshot(page, 'dashboard-2-telefoon');
    await context.close();
  });
});
