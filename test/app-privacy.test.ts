import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { latLngToCell } from 'h3-js';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import type { LocalPushService } from '../src/adapters/channels/web-push/local-push-service.js';
import { openPgliteDatabase } from '../src/adapters/store/database/pglite-database.js';
import { postTip, putPhoto, startAction, VONDELPARK_AREA } from './support/app-support.js';
import { launchBrowser, newPhoneContext } from './support/browser.js';
import pino from 'pino';
import { openRedis } from '../src/adapters/redis/redis-connection.js';
import { startRedisServer } from './support/redis.js';
import { subscribePhone } from './support/phones.js';
import {
  cellNeedles,
  cellsOf,
  coordinateNeedles,
  dumpDatabase,
  pointNeedles,
  readAllFiles,
  search,
  type Haystack,
  type LatLon,
  type Needle,
} from './support/privacy-search.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { eventually, startTestSystem, type TestSystem } from './support/test-system.js';

/**
 * A cyclist with the app open rides from Amstelveen through the Vondelpark (where an action is running) to
 * the Jordaan. None of these points is an action's centre or a gemeente's: if any rendering of them, or any
 * H3 cell they lie in, turns up in the database, the log or a file, the phone's location leaked.
 */
const TRACK: readonly (LatLon & { readonly name: string; readonly inArea: boolean })[] = [
  { name: 'Amstelveen', lat: 52.3031467, lon: 4.8587123, inArea: false },
  { name: 'Amsterdam-Zuid', lat: 52.3384519, lon: 4.8729846, inArea: false },
  { name: 'Vondelpark zuid', lat: 52.3557263, lon: 4.8647913, inArea: true },
  { name: 'Vondelpark', lat: 52.3591937, lon: 4.8703419, inArea: true },
  { name: 'Overtoom', lat: 52.3619274, lon: 4.8743892, inArea: true },
  { name: 'Jordaan', lat: 52.3738416, lon: 4.8813579, inArea: false },
];
/** A control value sent through the system on purpose: the search must find it in each place. */
const PLANTED = { lat: 52.2998713, lon: 4.9531177 };

/** Request durations are random decimals that may spell a 4-decimal coordinate by chance; they carry nothing from the phone. */
const maskDurations = (line: string) =>
  line.replace(/"(responseTime|[A-Za-z]*Ms|[A-Za-z]*Seconds)":-?[0-9.e+-]+/g, '"$1":0');

let t: TestSystem;
let testDatabase: TestDatabase;
let tempDir: string;
let dataDir: string;
let browser: Browser;
let context: BrowserContext;
let pushService: LocalPushService;
const logLines: string[] = [];

before(async () => {
  tempDir = await mkdtemp(join(tmpdir(), 'burgernet-privacy-'));
  dataDir = join(tempDir, 'data');
  await mkdir(dataDir);
  // On PGlite the database lives in DATA_DIR, so its files are searched too; on PostgreSQL the dump covers it.
  if (process.env.DATABASE_URL) {
    testDatabase = await createTestDatabase();
  } else {
    const database = await openPgliteDatabase(join(dataDir, 'pglite'));
    testDatabase = { database, url: null, drop: () => database.close() };
  }
  t = await startTestSystem(
    {
      DATA_DIR: dataDir,
      LOG_LEVEL: 'trace',
      APP_REQUESTS_PER_MINUTE: '100000',
      PUSH_REQUESTS_PER_MINUTE: '100000',
      PUSH_ENCRYPTION_THREADS: '1',
    },
    { testDatabase, logDestination: { write: (line: string) => void logLines.push(line) } },
  );
  pushService = t.system.push.localPushService!;
  browser = await launchBrowser();
});
after(async () => {
  await context?.close();
  await browser?.close();
  await testDatabase?.drop();
  await rm(tempDir, { recursive: true, force: true });
});

/** Everything the system wrote: every table, every log line, every file under DATA_DIR and the test's folder. */
async function everythingWritten(): Promise<Haystack[]> {
  return [
    ...(await dumpDatabase(testDatabase.database)),
    { source: `the log (${logLines.length} lines)`, bytes: Buffer.from(logLines.map(maskDurations).join('')) },
    ...(await readAllFiles(tempDir)),
  ];
}

let lastCell: string | null = null;

/** Moves the phone and waits until the app has taken the position in: its list, and its cell when that changed. */
async function moveTo(page: Page, point: LatLon): Promise<void> {
  const cell = latLngToCell(point.lat, point.lon, 7);
  const presence =
    cell === lastCell
      ? null
      : page.waitForRequest(
          (r) => r.url().endsWith('/presence') && (JSON.parse(r.postData() ?? '{}') as { cell?: string }).cell === cell,
        );
  lastCell = cell;
  await context.setGeolocation({ latitude: point.lat, longitude: point.lon });
  await presence;
  if (TRACK.find((p) => p.lat === point.lat)?.inArea ?? false)
    await page.locator('#dichtbij-lijst [data-actie]').first().waitFor();
  else await page.locator('#dichtbij-geen').waitFor();
}

test('a session in a moving place leaves no trace of where the phone was: not in the database, the log or any file', async () => {
  const token = await t.staffToken('centralist', 'RE05');
  const staff = t.api(token);
  const actionId = await startAction(staff, {
    type: 'vermissing',
    missingChild: true,
    message: 'Vermist: Noor (7), gele regenjas, roze laarzen.',
    description: 'Bruin haar in een staart.',
    area: VONDELPARK_AREA,
  });
  assert.equal(
    (
      await putPhoto(t.url, token, actionId, {
        bytes: await sharp({ create: { width: 400, height: 300, channels: 3, background: '#f5d142' } })
          .jpeg()
          .toBuffer(),
        name: 'noor.jpg',
        type: 'image/jpeg',
      })
    ).status,
    200,
  );

  const needles: Needle[] = TRACK.flatMap((p) => pointNeedles(p.name, p));
  // The needles mean something only if nothing legitimate spells them (the action's area, the gemeenten…).
  assert.deepEqual(search(needles, await everythingWritten()), [], 'the needles are specific to the phone’s positions');

  // The phone subscribes for notifications. Headless Chromium has no push service (PushManager.subscribe
  // fails without Google's), so the subscription is made at the local push service with the server's VAPID
  // key, registered through the app API, and handed to the app as it keeps it (localStorage).
  const key = ((await (await fetch(`${t.url}/app/v1/push/vapid-public-key`)).json()) as { publicKey: string })
    .publicKey;
  const { id: pushId, subscription } = pushService.createSubscription({ applicationServerKey: key });
  const registered = await fetch(`${t.url}/app/v1/push/subscriptions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ subscription }),
  });
  assert.equal(registered.status, 201);
  const registration = (await registered.json()) as { id: string; deviceToken: string };

  context = await newPhoneContext(browser, {
    geolocation: { latitude: TRACK[0]!.lat, longitude: TRACK[0]!.lon },
    permissions: ['geolocation', 'notifications'],
  });
  await context.addInitScript(
    `localStorage.setItem('burgernet.push', ${JSON.stringify(JSON.stringify(registration))});`,
  );
  const page = await context.newPage();
  const sentCells: string[] = [];
  const requestedUrls: string[] = [];
  page.on('request', (request) => {
    requestedUrls.push(request.url());
    if (request.url().endsWith(`/subscriptions/${registration.id}/presence`))
      sentCells.push((JSON.parse(request.postData() ?? '{}') as { cell: string }).cell);
  });
  // Where the phone starts: the app sends that cell as soon as it knows the position.
  lastCell = latLngToCell(TRACK[0]!.lat, TRACK[0]!.lon, 7);
  const firstPresence = page.waitForRequest((r) => r.url().endsWith('/presence'));
  await page.goto(`${t.url}/app/`);
  await page.waitForSelector('body[data-app-ready="true"]');
  await firstPresence;
  await moveTo(page, TRACK[0]!);

  // Ride along; in the Vondelpark the app shows the action, and the server pushes its alert to the phone that came in.
  for (const point of TRACK.slice(1)) {
    await moveTo(page, point);
    if (point.name === 'Vondelpark zuid') {
      await pushService.waitFor(
        () => pushService.received(pushId).some((m) => JSON.parse(m.plaintext ?? '{}').actionId === actionId),
        15_000,
      );
    }
    if (point.name === 'Vondelpark') {
      // A tip from here, with a photo whose EXIF holds where it was taken (as phones write it).
      const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#2f6b3a' } })
        .jpeg()
        .withExif({
          IFD0: { ImageDescription: `${point.lat},${point.lon}`, Make: 'Testcamera' },
          IFD3: {
            GPSLatitudeRef: 'N',
            GPSLatitude: '52/1 21/1 3330/100',
            GPSLongitudeRef: 'E',
            GPSLongitude: '4/1 52/1 1323/100',
          },
        })
        .toBuffer();
      await page.goto(`${t.url}/acties/${actionId}`);
      await page.waitForSelector('body[data-app-ready="true"]');
      await page.fill('#veld-text', 'Ik zie een meisje in een gele regenjas bij de vijver.');
      await page.setInputFiles('#veld-photo', { name: 'IMG_2041.jpg', mimeType: 'image/jpeg', buffer: photo });
      await page.click('#tip-verstuur');
      await page.locator('#tip-status', { hasText: 'Bedankt' }).waitFor();
      await page.goto(`${t.url}/app/`);
      await page.waitForSelector('body[data-app-ready="true"]');
      await moveTo(page, point);
    }
  }

  // The meldkamer sends an update and closes the action; the phone, which got the alert, gets both.
  assert.equal(
    (await staff.post(`/api/v1/actions/${actionId}/updates`, { text: 'Noor is gezien bij de Overtoom.' })).status,
    202,
  );
  assert.equal(
    (
      await staff.post(`/api/v1/actions/${actionId}/close`, {
        result: 'gevonden',
        closingText: 'Noor is gevonden. Dank u wel!',
      })
    ).status,
    200,
  );
  await pushService.waitFor(
    () => pushService.received(pushId).some((m) => JSON.parse(m.plaintext ?? '{}').type === 'closing'),
    15_000,
  );
  const tips = await staff.get(`/api/v1/actions/${actionId}/tips`);
  assert.equal(tips.body.items.length, 1);

  // What the phone did: only cells went out, one per cell it entered, and only at the presence resolution.
  const expectedCells = [...new Set(TRACK.map((p) => latLngToCell(p.lat, p.lon, 7)))];
  assert.deepEqual([...new Set(sentCells)], expectedCells, 'the app sent the cell of each place (and nothing finer)');
  for (const url of requestedUrls) {
    for (const needle of TRACK.flatMap((p) => coordinateNeedles(p.name, p.lat))) {
      assert.ok(!url.includes(needle.bytes.toString('latin1')), `no coordinate in ${url}`);
    }
  }

  // Control values, sent through the same paths on purpose: a tip's text (database), a request path (log),
  // a file in DATA_DIR. The search must find each of them where it went, or it proves nothing.
  const plantedText = `controle ${PLANTED.lat} ${PLANTED.lon} ${latLngToCell(PLANTED.lat, PLANTED.lon, 7)}`;
  const otherAction = await startAction(staff, { type: 'diefstal', message: 'Controle-actie.', area: VONDELPARK_AREA });
  assert.equal((await postTip(t.url, otherAction, { text: plantedText })).status, 201);
  await fetch(`${t.url}/app/v1/controle/${PLANTED.lat}/${latLngToCell(PLANTED.lat, PLANTED.lon, 9)}`);
  await writeFile(join(dataDir, 'controle.txt'), plantedText);

  await t.stop();

  const haystacks = await everythingWritten();
  const planted = search(pointNeedles('control', PLANTED), haystacks);
  assert.ok(
    planted.some((hit) => hit.includes('table public.action_tips')),
    `the dump is searched: ${planted.join('\n')}`,
  );
  assert.ok(
    planted.some((hit) => hit.includes('the log')),
    'the log is searched',
  );
  assert.ok(
    planted.some((hit) => hit.includes('controle.txt')),
    'the files are searched',
  );
  assert.ok(
    haystacks.some((h) => h.source.includes('/photos/')),
    'the photo folder was searched',
  );
  if (!process.env.DATABASE_URL)
    assert.ok(
      haystacks.some((h) => h.source.includes('/pglite/')),
      'the database files were searched',
    );
  assert.ok(
    logLines.some((line) => line.includes('"path":"/app/v1/actions"')),
    'the system logged every request (at trace level) while the phone moved',
  );

  const leaks = search(needles, haystacks);
  assert.deepEqual(leaks, [], `the phone's location leaked:\n${leaks.join('\n')}`);
  assert.ok(cellsOf(TRACK[2]!).length === 16);
});

test("with REDIS_URL a phone's cell is in Redis with a time-to-live, and never in the database, the log or a file", async () => {
  // A Redis of the test's own (memory only, as the system demands), so that every key it holds can be looked at.
  const redis = await startRedisServer();
  const database = await createTestDatabase();
  const lines: string[] = [];
  const node = await startTestSystem(
    {
      REDIS_URL: redis.url,
      LOG_LEVEL: 'trace',
      PUSH_PRESENCE_MINUTES: '30',
      PUSH_ENCRYPTION_THREADS: '1',
    },
    { testDatabase: database, logDestination: { write: (line: string) => void lines.push(line) } },
  );
  try {
    const where = TRACK[3]!;
    const cell = latLngToCell(where.lat, where.lon, 7);
    const phone = await subscribePhone(node.api(null), node.system.push.localPushService!);
    assert.equal(await phone.moveTo(where), 204);
    const staff = node.api(await node.staffToken('centralist', 'RE05'));
    const actionId = await startAction(staff, { type: 'diefstal', message: 'Fiets gestolen.', area: VONDELPARK_AREA });
    await eventually(() => assert.ok(phone.received().some((m) => m.actionId === actionId)));

    // In Redis: the phone's entry and its cell's set, each with a time-to-live of at most the presence lifetime.
    const looking = await openRedis({ url: redis.url, keyPrefix: '', logger: pino({ level: 'silent' }) });
    const client = looking.client;
    const keys = await client.keys('*');
    const withCell = keys.filter((k) => k.includes(cell));
    assert.ok(withCell.length > 0, `the cell is held in Redis: ${keys.join(', ')}`);
    const presenceKeys = keys.filter((k) => k.includes(':presence:'));
    assert.ok(
      presenceKeys.some((k) => k.includes(phone.id)),
      'the phone has a presence entry',
    );
    for (const key of keys) {
      const ttl = await client.pTTL(key);
      assert.ok(ttl > 0, `${key} expires (PTTL ${ttl})`);
      if (presenceKeys.includes(key)) assert.ok(ttl <= 30 * 60_000, `${key} lives no longer than presence`);
    }
    await looking.close();
    // The control: the same cell sent as a tip's text is found in the database, so the search below can see it.
    assert.equal((await postTip(node.url, actionId, { text: `controle ${cell}` })).status, 201);
    const written = [
      ...(await dumpDatabase(database.database)),
      { source: `the log (${lines.length} lines)`, bytes: Buffer.from(lines.map(maskDurations).join('')) },
    ];
    assert.ok(
      search(cellNeedles('control', [cell]), written).some((hit) => hit.includes('table public.action_tips')),
      'the search finds the cell where it was put on purpose',
    );
    const leaks = search(
      cellNeedles('phone', cellsOf(where)),
      written.map((h) => ({
        ...h,
        bytes: Buffer.from(h.bytes.toString('latin1').replaceAll(`controle ${cell}`, ''), 'latin1'),
      })),
    );
    assert.deepEqual(leaks, [], `the phone's cell reached the database or the log:\n${leaks.join('\n')}`);
    assert.deepEqual(await readAllFiles(redis.dir), [], 'Redis wrote nothing to its folder');
  } finally {
    await node.stop();
    await database.drop();
    await redis.dispose();
  }
});
