import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  startLocatieserverSimulator,
  type LocatieserverSimulator,
} from '../src/adapters/geocoding/locatieserver-simulator.js';
import { launchBrowser, newDesktopContext, saveScreenshot } from './support/browser.js';
import { registerParticipant } from './support/participants.js';
import { createStaffLogin, totpCode } from './support/plein.js';
import { startTestSystem, type TestSystem } from './support/test-system.js';

const MESSAGE = 'Vermist: Daan (7), 1,20 m, blond, rode jas. Laatst gezien op de Dam om 14.00 uur.';
const FIGURES_FILE = join(process.cwd(), 'test-output', 'console-usage-figures.json');

interface Run {
  readonly how: string;
  clicks: number;
  keys: number;
  typed: number;
  seconds: number;
}

/**
 * The figures the console issue asks for, scripted in Chromium: clicks, key presses and seconds from the login
 * page to "started" for a missing child, found by postcode (offline gazetteer) and by street name (PDOK
 * Locatieserver, against its simulator), with the mouse and with the keyboard only; and the Tab presses from the
 * top of the console to the Start button. Printed and written to test-output/; the test asserts the flows work and
 * that the Start button is within reach of the keyboard, never a time.
 */
describe('console usage figures', () => {
  let offline: TestSystem;
  let pdokSystem: TestSystem;
  let pdok: LocatieserverSimulator;
  let browser: Browser;
  const runs: Run[] = [];
  let tabsToStart = 0;

  before(async () => {
    pdok = await startLocatieserverSimulator();
    offline = await startTestSystem();
    pdokSystem = await startTestSystem({ GEOCODER: 'pdok', PDOK_URL: pdok.baseUrl });
    browser = await launchBrowser();
    // Only the offline system has participants: with GEOCODER=pdok, registering asks PDOK too, whose simulator
    // knows only the places the search needs. An action reaching nobody still starts.
    for (const t of [offline]) {
      const beheer = t.api(await t.staffToken('landelijk-beheer'));
      for (let i = 0; i < 3; i++)
        await registerParticipant(beheer, `Dam ${i}`, [
          { phone: `0612348${String(i).padStart(3, '0')}`, postcode: '1012 AB', houseNumber: i + 1 },
        ]);
    }
  });
  after(async () => {
    await mkdir(join(process.cwd(), 'test-output'), { recursive: true });
    await writeFile(FIGURES_FILE, JSON.stringify({ runs, tabsToStart }, null, 2));
    process.stdout.write(
      `\nConsole usage (login page → "gestart"):\n${runs
        .map(
          (r) =>
            `  ${r.how}: ${r.clicks} clicks, ${r.keys} other keys, ${r.typed} characters typed, ${r.seconds.toFixed(1)} s`,
        )
        .join('\n')}\n  Tab presses from the top of the console to Start: ${tabsToStart}\n`,
    );
    await browser?.close();
    await offline?.stop();
    await pdokSystem?.stop();
    await pdok?.close();
  });

  async function logIn(t: TestSystem, page: Page, run: Run): Promise<void> {
    const login = await createStaffLogin(t, 'centralist', 'RE05');
    await page.goto(`${t.url}/plein/inloggen`);
    await page.locator('#veld-email').focus(); // the page opens with the focus here for a keyboard user too
    await page.keyboard.type(login.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(login.password);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/plein/inloggen/tweede-stap');
    const code = await totpCode(login.totpSecret, t.clock.now());
    await page.locator('#veld-code').focus();
    await page.keyboard.type(code);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/plein/console');
    run.keys += 3;
    run.typed += login.email.length + login.password.length + code.length;
  }

  async function started(page: Page): Promise<void> {
    await page.waitForSelector('#stap-lopend:not([hidden])');
    assert.match((await page.textContent('#stap-melding')) ?? '', /is gestart/);
  }

  async function withMouse(t: TestSystem, how: string, query: string): Promise<void> {
    const context = await newDesktopContext(browser);
    const page = await context.newPage();
    const run: Run = { how, clicks: 0, keys: 0, typed: 0, seconds: 0 };
    const from = Date.now();
    await logIn(t, page, run);
    await page.click('#plaats-zoek');
    await page.keyboard.type(query);
    await page.click('#plaats-form button[type=submit]');
    run.clicks += 2;
    run.typed += query.length;
    await page.waitForSelector('path.incident-area');
    await page.selectOption('#type', 'vermissing'); // open the list, choose: two clicks
    await page.click('#vermist-kind');
    await page.click('#bericht');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(MESSAGE);
    await page.click('#start-knop');
    await page.click('#bevestig-ja');
    run.clicks += 6;
    run.keys += 1;
    run.typed += MESSAGE.length;
    await started(page);
    run.seconds = (Date.now() - from) / 1000;
    runs.push(run);
    await saveScreenshot(page, `console-figures-${how.replace(/\W+/g, '-')}`);
    await context.close();
  }

  async function withKeyboard(t: TestSystem, how: string, query: string): Promise<void> {
    const context = await newDesktopContext(browser);
    const page = await context.newPage();
    const run: Run = { how, clicks: 0, keys: 0, typed: 0, seconds: 0 };
    const from = Date.now();
    await logIn(t, page, run);
    const press = async (...keys: string[]) => {
      for (const key of keys) await page.keyboard.press(key);
      run.keys += keys.length;
    };
    const type = async (text: string) => {
      await page.keyboard.type(text);
      run.typed += text.length;
    };
    await press('g'); // the search field
    await type(query);
    await press('Enter');
    await page.waitForSelector('path.incident-area');
    await press('Escape', 't'); // out of the field, to the type
    await type('Verm'); // the list's own type-ahead picks "Vermissing"
    await press('Tab', 'Space'); // vermist kind
    const tabTo = async (id: string) => {
      for (let i = 0; i < 10 && (await page.evaluate('document.activeElement?.id')) !== id; i++) await press('Tab');
    };
    await tabTo('bericht');
    await press('ControlOrMeta+a');
    await type(MESSAGE);
    // On through the optional fields to Start (Tab), and Enter: the dialog opens on "Terug".
    await tabTo('start-knop');
    await press('Enter');
    await page.waitForSelector('#bevestig[open]');
    await press('Shift+Tab', 'Enter'); // to "Ja, nu versturen"
    await started(page);
    run.seconds = (Date.now() - from) / 1000;
    runs.push(run);
    await context.close();
  }

  test('a missing child, by postcode, with the mouse', () => withMouse(offline, 'postcode, mouse', '1012 AB 1'));
  test('a missing child, by street name, with the mouse', () =>
    withMouse(pdokSystem, 'street name, mouse', 'Dam 1 Amsterdam'));
  test('a missing child, by postcode, keyboard only', () => withKeyboard(offline, 'postcode, keyboard', '1012 AB 1'));

  test('Tab presses from the top of the console to the Start button', async () => {
    const context = await newDesktopContext(browser);
    const page = await context.newPage();
    const run: Run = { how: 'tab count', clicks: 0, keys: 0, typed: 0, seconds: 0 };
    await logIn(offline, page, run);
    await page.goto(`${offline.url}/plein/console`);
    await page.waitForSelector('.leaflet-container');
    for (tabsToStart = 1; tabsToStart <= 200; tabsToStart++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate('document.activeElement?.id')) === 'start-knop') break;
    }
    assert.ok(tabsToStart <= 40, `Start is ${tabsToStart} Tab presses from the top`);
    await context.close();
  });
});
