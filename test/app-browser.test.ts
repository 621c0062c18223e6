import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import {
  badUploads,
  cameraPhoto,
  mediaRows,
  photoFiles,
  putPhoto,
  startAction,
  VONDELPARK,
  VONDELPARK_AREA,
} from './support/app-support.js';
import { assertAccessible, launchBrowser, newPhoneContext, saveScreenshot } from './support/browser.js';
import { startTestSystem, type TestSystem } from './support/test-system.js';

/** Utrecht: 35 km from the Vondelpark, outside every area of these tests. */
const UTRECHT = { latitude: 52.0907, longitude: 5.1214 };
const IN_VONDELPARK = { latitude: VONDELPARK.lat + 0.002, longitude: VONDELPARK.lon - 0.003 };

describe('the Burgernetapp in Chromium on a phone', () => {
  let t: TestSystem;
  let browser: Browser;
  let dataDir: string;
  let token: string;
  let actionId: string;
  const contexts: BrowserContext[] = [];

  const phone = async (geolocation: { latitude: number; longitude: number }): Promise<Page> => {
    const context = await newPhoneContext(browser, { geolocation, permissions: ['geolocation'] });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => assert.fail(`script error in the page: ${error.message}`));
    return page;
  };
  const openApp = async (page: Page) => {
    await page.goto(`${t.url}/app/`);
    await page.waitForSelector('body[data-app-ready="true"]');
  };
  const nearCard = (page: Page) => page.locator(`#dichtbij-lijst [data-actie="${actionId}"]`);

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'burgernet-app-browser-'));
    t = await startTestSystem({ DATA_DIR: dataDir, APP_TIPS_PER_HOUR: '1000' });
    token = await t.staffToken('centralist', 'RE05');
    actionId = await startAction(t.api(token), {
      type: 'vermissing',
      message: 'Vermist: Daan (79), blauwe pet, loopt met een rollator.',
      description: 'Grijs haar, bril.',
      area: VONDELPARK_AREA,
    });
    assert.equal((await putPhoto(t.url, token, actionId, await cameraPhoto(900, 600))).status, 200);
    browser = await launchBrowser();
  });
  after(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await t?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('inside the area the action shows, outside it does not, and moving in it appears', async () => {
    const inside = await phone(IN_VONDELPARK);
    await openApp(inside);
    await nearCard(inside).waitFor();
    assert.match(await nearCard(inside).innerText(), /Daan \(79\)/);
    assert.equal(await nearCard(inside).locator('img.action-photo').count(), 1, 'with the meldkamer’s photo');
    assert.equal(
      (await nearCard(inside).locator('.area-map canvas, .area-map svg').count()) > 0,
      true,
      'with the area on a map',
    );
    assert.match((await nearCard(inside).locator('a.call-button').getAttribute('href')) ?? '', /^tel:\+\d+$/);
    await inside.locator('.area-map .leaflet-pane').first().waitFor({ state: 'attached' });
    await assertAccessible(inside, 'the app with an action nearby');
    await saveScreenshot(inside, 'app-actie-in-de-buurt');

    const outside = await phone(UTRECHT);
    await openApp(outside);
    await outside.locator('#dichtbij-geen').waitFor();
    assert.equal(await nearCard(outside).count(), 0, 'not near a phone in Utrecht');
    assert.equal(
      await outside.locator(`#alle-lijst [data-actie="${actionId}"]`).count(),
      1,
      'but in the list of all active actions',
    );
    await assertAccessible(outside, 'the app with nothing nearby');
    await saveScreenshot(outside, 'app-niets-in-de-buurt');

    await outside.context().setGeolocation(IN_VONDELPARK);
    await nearCard(outside).waitFor();
    assert.equal(await outside.locator('#dichtbij-geen').isVisible(), false);
  });

  test('without permission for the location, the app says so and shows every active action', async () => {
    const context = await newPhoneContext(browser, {});
    contexts.push(context);
    const page = await context.newPage();
    await openApp(page);
    await page.click('#locatie-knop');
    await page.locator('#app-status', { hasText: 'toestemming' }).waitFor();
    assert.equal(await page.locator(`#alle-lijst [data-actie="${actionId}"]`).count(), 1);
    assert.equal(await page.isHidden('#dichtbij'), true);
  });

  test('the share link opens the public page: the phone’s share sheet, and WhatsApp as the fallback', async () => {
    const page = await phone(IN_VONDELPARK);
    // Chromium on Linux has no share sheet: stand in for the phone's (a string, so that the test compiler adds nothing).
    await page.addInitScript(`
      window.__shared = [];
      Object.defineProperty(Navigator.prototype, 'share', { configurable: true, value: async (data) => { window.__shared.push(data); } });
      Object.defineProperty(Navigator.prototype, 'canShare', { configurable: true, value: () => true });
    `);
    await page.goto(`${t.url}/acties/${actionId}`);
    await page.waitForSelector('body[data-app-ready="true"]');
    await page.click('#delen-knop');
    const shared = await page.evaluate<{ url: string; title: string }[]>('window.__shared');
    assert.equal(shared.length, 1);
    assert.equal(shared[0]!.url, `${t.url}/acties/${actionId}`);

    const whatsapp = new URL((await page.getAttribute('#whatsapp-link', 'href'))!);
    assert.equal(`${whatsapp.origin}${whatsapp.pathname}`, 'https://wa.me/');
    const link = /(http:\/\/\S+)$/.exec(whatsapp.searchParams.get('text') ?? '')?.[1];
    assert.equal(link, `${t.url}/acties/${actionId}`);

    const visitor = await phone(UTRECHT);
    await visitor.goto(link);
    await visitor.waitForSelector('body[data-app-ready="true"]');
    assert.equal(await visitor.textContent('h1'), 'Vermissing');
    assert.match(await visitor.innerText('main'), /Daan \(79\)/);
    await visitor.locator('#actie-kaart .leaflet-pane').first().waitFor({ state: 'attached' });
    await assertAccessible(visitor, 'the public page of an active action');
    await saveScreenshot(visitor, 'actie-openbare-pagina');
  });

  test('a photo with a text reaches the meldkamer’s API and live stream, without EXIF', async () => {
    const stream = await fetch(`${t.url}/api/v1/actions/${actionId}/tips/stream`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const reader = stream.body!.getReader();
    const page = await phone(IN_VONDELPARK);
    await page.goto(`${t.url}/acties/${actionId}`);
    await page.waitForSelector('body[data-app-ready="true"]');
    const photo = await cameraPhoto(1024, 768);
    await page.fill('#veld-text', 'Ik zie hem nu bij het station, bij de fietsenstalling.');
    await page.setInputFiles('#veld-photo', {
      name: photo.name,
      mimeType: photo.type,
      buffer: Buffer.from(photo.bytes),
    });
    await page.fill('#veld-phone', '06 12345678');
    await page.click('#tip-verstuur');
    await page.locator('#tip-status', { hasText: 'Bedankt' }).waitFor();
    await assertAccessible(page, 'the tip form after sending');
    await saveScreenshot(page, 'actie-tip-verstuurd');

    let text = '';
    while (!text.includes('event: tip')) {
      const { value, done } = await reader.read();
      assert.equal(done, false);
      text += new TextDecoder().decode(value);
    }
    await reader.cancel();
    const live = JSON.parse(/event: tip\nid: \d+\ndata: (.*)\n/.exec(text)![1]!);
    assert.equal(live.text, 'Ik zie hem nu bij het station, bij de fietsenstalling.');
    assert.equal(live.callbackRequested, true);

    const tips = await t.api(token).get(`/api/v1/actions/${actionId}/tips`);
    const tip = tips.body.items.find((i: { id: string }) => i.id === live.id);
    const number = await t
      .api(token)
      .post(`/api/v1/actions/${actionId}/tips/${live.id}/callback-number`, { purpose: 'callback' });
    assert.equal(number.body.phone, '+31612345678');
    const served = await fetch(t.url + tip.photo.url, { headers: { authorization: `Bearer ${token}` } });
    const metadata = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
    assert.deepEqual([metadata.format, metadata.exif, metadata.width, metadata.height], ['jpeg', undefined, 1024, 768]);
  });

  test('bad uploads get a clear Dutch error next to the photo field and nothing is stored', async () => {
    const page = await phone(IN_VONDELPARK);
    await page.goto(`${t.url}/acties/${actionId}`);
    await page.waitForSelector('body[data-app-ready="true"]');
    const expected: Record<string, RegExp> = {
      'photo.not-an-image': /geen foto/,
      'photo.too-many-pixels': /te veel pixels.*megapixel/,
      'photo.too-large': /groter dan 10 MB/,
    };
    for (const bad of await badUploads()) {
      const [files, rows] = [await photoFiles(dataDir), await mediaRows(t.system.database)];
      await page.fill('#veld-text', 'Zie de foto.');
      await page.setInputFiles('#veld-photo', {
        name: bad.file.name,
        mimeType: bad.file.type,
        buffer: Buffer.from(bad.file.bytes),
      });
      await page.click('#tip-verstuur');
      await page.locator('#veld-photo-fout').waitFor({ state: 'visible' });
      await page.locator('#tip-verstuur:enabled').waitFor();
      assert.match((await page.textContent('#veld-photo-fout')) ?? '', expected[bad.code]!, bad.label);
      assert.equal(await page.getAttribute('#veld-photo', 'aria-invalid'), 'true');
      assert.deepEqual(await photoFiles(dataDir), files, `${bad.label}: no file`);
      assert.deepEqual(await mediaRows(t.system.database), rows, `${bad.label}: no row`);
      if (bad.code === 'photo.too-many-pixels') {
        await assertAccessible(page, 'the tip form with an error');
        await saveScreenshot(page, 'actie-tip-fout');
      }
    }
  });

  test('a notification the phone got is remembered, and the result shows when the app is opened later', async () => {
    const context = await newPhoneContext(browser, {
      geolocation: UTRECHT,
      permissions: ['geolocation', 'notifications'],
    });
    contexts.push(context);
    const page = await context.newPage();
    await openApp(page);
    await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
    const other = await startAction(t.api(token), {
      type: 'diefstal',
      message: 'Bakfiets gestolen, rood met zwarte huif.',
      area: VONDELPARK_AREA,
    });
    // The push service's part, through Chromium's DevTools protocol: a push message to the service worker.
    const cdp = await context.newCDPSession(page);
    const registration = await new Promise<{ registrationId: string }>((resolve) => {
      cdp.on(
        'ServiceWorker.workerRegistrationUpdated',
        (e: { registrations: { registrationId: string; scopeURL: string }[] }) => {
          const ours = e.registrations.find((r) => r.scopeURL === `${t.url}/app/`);
          if (ours !== undefined) resolve(ours);
        },
      );
      void cdp.send('ServiceWorker.enable');
    });
    await cdp.send('ServiceWorker.deliverPushMessage', {
      origin: t.url,
      registrationId: registration.registrationId,
      data: JSON.stringify({
        type: 'alert',
        actionId: other,
        title: 'Diefstal',
        body: 'Bakfiets gestolen.',
        url: `/acties/${other}`,
      }),
    });
    // What the service worker wrote to the phone's IndexedDB, read through the app's own module.
    await page.waitForFunction(
      ({ id, module }) =>
        import(module)
          .then((m) => m.notifiedActions())
          .then((all: { actionId: string }[]) => all.some((n) => n.actionId === id)),
      { id: other, module: '/static/app/notified-actions.js' },
    );
    await t.api(token).post(`/api/v1/actions/${other}/close`, {
      result: 'teruggevonden',
      closingText: 'De bakfiets is terug. Dank u wel!',
    });
    await openApp(page);
    const card = page.locator(`#gemeld-lijst [data-actie="${other}"]`);
    await card.waitFor();
    assert.match(await card.innerText(), /Teruggevonden/);
    assert.match(await card.innerText(), /De bakfiets is terug/);
    await assertAccessible(page, 'the app with a remembered notification');
    await saveScreenshot(page, 'app-eerder-gemeld');
  });

  test('a closed vermissing shows its result without the person’s details; an unknown action is a Dutch 404', async () => {
    const closed = await startAction(t.api(token), {
      type: 'vermissing',
      message: 'Vermist: Mila (6), gele regenjas.',
      description: 'Krullend haar.',
      area: VONDELPARK_AREA,
    });
    await putPhoto(t.url, token, closed, await cameraPhoto());
    await t.api(token).post(`/api/v1/actions/${closed}/close`, { result: 'gevonden', closingText: 'Mila is terecht.' });
    const page = await phone(UTRECHT);
    await page.goto(`${t.url}/acties/${closed}`);
    await page.waitForSelector('body[data-app-ready="true"]');
    const text = await page.innerText('main');
    assert.match(text, /Gevonden/);
    assert.match(text, /Mila is terecht/);
    assert.doesNotMatch(text, /gele regenjas|Krullend/);
    assert.equal(await page.locator('img.action-photo').count(), 0);
    assert.equal(await page.locator('#tip-formulier').count(), 0);
    assert.equal(await page.locator('a.call-button').count(), 0);
    await assertAccessible(page, 'the public page of a closed action');
    await saveScreenshot(page, 'actie-afgesloten');

    const missing = await page.goto(`${t.url}/acties/00000000-0000-4000-8000-000000000000`);
    assert.equal(missing?.status(), 404);
    assert.match(await page.innerText('main'), /bestaat niet of is niet openbaar/);
    await assertAccessible(page, 'the page of an unknown action');
  });

  test('the app is installable: a manifest with icons, a service worker controlling /app/', async () => {
    const page = await phone(UTRECHT);
    await openApp(page);
    const manifestHref = await page.getAttribute('link[rel="manifest"]', 'href');
    const manifest = (await (await fetch(t.url + manifestHref)).json()) as {
      start_url: string;
      scope: string;
      display: string;
      lang: string;
      icons: unknown[];
    };
    assert.deepEqual(
      [manifest.start_url, manifest.scope, manifest.display, manifest.lang],
      ['/app/', '/app/', 'standalone', 'nl'],
    );
    for (const icon of manifest.icons as { src: string; sizes: string; type: string }[]) {
      const response = await fetch(t.url + icon.src);
      assert.equal(response.status, 200, icon.src);
      if (icon.type === 'image/png') {
        const size = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
        assert.equal(`${size.width}x${size.height}`, icon.sizes);
      }
    }
    assert.equal(await page.evaluate('navigator.serviceWorker.ready.then((r) => r.scope)'), `${t.url}/app/`);
    await page.reload();
    await page.waitForSelector('body[data-app-ready="true"]');
    assert.equal(await page.evaluate('navigator.serviceWorker.controller !== null'), true);
  });
});
