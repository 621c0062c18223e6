import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { postTip, startAction, VONDELPARK_AREA } from './support/app-support.js';
import { assertAccessible, launchBrowser, newDesktopContext, saveScreenshot } from './support/browser.js';
import { createStaffLogin, logInInBrowser } from './support/plein.js';
import { startTestSystem, type TestSystem } from './support/test-system.js';

describe("Burgernetplein in the browser: a tip's number to call back stays hidden until asked for with a purpose", () => {
  let t: TestSystem;
  let browser: Browser;
  let base: string;
  let dataDir: string;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'burgernet-tip-browser-'));
    t = await startTestSystem({ DATA_DIR: dataDir, APP_TIPS_PER_HOUR: '1000' });
    base = t.url.replace('//127.0.0.1:', '//localhost:');
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await t?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('"toon nummer" asks why, then shows the number as a link to call; the read is audited', async () => {
    const actionId = await startAction(t.api(await t.staffToken('centralist', 'RE05')), {
      type: 'vermissing',
      message: 'Vermist: Daan (79), blauwe pet.',
      area: VONDELPARK_AREA,
    });
    const tip = await postTip(t.url, actionId, { text: 'Ik zie hem bij het station.', phone: '06 12345678' });
    assert.equal(tip.status, 201, JSON.stringify(tip.body));

    const context = await newDesktopContext(browser);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const login = await createStaffLogin(t, 'centralist', 'RE05');
    await logInInBrowser(page, base, login, t.clock.now());
    await page.goto(`${base}/plein/console?actie=${actionId}`);
    await page.waitForSelector('#stap-lopend:not([hidden])');

    const line = page.locator('.tip-app .tip-callback');
    await line.waitFor();
    assert.match((await line.textContent()) ?? '', /Terugbelnummer: verborgen — toon nummer/);
    assert.equal(
      ((await page.textContent('#tips')) ?? '').includes('12345678'),
      false,
      'the number is not in the page',
    );

    const show = page.getByRole('button', { name: 'toon nummer', exact: true });
    await show.click();
    assert.equal(await show.getAttribute('aria-expanded'), 'true');
    const form = page.locator('form.tip-reveal');
    await form.waitFor();
    assert.equal(await page.evaluate('document.activeElement?.type'), 'radio');
    await assertAccessible(page, 'the purpose form of a tip');

    // A purpose is required: without one the page says so and asks nothing of the server.
    await form.getByRole('button', { name: 'Nummer opvragen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Kies waarvoor u het nummer nodig heeft.' }).waitFor();
    await form.getByLabel('Doorgeven aan eenheid').check();
    await form.getByLabel(/Toelichting/).fill('Voor de motoragent bij het station');
    await saveScreenshot(page, 'tip-nummer-1-doel');
    await form.getByRole('button', { name: 'Nummer opvragen' }).click();

    const number = page.locator('.tip-callback a[href="tel:+31612345678"]');
    await number.waitFor();
    assert.equal(await number.textContent(), '06 12345678');
    assert.equal(await page.evaluate("document.activeElement?.getAttribute('href')"), 'tel:+31612345678');
    assert.equal(await form.count(), 0, 'the form is gone');
    await saveScreenshot(page, 'tip-nummer-2-getoond');

    const audit = await t.system.database.query<{ actor_id: string; details: Record<string, unknown> }>(
      `select actor_id, details from audit_log where event = 'tip.callback-number-revealed' and subject_id = $1`,
      [actionId],
    );
    assert.deepEqual(
      audit.map((a) => [a.actor_id, a.details.tipId, a.details.purpose, a.details.note]),
      [[login.id, tip.body.id, 'forward-to-unit', 'Voor de motoragent bij het station']],
    );
    assert.deepEqual(pageErrors, []);
    await context.close();
  });
});
