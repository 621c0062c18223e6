import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { assertAccessible, launchBrowser, newDesktopContext, saveScreenshot } from './support/browser.js';
import { createStaffLogin, totpCode, type StaffLogin } from './support/plein.js';
import { eventually, startTestSystem, type TestSystem } from './support/test-system.js';

/** Relatiebeheer in Burgernetplein, in Chromium: a gemeente employee searches, views, adds, imports and exports. */
describe('relatiebeheer pages in the browser', () => {
  let t: TestSystem;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let base: string;
  let employee: StaffLogin;

  async function check(name: string): Promise<void> {
    await assertAccessible(page, name);
    await saveScreenshot(page, `relatiebeheer-${name}`);
  }

  before(async () => {
    t = await startTestSystem({ SESSION_IDLE_MINUTES: '30' });
    base = t.url.replace('//127.0.0.1:', '//localhost:');
    browser = await launchBrowser();
    employee = await createStaffLogin(t, 'gemeente', 'GM0363');
    const utrecht = t.api(await t.staffToken('gemeente', 'GM0344'));
    const amsterdam = t.api(await t.staffToken('gemeente', 'GM0363'));
    for (const [api, name, postcode, phone] of [
      [amsterdam, 'Ada Amsterdam', '1012AB', '0612300001'],
      [utrecht, 'Ute Utrecht', '3511AB', '0612300002'],
    ] as const) {
      const created = await api.post('/api/v1/relatiebeheer/participants', {
        name,
        registrations: [{ phone, channel: 'sms', postcode, houseNumber: 1 }],
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
    }
    context = await newDesktopContext(browser, { acceptDownloads: true });
    page = await context.newPage();
    await page.goto(`${base}/plein/inloggen`);
    await page.fill('#veld-email', employee.email);
    await page.fill('#veld-password', employee.password);
    await page.click('button[type=submit]');
    await page.waitForURL('**/plein/inloggen/tweede-stap');
    await page.fill('#veld-code', await totpCode(employee.totpSecret, t.clock.now()));
    await page.click('form[action="/plein/inloggen/code"] button[type=submit]');
    await page.waitForURL((url) => !url.pathname.startsWith('/plein/inloggen'));
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await t?.stop();
  });

  test("search with a purpose finds the gemeente's own participants only, and viewing one is audited", async () => {
    await page.goto(`${base}/plein/relatiebeheer`);
    await check('start');
    await page.click('button:has-text("Zoeken")');
    await page.waitForSelector('#veld-doel-fout');
    await page.fill('#veld-doel', 'Controle van het bestand');
    await page.click('button:has-text("Zoeken")');
    await page.waitForSelector('text=1 deelnemer gevonden');
    assert.ok(!(await page.textContent('main'))!.includes('Ute Utrecht'));
    await check('zoeken');
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("Inzien")')]);
    assert.equal((await page.textContent('h1'))?.trim(), 'Ada Amsterdam');
    await check('deelnemer');
    const [viewed] = await t.system.database.query<{ details: { purpose: string } }>(
      `select details from audit_log where event = 'participant.viewed' order by id desc limit 1`,
    );
    assert.equal(viewed?.details.purpose, 'Controle van het bestand');
  });

  test('a participant is added with the form, checked on the server', async () => {
    await page.goto(`${base}/plein/relatiebeheer/nieuw`);
    await check('nieuw');
    await page.fill('#veld-naam', 'Bram Nieuw');
    await page.fill('#veld-postcode', '3511AB');
    await page.fill('#veld-huisnummer', '5');
    await page.fill('#veld-telefoon', '0612300003');
    await page.click('button:has-text("Deelnemer aanmelden")');
    await page.waitForSelector('#veld-postcode-fout');
    assert.match((await page.textContent('#veld-postcode-fout'))!, /niet in uw gemeente/);
    await page.fill('#veld-postcode', '1012AB');
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("Deelnemer aanmelden")')]);
    assert.equal((await page.textContent('h1'))?.trim(), 'Bram Nieuw');
  });

  test('a CSV file is checked first (progress, then each bad row with its problem), nothing stored', async () => {
    await page.goto(`${base}/plein/relatiebeheer`);
    const csv = ['naam;postcode;huisnummer;telefoon', 'Cor Goed;1012AB;7;0612300004', 'Dirk Fout;1012AB;8;12345'].join(
      '\n',
    );
    await page.setInputFiles('#veld-bestand', {
      name: 'deelnemers.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await Promise.all([
      page.waitForURL('**/plein/relatiebeheer/import/**'),
      page.click('button:has-text("Importeren")'),
    ]);
    await eventually(async () => assert.match((await page.textContent('main'))!, /1 goed, 1 met fouten/));
    assert.match((await page.textContent('table'))!, /3\s*telefoon\s*Geen geldig telefoonnummer/);
    await check('import');
    assert.equal((await t.system.database.query(`select 1 from participants where name = 'Cor Goed'`)).length, 0);
    // Then the good row is stored, without uploading again.
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("De 1 goede rij nu opslaan")')]);
    await eventually(async () =>
      assert.match((await page.textContent('main'))!, /1 opgeslagen, 1 met fouten niet opgeslagen/),
    );
    assert.equal((await t.system.database.query(`select 1 from participants where name = 'Cor Goed'`)).length, 1);
    assert.equal((await t.system.database.query(`select 1 from participants where name = 'Dirk Fout'`)).length, 0);
  });

  test("the export asks why, and gives the gemeente's participants as CSV", async () => {
    await page.goto(`${base}/plein/relatiebeheer`);
    await page.fill('#veld-exportdoel', 'Uitnodiging informatieavond');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Exporteren")')]);
    const text = await readFile(await download.path(), 'utf8');
    assert.match(text, /Ada Amsterdam/);
    assert.ok(!text.includes('Ute Utrecht'));
    const [audit] = await t.system.database.query<{ details: { purpose: string } }>(
      `select details from audit_log where event = 'relatiebeheer.exported'`,
    );
    assert.equal(audit?.details.purpose, 'Uitnodiging informatieavond');
  });
});
