import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { assertAccessible, launchBrowser, newPhoneContext, saveScreenshot } from './support/browser.js';
import { eventually, startTestSystem, type TestSystem } from './support/test-system.js';
import { receivedMail } from './support/mail.js';

const MOBILE = '+31655550001';
const NAME = 'Fatima el Amrani';
const EMAIL = 'fatima@example.nl';

/** A participant in real Chromium on a phone: signs up by keyboard alone, adds a work address, downloads and deletes it all. */
describe('the public site and self-service in Chromium', () => {
  let t: TestSystem;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let participantId: string;
  let actionId: string;

  // Expressions, not functions: this build has no DOM types, the page has a DOM.
  const focusedId = () => page.evaluate<string>("document.activeElement?.id || document.activeElement?.tagName || ''");
  /** Presses Tab until the element with this id has focus (bounded), and returns how many presses it took. */
  async function tabTo(id: string, max = 40): Promise<number> {
    for (let i = 1; i <= max; i++) {
      await page.keyboard.press('Tab');
      if ((await focusedId()) === id) return i;
    }
    return assert.fail(`#${id} never got focus by Tab`);
  }
  async function check(name: string): Promise<void> {
    await assertAccessible(page, name);
    await saveScreenshot(page, `self-service-${name}`);
  }

  before(async () => {
    t = await startTestSystem({ PUBLIC_BASE_URL: 'http://127.0.0.1' });
    // A running public action, for "Actuele acties".
    const centralist = t.api(await t.staffToken('centralist', 'RE05'));
    const created = await centralist.post('/api/v1/actions', {
      type: 'vermissing',
      message: 'Vermist: Daan (9), groene jas, blauwe fiets.',
      area: { kind: 'circle', centre: { lat: 52.3731, lon: 4.8926 }, radiusMetres: 1_000 },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    actionId = created.body.id;
    assert.equal((await centralist.post(`/api/v1/actions/${actionId}/start`)).status, 200);
    browser = await launchBrowser();
    context = await newPhoneContext(browser, { acceptDownloads: true });
    page = await context.newPage();
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await t?.stop();
  });

  test('the information pages and the current actions are in Dutch and pass the accessibility check', async () => {
    for (const [path, name, heading] of [
      ['/', 'home', 'Burgernet'],
      ['/zo-werkt-het', 'zo-werkt-het', 'Zo werkt Burgernet'],
      ['/over-de-app', 'over-de-app', 'De Burgernetapp'],
      ['/privacy', 'privacy', 'Privacy'],
      ['/actuele-acties', 'actuele-acties', 'Actuele acties'],
    ] as const) {
      const response = await page.goto(t.url + path);
      assert.equal(response?.status(), 200, path);
      assert.equal(await page.getAttribute('html', 'lang'), 'nl');
      assert.equal((await page.textContent('h1'))?.trim(), heading);
      await check(name);
    }
    assert.equal(await page.getAttribute(`a[href="/acties/${actionId}"]`, 'href'), `/acties/${actionId}`);
    assert.match((await page.textContent('main'))!, /Vermist: Daan/);
  });

  test('the sign-up form is filled and sent with the keyboard alone, and a wrong form says what is wrong next to each field', async () => {
    await page.goto(t.url + '/aanmelden');
    await check('aanmelden');
    // Sent empty: every required field gets its Dutch message, and the summary links to it.
    await tabTo('veld-naam');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.error-summary');
    assert.equal(await focusedId(), 'foutmeldingen', 'focus moves to the list of problems');
    assert.equal(await page.getAttribute('#veld-naam', 'aria-invalid'), 'true');
    assert.match((await page.textContent('#veld-postcode-fout')) ?? '', /Vul een postcode in zoals 1234 AB/);
    await check('aanmelden-fouten');

    await page.goto(t.url + '/aanmelden');
    const order: string[] = [];
    await tabTo('veld-naam');
    await page.keyboard.type(NAME);
    for (const [id, text] of [
      ['veld-postcode', '3511 ab'],
      ['veld-huisnummer', '10'],
      ['veld-toevoeging', 'a'],
    ] as const) {
      await page.keyboard.press('Tab');
      order.push(await focusedId());
      await page.keyboard.type(text);
      assert.equal(order.at(-1), id);
    }
    await page.keyboard.press('Tab');
    assert.equal(await focusedId(), 'veld-kanaal', 'the checked channel (sms) is next');
    await page.keyboard.press('Tab');
    assert.equal(await focusedId(), 'veld-telefoon');
    await page.keyboard.type('06 5555 0001');
    await page.keyboard.press('Tab');
    assert.equal(await focusedId(), 'veld-email');
    await page.keyboard.type(EMAIL);
    await page.keyboard.press('Tab');
    assert.equal(await focusedId(), 'veld-akkoord');
    await page.keyboard.press('Space');
    assert.equal(await page.isChecked('#veld-akkoord'), true);
    await page.keyboard.press('Tab'); // the privacy link
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate<string>("document.activeElement?.type ?? ''"), 'submit');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);

    assert.match((await page.textContent('main')) ?? '', /3511 AB 10 A, Utrecht — klopt dit\?/);
    await check('aanmelden-klopt-dit');
    await page.keyboard.press('Tab');
    for (
      let i = 0;
      i < 30 && (await page.evaluate<string>("document.activeElement?.textContent ?? ''")) !== 'Ja, stuur mij de code';
      i++
    )
      await page.keyboard.press('Tab');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await page.waitForSelector('#veld-code');
    await check('aanmelden-code');

    const sms = await eventually(
      () => t.system.sms.simulator!.messages.find((m) => m.to === MOBILE) ?? assert.fail('no SMS yet'),
    );
    const code = /(\d{6})/.exec(sms.text)![1]!;
    await tabTo('veld-code');
    await page.keyboard.type(code);
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.match((await page.textContent('h1')) ?? '', /U bent aangemeld/);
    await check('aanmelden-klaar');
    const [row] = await t.system.database.query<{ id: string }>(
      `select participant_id as id from registrations where msisdn = $1`,
      [MOBILE],
    );
    assert.ok(row);
    participantId = row.id;
  });

  test('the e-mail confirmation page from the mail passes the accessibility check', async () => {
    const mail = await receivedMail(t, (m) => m.to.includes(EMAIL));
    const link = new URL(/https?:\/\/\S+\/e-mail\/bevestigen\?t=\S+/.exec(mail.text)![0]);
    const other = await context.newPage();
    const original = page;
    page = other;
    try {
      await page.goto(t.url + link.pathname + link.search);
      await check('e-mail-bevestigen');
      await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
      assert.match((await page.textContent('main')) ?? '', /bevestigd/);
      const unsubscribe = new URL(mail.unsubscribeUrl!);
      await page.goto(t.url + unsubscribe.pathname + unsubscribe.search);
      await check('e-mail-afmelden');
    } finally {
      await other.close();
      page = original;
    }
  });

  test('Mijn gegevens: a work address with its own days and hours, in its own gemeente', async () => {
    await page.goto(t.url + '/mijn-gegevens');
    assert.equal((await page.textContent('h1'))?.trim(), 'Mijn gegevens');
    await check('mijn-gegevens');
    await page.fill('#veld-postcode', '1012 AB');
    await page.fill('#veld-huisnummer', '1');
    for (const day of ['ma', 'di', 'wo', 'do', 'vr'])
      await page.check(day === 'ma' ? '#veld-dagen' : `#veld-dagen-${day}`);
    await page.fill('#veld-van', '08:30');
    await page.fill('#veld-tot', '17:30');
    await Promise.all([page.waitForNavigation(), page.click('text=Adres toevoegen >> nth=-1')]);
    const main = (await page.textContent('main')) ?? '';
    assert.match(main, /1012 AB 1, Amsterdam is toegevoegd/);
    assert.match(main, /ma-vr 08:30-17:30/);
    assert.match(main, /Amsterdam/);
    await check('mijn-gegevens-tweede-adres');
    const rows = await t.system.database.query<{ gemeente_code: string; time_windows: unknown[] }>(
      'select gemeente_code, time_windows from registrations where participant_id = $1 order by gemeente_code',
      [participantId],
    );
    assert.deepEqual(
      rows.map((r) => [r.gemeente_code, r.time_windows.length]),
      [
        ['GM0344', 0],
        ['GM0363', 5],
      ],
    );

    // Each address has its own page for channel and hours.
    await Promise.all([page.waitForNavigation(), page.click('a.button:has-text("Wijzigen") >> nth=0')]);
    await check('mijn-gegevens-adres');
  });

  test('Mijn gegevens: all data downloaded as JSON, then deleted for real (nothing left in any table)', async () => {
    await page.goto(t.url + '/mijn-gegevens');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[download]')]);
    const file = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.equal(file.deelnemer.naam, NAME);
    assert.equal(file.deelnemer.email, EMAIL === file.deelnemer.email ? EMAIL : null);
    assert.deepEqual(
      file.aanmeldingen
        .map((a: { telefoon: string; gemeente: { naam: string } }) => [a.telefoon, a.gemeente.naam])
        .sort(),
      [
        [MOBILE, 'Amsterdam'],
        [MOBILE, 'Utrecht'],
      ],
    );

    await Promise.all([page.waitForNavigation(), page.click('a:has-text("Verwijder al mijn gegevens")')]);
    await check('mijn-gegevens-verwijderen');
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("Ja, verwijder al mijn gegevens")')]);
    assert.match((await page.textContent('h1')) ?? '', /verwijderd/);
    await check('mijn-gegevens-verwijderd');

    // Every table, every column as text: nothing of the person, except the audit log's bare facts by id.
    const tables = await t.system.database.query<{ table_name: string }>(
      `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    );
    const traces = [participantId, MOBILE, MOBILE.slice(1), NAME, EMAIL, '3511AB', '1012AB'];
    for (const { table_name } of tables) {
      for (const trace of traces) {
        if (table_name === 'audit_log' && trace === participantId) continue;
        const [found] = await t.system.database.query<{ n: number }>(
          `select count(*)::int as n from "${table_name}" t where t::text ilike $1`,
          [`%${trace}%`],
        );
        assert.equal(found!.n, 0, `${trace} still in ${table_name}`);
      }
    }
    const facts = await t.system.database.query<{ event: string }>(
      `select event from audit_log where subject_id = $1 order by id`,
      [participantId],
    );
    assert.equal(facts.at(-1)?.event, 'participant.deleted');
    // The session went with the data: the page asks to log in again.
    await page.goto(t.url + '/mijn-gegevens');
    assert.match(page.url(), /\/mijn-gegevens\/inloggen/);
    await check('mijn-gegevens-inloggen');
  });
});
