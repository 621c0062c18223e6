import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { startAction, VONDELPARK_AREA } from './support/app-support.js';
import { assertAccessible, launchBrowser, newPhoneContext, saveScreenshot } from './support/browser.js';
import { startTestSystem, type TestSystem, type ApiClient } from './support/test-system.js';

const NONE_NOW = 'Er zijn nu geen actieve acties.';
const LAST_UPDATED = /Laatst bijgewerkt om \d\d:\d\d\./;

/** The app never says "no actions" without a fresh answer: offline or unreachable it shows what it last knew, and when. */
describe('the Burgernetapp without a fresh list of actions, in Chromium', () => {
  let t: TestSystem;
  let api: ApiClient;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  before(async () => {
    t = await startTestSystem({ APP_REQUESTS_PER_MINUTE: '100000' });
    api = t.api(await t.staffToken('centralist', 'RE05'));
    browser = await launchBrowser();
  });
  after(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await t?.stop();
  });

  const newPhone = async (options: Parameters<typeof newPhoneContext>[1] = {}): Promise<[BrowserContext, Page]> => {
    const context = await newPhoneContext(browser, options);
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => assert.fail(`script error in the page: ${error.message}`));
    return [context, page];
  };
  const ready = (page: Page) => page.waitForSelector('body[data-app-ready="true"]');
  const card = (page: Page, id: string) => page.locator(`#alle-lijst [data-actie="${id}"]`);
  const notice = (page: Page) => page.locator('#app-verbinding');

  test('offline, a reload shows the offline notice with the time and the last known action; back online the list is fresh', async () => {
    const actionId = await startAction(api, {
      type: 'vermissing',
      message: 'Vermist: Sem (8), rode jas, step.',
      area: VONDELPARK_AREA,
    });
    const [context, page] = await newPhone();
    await page.goto(`${t.url}/app/`);
    await ready(page);
    await card(page, actionId).waitFor();
    // The service worker keeps the app's page for offline use once it controls it.
    await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
    await page.reload();
    await ready(page);
    assert.equal(await page.evaluate('navigator.serviceWorker.controller !== null'), true);

    await context.setOffline(true);
    await page.reload();
    await ready(page);
    await notice(page).getByText('U bent offline').waitFor();
    assert.match(await notice(page).innerText(), LAST_UPDATED);
    assert.match(await card(page, actionId).innerText(), /Sem \(8\)/, 'the last known action is shown');
    assert.doesNotMatch(await page.innerText('main'), /Er zijn nu geen actieve acties/);
    await assertAccessible(page, 'the app offline');
    await saveScreenshot(page, 'app-offline');

    // Meanwhile the meldkamer closes the action. Back online, the app asks at once and now may say "none".
    const closed = await api.post(`/api/v1/actions/${actionId}/close`, { result: 'gevonden' });
    assert.equal(closed.status, 200, JSON.stringify(closed.body));
    await context.setOffline(false);
    await page.locator('#alle-lijst', { hasText: NONE_NOW }).waitFor();
    assert.equal((await notice(page).innerText()).trim(), '', 'the notice goes with a fresh answer');

    // Offline again: the last answer had no active action, which the app says with its time, not as "now".
    await context.setOffline(true);
    await notice(page).getByText('U bent offline').waitFor();
    await page
      .locator('#alle-lijst', { hasText: 'Bij de laatste keer bijwerken waren er geen actieve acties.' })
      .waitFor();
    assert.doesNotMatch(await page.innerText('main'), /Er zijn nu geen actieve acties/);
  });

  test('when the list fails the first time, the page’s own list stands, with the time the server made it', async () => {
    const actionId = await startAction(api, {
      type: 'inbraak',
      message: 'Inbraak gezien, dader op een witte scooter.',
      area: VONDELPARK_AREA,
    });
    const [, page] = await newPhone({ serviceWorkers: 'block' });
    await page.route('**/app/v1/actions', (route) => route.abort('connectionrefused'));
    await page.goto(`${t.url}/app/`);
    await ready(page);
    await notice(page).getByText('Burgernet is nu niet bereikbaar').waitFor();
    assert.match(await notice(page).innerText(), LAST_UPDATED);
    assert.match(await card(page, actionId).innerText(), /witte scooter/, 'the list the server put in the page');
    assert.doesNotMatch(await page.innerText('main'), /Er zijn nu geen actieve acties/);
  });

  test('when Burgernet cannot be reached, the app keeps the list it last got, says so with the time, and tries again', async () => {
    const actionId = await startAction(api, {
      type: 'diefstal',
      message: 'Bakfiets gestolen, groen met witte bak.',
      area: VONDELPARK_AREA,
    });
    const [, page] = await newPhone({ serviceWorkers: 'block' });
    await page.goto(`${t.url}/app/`);
    await ready(page);
    await card(page, actionId).waitFor();

    // The list fails (a server error, then a refused connection) and the app asks again ('online' makes it ask at once).
    const unreachable = notice(page).getByText('Burgernet is nu niet bereikbaar');
    const failures: [string, (route: Route) => Promise<void>][] = [
      [
        'a server error',
        (route) => route.fulfill({ status: 503, contentType: 'application/problem+json', body: '{}' }),
      ],
      ['a refused connection', (route) => route.abort('connectionrefused')],
    ];
    for (const [what, failure] of failures) {
      await page.route('**/app/v1/actions', failure);
      await page.evaluate("window.dispatchEvent(new Event('online'))");
      await unreachable.waitFor();
      assert.match(await notice(page).innerText(), LAST_UPDATED, what);
      assert.match(await notice(page).innerText(), /probeert het vanzelf opnieuw/, what);
      assert.match(await card(page, actionId).innerText(), /Bakfiets gestolen/, `${what}: the last known action`);
      assert.doesNotMatch(await page.innerText('main'), /Er zijn nu geen actieve acties/, what);

      // Reachable again: the next try gets a fresh list and the notice goes.
      await page.unroute('**/app/v1/actions');
      await page.evaluate("window.dispatchEvent(new Event('online'))");
      await unreachable.waitFor({ state: 'detached' });
      assert.equal(await card(page, actionId).count(), 1, what);
    }
  });
});
