import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startAction, VONDELPARK_AREA } from './support/app-support.js';
import { assertAccessible, launchBrowser, newDesktopContext, saveScreenshot } from './support/browser.js';
import { createStaffLogin, type StaffLogin, logInInBrowser } from './support/plein.js';
import { eventually, startTestSystem, type TestSystem } from './support/test-system.js';

const MINUTE = 60_000;

/**
 * The portal's session in a real Chromium: the warning before it ends by idleness, a visible console on a live
 * action that keeps it alive, and what was typed surviving its end. The page's timers run on Playwright's clock
 * (fast-forwarded, never slept); the server's on the test clock.
 */
describe('Burgernetplein in the browser: the session warns before it ends, and what was typed survives it', () => {
  let t: TestSystem;
  let browser: Browser;
  let base: string;

  before(async () => {
    t = await startTestSystem({ SESSION_IDLE_MINUTES: '30', STAFF_STREAM_CHECK_SECONDS: '1' });
    base = t.url.replace('//127.0.0.1:', '//localhost:');
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await t?.stop();
  });

  /** Moves the server's clock to `minutes` after `start`. */
  const serverAt = (start: number, minutes: number) => t.clock.set(new Date(start + minutes * MINUTE));

  async function logIn(page: Page, login: StaffLogin): Promise<void> {
    await logInInBrowser(page, base, login, t.clock.now());
  }

  async function lastSeen(staffId: string): Promise<number> {
    const [row] = await t.system.database.query<{ last_seen_at: Date }>(
      'select last_seen_at from staff_sessions where staff_id = $1 and ended_at is null',
      [staffId],
    );
    assert.ok(row, 'the session is still open');
    return new Date(row.last_seen_at).getTime();
  }

  test('some minutes before the session would end by idleness, a Dutch alertdialog offers "Blijf ingelogd", which keeps the user logged in', async () => {
    const context = await newDesktopContext(browser);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.clock.install();
    const login = await createStaffLogin(t, 'centralist', 'RE05');
    const start = Date.now();
    try {
      await logIn(page, login);
      await page.goto(`${base}/plein/account`);
      serverAt(start, 29);
      await page.clock.fastForward('28:30');
      const warning = page.getByRole('alertdialog', { name: 'Blijft u ingelogd?' });
      await warning.waitFor();
      assert.match((await warning.textContent()) ?? '', /Om \d\d:\d\d wordt u automatisch uitgelogd/);
      assert.equal(await page.evaluate('document.activeElement?.id'), 'sessie-blijf', 'the button has the focus');
      assert.deepEqual(
        await Promise.all(['#sessie-sluit', '#sessie-inloggen'].map((s) => page.locator(s).isVisible())),
        [false, false],
        'only "Blijf ingelogd"',
      );
      await assertAccessible(page, 'session warning');
      await saveScreenshot(page, 'sessie-1-waarschuwing');

      await page.keyboard.press('Enter');
      await warning.waitFor({ state: 'hidden' });
      assert.ok((await lastSeen(login.id)) >= start + 29 * MINUTE, 'the click counted as activity');
      serverAt(start, 45);
      const response = await page.goto(`${base}/plein/account`);
      assert.equal(new URL(page.url()).pathname, '/plein/account', 'still logged in past the old end');
      assert.equal(response?.status(), 200);
    } finally {
      t.clock.set(new Date());
    }
    assert.deepEqual(pageErrors, []);
    await context.close();
  });

  test('when the session ends anyway, the page says so, and the draft in the console is back after logging in again', async () => {
    const context = await newDesktopContext(browser);
    const page = await context.newPage();
    await page.clock.install();
    const login = await createStaffLogin(t, 'centralist', 'RE05');
    const start = Date.now();
    const message = 'Vermist: Sanne (8), blond haar, roze jas. Laatst gezien op de Dam.';
    try {
      await logIn(page, login);
      assert.equal(new URL(page.url()).pathname, '/plein/console');
      await page.waitForSelector('.leaflet-container');
      await page.selectOption('#type', 'vermissing');
      await page.fill('#bericht', message);
      await page.fill('#omschrijving', 'Rode fiets bij zich.');

      serverAt(start, 31);
      await page.clock.fastForward('29:00');
      const ended = page.getByRole('alertdialog', { name: 'Uw sessie is verlopen' });
      await ended.waitFor();
      assert.equal(await page.evaluate('document.activeElement?.id'), 'sessie-inloggen');
      assert.deepEqual(
        await Promise.all(['#sessie-blijf', '#sessie-sluit'].map((s) => page.locator(s).isVisible())),
        [false, false],
        'only "Opnieuw inloggen"',
      );
      await assertAccessible(page, 'session ended');
      await saveScreenshot(page, 'sessie-2-verlopen');

      await page.click('#sessie-inloggen');
      await page.waitForURL('**/plein/inloggen?verlopen=1');
      await logIn(page, login);
      assert.equal(new URL(page.url()).pathname, '/plein/console', 'back where the user was');
      await eventually(async () => assert.equal(await page.inputValue('#bericht'), message));
      assert.equal(await page.inputValue('#type'), 'vermissing');
      assert.equal(await page.inputValue('#omschrijving'), 'Rode fiets bij zich.');
      await saveScreenshot(page, 'sessie-3-concept-terug');

      // Once: a reload starts from an empty console again.
      await page.reload();
      await page.waitForSelector('.leaflet-container');
      assert.notEqual(await page.inputValue('#bericht'), message);
    } finally {
      t.clock.set(new Date());
    }
    await context.close();
  });

  test('a visible console on a live action keeps the session alive; when it ends anyway, the action and the update text come back', async () => {
    const actionId = await startAction(t.api(await t.staffToken('centralist', 'RE05')), {
      type: 'vermissing',
      message: 'Vermist: Daan (79), blauwe pet.',
      area: VONDELPARK_AREA,
    });
    const context = await newDesktopContext(browser);
    const page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    await page.clock.install();
    const login = await createStaffLogin(t, 'centralist', 'RE05');
    const start = Date.now();
    try {
      await logIn(page, login);
      await page.goto(`${base}/plein/console?actie=${actionId}`);
      await page.waitForSelector('#stap-lopend:not([hidden])');

      // Nobody types for twenty minutes, but the console shows the live action: it keeps the session alive.
      serverAt(start, 20);
      const keptAlive = page.waitForRequest(
        (r) => r.method() === 'POST' && new URL(r.url()).pathname === '/plein/sessie/verlengen',
      );
      await page.clock.fastForward('05:30');
      await keptAlive;
      await eventually(async () => assert.ok((await lastSeen(login.id)) >= start + 20 * MINUTE));
      serverAt(start, 45);
      assert.equal(
        await page.evaluate(async () => ((await (await fetch('/plein/sessie')).json()) as { active: boolean }).active),
        true,
        'past the idle time since login, still logged in',
      );

      await page
        .locator('details', { has: page.locator('#vervolg') })
        .locator('summary')
        .click();
      await page.fill('#vervolg', 'Daan is gezien bij het station.');
      // The session ends after all (here: idle on the server); the live streams end with it and the page says so.
      serverAt(start, 80);
      await page.getByRole('alertdialog', { name: 'Uw sessie is verlopen' }).waitFor();

      await page.click('#sessie-inloggen');
      await page.waitForURL('**/plein/inloggen?verlopen=1');
      await logIn(page, login);
      await page.waitForSelector('#stap-lopend:not([hidden])');
      assert.equal(new URL(page.url()).searchParams.get('actie'), actionId, 'the live action is open again');
      assert.equal(await page.inputValue('#vervolg'), 'Daan is gezien bij het station.');
    } finally {
      t.clock.set(new Date());
    }
    await context.close();
  });
});
