import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertAccessible, launchBrowser, newPhoneContext, saveScreenshot } from './support/browser.js';
import { startTestSystem, type TestSystem } from './support/test-system.js';

/** The public site leads to the app and says how to put it on a phone's home screen (it is a web app, not in a store). */
describe('the public site and the Burgernetapp', () => {
  let t: TestSystem;
  before(async () => {
    t = await startTestSystem();
  });
  after(() => t?.stop());

  const page = async (path: string) => {
    const response = await fetch(t.url + path);
    assert.equal(response.status, 200, path);
    return response.text();
  };

  test('the home page links to the app and to how to install it', async () => {
    const home = await page('/');
    assert.match(home, /<a class="button secondary" href="\/app\/">Open de app<\/a>/);
    assert.match(home, /<a href="\/over-de-app#installeren">Zo zet u de app op uw telefoon<\/a>/);
  });

  test('"De app" links to the app and gives the steps for Android (Chrome) and iPhone (Safari)', async () => {
    const about = await page('/over-de-app');
    assert.match(about, /<a class="button" href="\/app\/">Open de Burgernetapp<\/a>/);
    assert.match(about, /<section id="installeren"/);
    assert.match(about, /Android-telefoon \(Chrome\)<\/h3><ol>(<li>[^<]+<\/li>){4}<\/ol>/);
    assert.match(about, /Toevoegen aan startscherm/);
    assert.match(about, /iPhone \(Safari\)<\/h3><ol>(<li>[^<]+<\/li>){4}<\/ol>/);
    assert.match(about, /deelknop/);
    assert.match(about, /Zet op beginscherm/);
    assert.match(about, /Meldingen aanzetten/, 'what to do once it is installed');
  });

  test('what the steps rely on: /app/ is installable, with a manifest that starts and stays in /app/ and a service worker', async () => {
    const app = await page('/app/');
    assert.match(app, /<link rel="manifest" href="\/app\/manifest.webmanifest">/);
    const manifest = JSON.parse(await page('/app/manifest.webmanifest')) as Record<string, unknown>;
    assert.deepEqual([manifest.start_url, manifest.scope, manifest.display], ['/app/', '/app/', 'standalone']);
    assert.match(await page('/app/sw.js'), /addEventListener\(["']fetch["']/);
  });

  test('in Chromium the link on "De app" opens the app, and the page passes the accessibility check', async () => {
    const browser = await launchBrowser();
    try {
      const context = await newPhoneContext(browser);
      const tab = await context.newPage();
      await tab.goto(`${t.url}/over-de-app`);
      await assertAccessible(tab, '"De app" with the install steps');
      await saveScreenshot(tab, 'site-de-app');
      await tab.click('main a[href="/app/"]');
      await tab.waitForSelector('body[data-app-ready="true"]');
      assert.equal(new URL(tab.url()).pathname, '/app/');
    } finally {
      await browser.close();
    }
  });
});
