import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startAction, VONDELPARK_AREA } from './support/app-support.js';
import {
  assertAccessible,
  launchBrowser,
  newDesktopContext,
  newPhoneContext,
  saveScreenshot,
} from './support/browser.js';
import { createStaffLogin, totpCode } from './support/plein.js';
import { startTestSystem, type ApiClient, type TestSystem } from './support/test-system.js';

const FOOTER_LINKS = [
  ['Contact', '/contact'],
  ['Toegankelijkheid', '/toegankelijkheid'],
  ['Privacy', '/privacy'],
];

/** The header's wordmark: an image named "Burgernet" in a link to the home of that part of the product. */
async function assertWordmark(page: Page, home: string, where: string): Promise<void> {
  const link = page.locator('header.site-header a.brand');
  assert.equal(await link.getAttribute('href'), home, `${where}: the wordmark leads home`);
  const image = link.locator('svg[role="img"]');
  assert.equal(await image.count(), 1, `${where}: the wordmark is an image`);
  assert.equal(await image.locator('title').textContent(), 'Burgernet', `${where}: its text alternative`);
  assert.match(
    (await page
      .getByRole('link', { name: /^Burgernet/ })
      .first()
      .getAttribute('href')) ?? '',
    /^\//,
  );
  const box = await image.boundingBox();
  assert.ok(
    box !== null && box.width > 80 && box.height >= 24,
    `${where}: the wordmark is drawn (${JSON.stringify(box)})`,
  );
}

/** Every page's footer: Contact, Toegankelijkheid and Privacy. */
async function assertFooter(page: Page, where: string): Promise<void> {
  const links = page.locator('footer nav[aria-label="Over Burgernet"] a');
  const found = await links.evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
  assert.deepEqual(found, FOOTER_LINKS, where);
}

/** WCAG contrast of two CSS colours "rgb(r, g, b)". */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, bl] = css
      .match(/\d+(\.\d+)?/g)!
      .slice(0, 3)
      .map((v) => {
        const c = Number(v) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** The look of Burgernet: NL Design System tokens, the wordmark, the footer, the information pages, badges, tables. */
describe('the public site, the app and the portal look like one Dutch government service', () => {
  let t: TestSystem;
  let browser: Browser;
  let centralist: ApiClient;

  before(async () => {
    t = await startTestSystem();
    browser = await launchBrowser();
    centralist = t.api(await t.staffToken('centralist', 'RE05'));
  });
  after(async () => {
    await browser?.close();
    await t?.stop();
  });

  test('the design system is applied: its tokens drive the colours and type of every page', async () => {
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    await page.goto(`${t.url}/`);
    // Strings, not functions: the tests compile without the DOM's types (as the other browser tests do).
    const look = await page.evaluate<{ token: string; header: string; font: string; sheets: string[] }>(`(() => {
      const root = getComputedStyle(document.documentElement);
      return {
        token: root.getPropertyValue('--rhc-color-lintblauw-500').trim(),
        header: getComputedStyle(document.querySelector('.site-header')).backgroundColor,
        font: getComputedStyle(document.body).fontFamily,
        sheets: [...document.styleSheets].map((s) => new URL(s.href ?? location.href).pathname),
      };
    })()`);
    assert.equal(look.token, '#154273', 'the Rijkshuisstijl tokens are loaded');
    assert.equal(look.header, 'rgb(21, 66, 115)', 'the header band is the token lintblauw');
    assert.match(look.font, /Fira Sans/, 'the type comes from the tokens');
    assert.deepEqual(look.sheets.slice(0, 3), [
      '/static/vendor/rhc-tokens/root.css',
      '/static/vendor/rhc-components/index.css',
      '/static/site.css',
    ]);
    await context.close();
  });

  test('the home page tells what Burgernet is, how to join, the app, what is going on now and which number to call', async () => {
    const id = await startAction(centralist, {
      type: 'vermissing',
      message: 'Jongen van 10 vermist bij het Vondelpark.',
      area: VONDELPARK_AREA,
    });
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    await page.goto(`${t.url}/`);
    const headings = await page.locator('main h2').allTextContents();
    assert.deepEqual(headings, [
      'Wat is Burgernet?',
      'Zo meldt u zich aan',
      'De Burgernetapp',
      'Nu bezig',
      'Welk nummer belt u?',
    ]);
    assert.equal(await page.locator('main a[href="/aanmelden"]').textContent(), 'Meld u aan');
    const live = page.locator(`.home-actions a[href="/acties/${id}"]`);
    assert.match((await live.textContent()) ?? '', /Vermissing/);
    assert.equal(await page.locator('.home-actions .status-actief').first().textContent(), 'Loopt');
    assert.match((await page.locator('.phone-rule').textContent()) ?? '', /112[\s\S]*0800-0011[\s\S]*0900-8844/);
    await assertWordmark(page, '/', 'home');
    await assertFooter(page, 'home');
    await assertAccessible(page, 'home page');
    await saveScreenshot(page, 'site-home');
    await context.close();
  });

  test('Contact, Toegankelijkheid and Privacy exist, say what they must, and pass the accessibility check', async () => {
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    const expectations: [string, string, RegExp[]][] = [
      ['/contact', 'Contact', [/0800-0011/, /112/, /0900-8844/, /Mijn gegevens/]],
      [
        '/toegankelijkheid',
        'Toegankelijkheid',
        [/WCAG\) 2\.1 op niveau AA/, /axe/, /toetsenbord/, /ingezoomd/, /Een probleem melden/],
      ],
      [
        '/privacy',
        'Privacy',
        [
          /uw naam/,
          /uw adressen/,
          /uw telefoonnummer/,
          /locatie wordt nooit bewaard/,
          /logboek/,
          /30 dagen/,
          /verwijderen/,
          /verantwoordelijk/,
        ],
      ],
    ];
    for (const [path, title, facts] of expectations) {
      const response = await page.goto(`${t.url}${path}`);
      assert.equal(response?.status(), 200, path);
      assert.equal(await page.locator('h1').textContent(), title);
      const text = (await page.locator('main').textContent()) ?? '';
      for (const fact of facts) assert.match(text, fact, `${path}: ${fact}`);
      await assertFooter(page, path);
      await assertAccessible(page, path);
      await saveScreenshot(page, `site${path.replace('/', '-')}`);
    }
    // From any page, the footer leads there.
    await page.goto(`${t.url}/aanmelden`);
    await page.click('footer a[href="/toegankelijkheid"]');
    await page.waitForURL('**/toegankelijkheid');
    await context.close();
  });

  test('the app and the portal carry the same wordmark and footer', async () => {
    const phone = await newPhoneContext(browser);
    const app = await phone.newPage();
    await app.goto(`${t.url}/app/`);
    await assertWordmark(app, '/app/', 'app');
    await assertFooter(app, 'app');
    await phone.close();

    const desktop = await newDesktopContext(browser);
    const portal = await desktop.newPage();
    await portal.goto(`${t.url}/plein/inloggen`);
    await assertWordmark(portal, '/plein', 'portal');
    await assertFooter(portal, 'portal');
    await assertAccessible(portal, 'portal login with the wordmark');
    await saveScreenshot(portal, 'plein-header');
    await desktop.close();
  });

  test('a live action and an ended one look different, in words and colour, each edge 3:1 against white', async () => {
    const closedId = await startAction(centralist, {
      type: 'diefstal',
      message: 'Fiets gestolen bij het Vondelpark.',
      area: VONDELPARK_AREA,
    });
    assert.equal((await centralist.post(`/api/v1/actions/${closedId}/close`, { result: 'teruggevonden' })).status, 200);
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    await page.goto(`${t.url}/actuele-acties`);
    const badge = async (kind: string) =>
      page.evaluate<{ text: string; background: string; border: string }>(`(() => {
        const el = document.querySelector('.status-${kind}');
        const s = getComputedStyle(el);
        return { text: el.textContent, background: s.backgroundColor, border: s.borderTopColor };
      })()`);
    const live = await badge('actief');
    const ended = await badge('afgesloten');
    assert.deepEqual([live.text, ended.text], ['Loopt', 'Afgesloten']);
    assert.notEqual(live.background, ended.background, 'live is filled, ended is not');
    assert.notEqual(live.border, ended.border);
    assert.ok(contrast(live.background, 'rgb(255, 255, 255)') >= 3, `live ${live.background}`);
    assert.ok(contrast(ended.border, 'rgb(255, 255, 255)') >= 3, `ended ${ended.border}`);
    await assertAccessible(page, 'current actions with their status');
    await context.close();
  });

  test('table headers in the portal never break inside a word; on a phone the table scrolls on its own', async () => {
    const login = await createStaffLogin(t, 'landelijk-beheer');
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    await page.goto(`${t.url}/plein/inloggen`);
    await page.fill('#veld-email', login.email);
    await page.fill('#veld-password', login.password);
    await page.click('button[type=submit]');
    await page.waitForURL('**/plein/inloggen/tweede-stap');
    await page.fill('#veld-code', await totpCode(login.totpSecret, t.clock.now()));
    await page.click('form[action="/plein/inloggen/code"] button[type=submit]');
    await page.waitForURL((url) => !url.pathname.startsWith('/plein/inloggen'));
    for (const path of ['/plein/beheer/audit', '/plein/acties', '/plein/account']) {
      await page.goto(`${t.url}${path}`);
      // Each word of each header: its text on more than one line means it was broken inside the word.
      const broken = await page.evaluate<string[]>(`(() => {
        const split = [];
        for (const th of document.querySelectorAll('th')) {
          const text = th.firstChild;
          if (text === null || text.nodeType !== Node.TEXT_NODE) continue;
          for (const match of text.textContent.matchAll(/\\S+/g)) {
            const range = document.createRange();
            range.setStart(text, match.index);
            range.setEnd(text, match.index + match[0].length);
            const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
            if (lines.size > 1) split.push(match[0]);
          }
        }
        return split;
      })()`);
      assert.deepEqual(broken, [], `${path}: headers broken inside a word`);
      const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
      assert.ok(overflow <= 0, `${path}: the page itself does not scroll sideways (${overflow}px)`);
      await assertAccessible(page, `${path} on a phone`);
    }
    await saveScreenshot(page, 'plein-account-phone');
    await context.close();
  });
});
