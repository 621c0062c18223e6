import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { assertAccessible, launchBrowser, newPhoneContext, saveScreenshot } from './support/browser.js';
import { MAIL_ENV } from './support/mail.js';
import { createStaffLogin, PortalClient } from './support/plein.js';
import { startTestSystem, type TestSystem } from './support/test-system.js';

/** What Chromium sends when a person opens an address. */
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

describe('errors a browser shows are Dutch pages; the API keeps RFC 9457 JSON', () => {
  let t: TestSystem;
  let browser: Browser | undefined;
  const logLines: string[] = [];

  before(async () => {
    t = await startTestSystem(
      { ...MAIL_ENV(), LOG_LEVEL: 'warn' },
      { logDestination: { write: (line: string) => void logLines.push(line) } },
    );
  });
  after(async () => {
    await browser?.close();
    await t?.stop();
  });

  const get = (path: string, accept?: string) =>
    fetch(t.url + path, { headers: accept === undefined ? {} : { accept } });

  test('an unknown address opened in a browser is a Dutch 404 page in the layout, with a way back', async () => {
    for (const [path, home] of [
      ['/bestaat-niet', '/'],
      ['/over-de-ap', '/'],
      ['/app/bestaat-niet', '/app/'],
      ['/plein/bestaat-niet', '/plein'],
    ] as const) {
      const response = await get(path, BROWSER_ACCEPT);
      const page = await response.text();
      assert.equal(response.status, 404, path);
      assert.match(response.headers.get('content-type') ?? '', /^text\/html/, path);
      assert.match(page, /<html lang="nl">/, path);
      assert.match(page, /<h1>Deze pagina of dit adres bestaat niet<\/h1>/, path);
      assert.match(page, /typefout in het adres/, path);
      assert.match(page, new RegExp(`<a href="${home}">`), `${path}: a link back to ${home}`);
      assert.doesNotMatch(page, /"code"|request\.not-found/, path);
      assert.match(response.headers.get('content-security-policy') ?? '', /script-src 'self'/, path);
      assert.equal(response.headers.get('cache-control'), 'no-store', path);
    }
    const site = await (await get('/bestaat-niet', BROWSER_ACCEPT)).text();
    assert.match(site, /aria-label="Hoofdmenu"/, 'the site’s menu');
  });

  test('API clients keep problem documents, whatever the path, and the API whatever they accept', async () => {
    for (const [path, accept] of [
      ['/bestaat-niet', undefined],
      ['/bestaat-niet', '*/*'],
      ['/bestaat-niet', 'application/json'],
      ['/bestaat-niet', 'application/problem+json, text/html;q=0.5'],
      ['/api/v1/bestaat-niet', BROWSER_ACCEPT],
      ['/app/v1/bestaat-niet', BROWSER_ACCEPT],
    ] as const) {
      const response = await get(path, accept);
      assert.equal(response.status, 404, `${path} ${accept}`);
      assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/, `${path} ${accept}`);
      const problem = (await response.json()) as { code: string; type: string; status: number };
      assert.deepEqual(
        [problem.code, problem.type, problem.status],
        ['request.not-found', '/docs/errors/request.not-found', 404],
      );
    }
  });

  test('/plein/burgernetmail/nieuw without a template id, or with something else, is a Dutch 404, not a database error', async () => {
    const portal = new PortalClient(t.url);
    assert.equal(await portal.logIn(await createStaffLogin(t, 'gemeente-beheer', 'GM0363'), t.clock.now()), 303);
    for (const query of [
      '',
      '?sjabloon=',
      '?sjabloon=geen-uuid',
      "?sjabloon=1'%20or%201=1",
      '?sjabloon=a&sjabloon=b',
    ]) {
      const page = await portal.request('GET', `/plein/burgernetmail/nieuw${query}`, {
        headers: { accept: BROWSER_ACCEPT },
      });
      assert.equal(page.status, 404, query);
      assert.match(page.text, /<html lang="nl">/, query);
      assert.match(page.text, /Sjabloon niet gevonden/, query);
      assert.doesNotMatch(page.text, /uuid|syntax/i, query);
    }
    await portal.get('/plein/burgernetmail');
    const posted = await portal.postForm('/plein/burgernetmail/nieuw?sjabloon=geen-uuid', { onderwerp: 'Test' });
    assert.equal(posted.status, 404);
    assert.match(posted.text, /Sjabloon niet gevonden/);
    assert.deepEqual(
      logLines.filter((line) => line.includes('"level":50')),
      [],
      'no server error was logged',
    );
  });

  test('a server error on a page is a Dutch page with a reference that is in the log; never SQL or a stack', async () => {
    // Break the store for a moment: the public list of actions then fails in the database.
    await t.system.database.execute('alter table meldkamers rename to meldkamers_even_weg');
    let page: string;
    let problem: { code: string; reference?: string };
    try {
      const browserAnswer = await get('/actuele-acties', BROWSER_ACCEPT);
      page = await browserAnswer.text();
      assert.equal(browserAnswer.status, 500);
      assert.match(browserAnswer.headers.get('content-type') ?? '', /^text\/html/);
      const scriptAnswer = await get('/actuele-acties', 'application/json');
      assert.equal(scriptAnswer.status, 500);
      problem = (await scriptAnswer.json()) as { code: string; reference?: string };
    } finally {
      await t.system.database.execute('alter table meldkamers_even_weg rename to meldkamers');
    }
    assert.match(page, /<html lang="nl">/);
    assert.match(page, /<h1>Er ging iets mis aan onze kant<\/h1>/);
    const reference = /Noem dan deze code als u het meldt: ([0-9A-F]{8})\./.exec(page)?.[1];
    assert.ok(reference, 'the page gives a reference');
    assert.doesNotMatch(page, /meldkamers|relation|select |\.ts:\d|Error:/i, 'no SQL, no stack');
    assert.ok(
      logLines.some((line) => line.includes(`"reference":"${reference}"`) && line.includes('"level":50')),
      'the reference is in the log line of the error',
    );
    assert.equal(problem.code, 'server.internal');
    assert.match(problem.reference ?? '', /^[0-9A-F]{8}$/, 'JSON clients get a reference too');
    assert.equal((await get('/actuele-acties', BROWSER_ACCEPT)).status, 200, 'and the page works again');
  });

  test('in Chromium, a mistyped address shows the Dutch page, passes the accessibility check, and leads home', async () => {
    browser = await launchBrowser();
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    const response = await page.goto(`${t.url}/actuele-akties`);
    assert.equal(response?.status(), 404);
    assert.equal(await page.getAttribute('html', 'lang'), 'nl');
    assert.equal((await page.textContent('h1'))?.trim(), 'Deze pagina of dit adres bestaat niet');
    await assertAccessible(page, 'the 404 page');
    await saveScreenshot(page, 'fout-404');
    await page.click('main a[href="/"]');
    await page.waitForURL(`${t.url}/`);
    assert.equal((await page.textContent('h1'))?.trim(), 'Burgernet');
    await context.close();
  });
});
