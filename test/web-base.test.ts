import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { errorSummary, textField } from '../src/adapters/http/html/form-fields.js';
import { html } from '../src/adapters/http/html/html.js';
import { renderPage } from '../src/adapters/http/html/page-layout.js';
import { nl } from '../src/domain/messages/nl.js';
import { assertAccessible, launchBrowser, newPhoneContext } from './support/browser.js';
import { startTestSystem, type TestSystem } from './support/test-system.js';

let system: TestSystem;
let browser: Browser;
before(async () => {
  system = await startTestSystem();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await system?.stop();
});

test('the shared stylesheet, the design system and the map library are served', async () => {
  for (const path of [
    '/static/site.css',
    '/static/vendor/rhc-tokens/root.css',
    '/static/vendor/rhc-components/index.css',
    '/static/vendor/leaflet/leaflet.js',
    '/static/vendor/leaflet/leaflet.css',
  ]) {
    const response = await fetch(system.url + path);
    assert.equal(response.status, 200, path);
  }
  assert.equal((await fetch(system.url + '/static/../package.json')).status, 404);
});

test('the page shell and a refused form pass the accessibility check on a phone', async () => {
  const context = await newPhoneContext(browser);
  const page = await context.newPage();
  await page.goto(system.url + '/health');
  const errors = { postcode: 'Vul een postcode in zoals 1234 AB.' };
  await page.setContent(
    renderPage({
      chrome: nl.page,
      title: 'Proef',
      section: 'site',
      nav: [{ href: '/', label: 'Home', current: true }],
      main: html`<h1>Proef</h1>${errorSummary(errors)}<form method="post">${textField({
        name: 'postcode',
        label: 'Postcode',
        value: '12',
        error: errors.postcode,
        hint: 'Bijvoorbeeld 1234 AB',
        required: true,
      })}<button type="submit">Verder</button></form>`,
    }),
    { waitUntil: 'load' },
  );
  assert.equal(await page.getAttribute('#veld-postcode', 'aria-invalid'), 'true');
  assert.equal(await page.getAttribute('#veld-postcode', 'aria-describedby'), 'veld-postcode-hint veld-postcode-fout');
  await assertAccessible(page, 'page shell');
  await context.close();
});
