import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { createLocalPhotoStorage } from '../src/adapters/photos/local-photo-storage.js';
import { expireMedia } from '../src/app/media/expire-media.js';
import type { ImageSanitizer } from '../src/app/ports/image-sanitizer.js';
import { sendTip } from '../src/app/public/send-tip.js';
import { createSharpImageSanitizer } from '../src/adapters/photos/sharp-image-sanitizer.js';
import { nl } from '../src/domain/messages/nl.js';
import {
  badUploads,
  cameraPhoto,
  mediaRows,
  photoFiles,
  postTip,
  putPhoto,
  startAction,
  VONDELPARK_AREA,
} from './support/app-support.js';
import { startTestSystem, type ApiClient, type TestSystem } from './support/test-system.js';

const PURPOSE = 'Terugbellen na tip in actie';

describe('the app API: the feed, an action, photos and tips', () => {
  let t: TestSystem;
  let dataDir: string;
  let token05: string;
  let centralist05: ApiClient;
  let centralist03: ApiClient;
  let gemeente: ApiClient;

  const feed = async () => {
    const response = await fetch(`${t.url}/app/v1/actions`);
    assert.equal(response.status, 200);
    return ((await response.json()) as { actions: { id: string; [key: string]: any }[] }).actions;
  };
  const publicAction = async (id: string): Promise<{ status: number; body: any }> => {
    const response = await fetch(`${t.url}/app/v1/actions/${id}`);
    return { status: response.status, body: await response.json() };
  };

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'burgernet-app-api-'));
    t = await startTestSystem({ DATA_DIR: dataDir, APP_TIPS_PER_HOUR: '1000' });
    token05 = await t.staffToken('centralist', 'RE05');
    centralist05 = t.api(token05);
    centralist03 = t.api(await t.staffToken('centralist', 'RE03'));
    gemeente = t.api(await t.staffToken('gemeente', 'GM0363'));
  });
  after(async () => {
    await t?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('the feed lists active and recently ended public actions with what the app shows, the same for everyone', async () => {
    const active = await startAction(centralist05, {
      type: 'diefstal',
      message: 'Fietsendief gevlucht, groene jas.',
      description: 'Man, 30 jaar.',
      area: VONDELPARK_AREA,
    });
    const withheld = await startAction(centralist05, {
      type: 'inbraak',
      message: 'Niet openbaar.',
      area: VONDELPARK_AREA,
      publication: { public: false },
    });
    const concept = (
      await centralist05.post('/api/v1/actions', {
        type: 'inbraak',
        message: 'Nog een concept.',
        area: VONDELPARK_AREA,
      })
    ).body.id;
    const closed = await startAction(centralist05, {
      type: 'beroving',
      message: 'Beroving, let op een rode scooter.',
      area: VONDELPARK_AREA,
    });
    assert.equal((await centralist05.post(`/api/v1/actions/${closed}/close`, { result: 'aangehouden' })).status, 200);

    const items = await feed();
    const ids = items.map((a) => a.id);
    assert.ok(ids.includes(active) && ids.includes(closed));
    assert.ok(!ids.includes(withheld) && !ids.includes(concept), 'withheld actions and concepts are not in the feed');
    const item = items.find((a) => a.id === active)!;
    assert.equal(item.text, 'Fietsendief gevlucht, groene jas.');
    assert.equal(item.description, 'Man, 30 jaar.');
    assert.deepEqual(item.area, VONDELPARK_AREA);
    assert.deepEqual(item.meldkamer, { code: 'RE05', name: 'Amsterdam' });
    assert.deepEqual(item.call, {
      kind: 'meldkamer',
      number: '+319008844',
      display: '0900 8844',
      href: 'tel:+319008844',
    });
    assert.equal(item.url, `/acties/${active}`);
    assert.equal(item.acceptsTips, true);
    const ended = items.find((a) => a.id === closed)!;
    assert.deepEqual(
      [ended.status, ended.result, ended.resultLabel, ended.call, ended.acceptsTips],
      ['afgesloten', 'aangehouden', 'Aangehouden', null, false],
    );
    assert.equal('createdBy' in item || 'startedBy' in item || 'message' in item, false, 'nothing but the public view');

    const response = await fetch(`${t.url}/app/v1/actions`);
    assert.equal(response.headers.get('cache-control'), 'public, max-age=15');
    const etag = response.headers.get('etag')!;
    assert.equal((await fetch(`${t.url}/app/v1/actions`, { headers: { 'if-none-match': etag } })).status, 304);
  });

  test('a request that tries to tell where the phone is, is refused', async () => {
    for (const query of ['?lat=52.358&lon=4.868', '?cell=871f1d489ffffff', '?near=52.358,4.868']) {
      const response = await fetch(`${t.url}/app/v1/actions${query}`);
      assert.equal(response.status, 400, query);
      assert.equal(((await response.json()) as { code: string }).code, 'request.invalid');
    }
  });

  test('a closed vermissing keeps its result but loses the description, the text and the photo', async () => {
    const id = await startAction(centralist05, {
      type: 'vermissing',
      missingChild: true,
      message: 'Vermist: Sanne (8), roze jas.',
      description: 'Blond haar.',
      area: VONDELPARK_AREA,
    });
    assert.equal((await putPhoto(t.url, token05, id, await cameraPhoto())).status, 200);
    const during = await publicAction(id);
    assert.equal(during.body.title, 'Vermist kind');
    assert.match(during.body.photoUrl, new RegExp(`^/app/v1/actions/${id}/photo\\?v=`));
    assert.equal((await fetch(t.url + during.body.photoUrl)).status, 200);
    await centralist05.post(`/api/v1/actions/${id}/close`, {
      result: 'gevonden',
      closingText: 'Sanne is gevonden. Dank u wel.',
    });
    const afterwards = await publicAction(id);
    assert.deepEqual(
      [
        afterwards.body.text,
        afterwards.body.description,
        afterwards.body.photoUrl,
        afterwards.body.resultLabel,
        afterwards.body.closingText,
      ],
      [null, null, null, 'Gevonden', 'Sanne is gevonden. Dank u wel.'],
    );
    assert.equal((await fetch(t.url + during.body.photoUrl)).status, 404, 'the photo URL no longer works');
    const page = await (await fetch(`${t.url}/acties/${id}`)).text();
    assert.ok(!page.includes('Sanne (8)') && !page.includes('Blond haar'), 'the public page shows no details either');
    assert.match(page, /Sanne is gevonden/);
  });

  test('a withheld action answers exactly as an unknown one', async () => {
    const id = await startAction(centralist05, {
      type: 'overval',
      message: 'Geheim.',
      area: VONDELPARK_AREA,
      publication: { public: false },
    });
    const withheld = await publicAction(id);
    const unknown = await publicAction('00000000-0000-4000-8000-000000000000');
    assert.equal(withheld.status, 404);
    assert.deepEqual(withheld.body, unknown.body);
    assert.equal((await fetch(`${t.url}/acties/${id}`)).status, 404);
  });

  test('the meldkamer decides what is public, during and after the action; others may not', async () => {
    const id = await startAction(centralist05, {
      type: 'diefstal',
      message: 'Auto gestolen, grijze Golf.',
      area: VONDELPARK_AREA,
    });
    const changed = await centralist05.put(`/api/v1/actions/${id}/publication`, {
      public: true,
      publicText: 'Grijze VW Golf gestolen; kenteken begint met 12.',
      call112: true,
    });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    assert.deepEqual(changed.body.publication, {
      public: true,
      publicText: 'Grijze VW Golf gestolen; kenteken begint met 12.',
      call112: true,
      mediaRetentionDays: null,
    });
    const shown = await publicAction(id);
    assert.equal(shown.body.text, 'Grijze VW Golf gestolen; kenteken begint met 12.');
    assert.deepEqual(shown.body.call, { kind: '112', number: '112', display: '112', href: 'tel:112' });
    assert.equal((await centralist03.put(`/api/v1/actions/${id}/publication`, { public: false })).status, 403);
    assert.equal((await gemeente.put(`/api/v1/actions/${id}/publication`, { public: false })).status, 403);
    assert.equal(
      (await centralist05.put(`/api/v1/actions/${id}/publication`, { public: false, mediaRetentionDays: 0 })).status,
      400,
    );
    assert.equal((await centralist05.put(`/api/v1/actions/${id}/publication`, { public: false })).status, 200);
    assert.ok(!(await feed()).some((a) => a.id === id));
    const audit = await t.system.database.query<{ event: string }>(
      'select event from audit_log where subject_id = $1 order by id',
      [id],
    );
    assert.equal(audit.filter((a) => a.event === 'action.publication-changed').length, 2);
  });

  test('the meldkamer attaches a photo: cleaned of EXIF and GPS, re-encoded, stored under a random name; only its own centralists may', async () => {
    const id = await startAction(centralist05, {
      type: 'diefstal',
      message: 'Scooter gestolen.',
      area: VONDELPARK_AREA,
    });
    const photo = await cameraPhoto(1200, 900);
    assert.equal((await putPhoto(t.url, await t.staffToken('centralist', 'RE03'), id, photo)).status, 403);
    assert.equal((await putPhoto(t.url, await t.staffToken('gemeente', 'GM0363'), id, photo)).status, 403);
    const before = await photoFiles(dataDir);
    const put = await putPhoto(t.url, token05, id, photo);
    assert.equal(put.status, 200, JSON.stringify(put.body));
    assert.deepEqual([put.body.contentType, put.body.width, put.body.height], ['image/jpeg', 1200, 900]);
    const added = (await photoFiles(dataDir)).filter((f) => !before.includes(f));
    assert.equal(added.length, 1);
    assert.match(added[0]!, /^[0-9a-f]{32}\.jpg$/, 'a random name, nothing of the upload');
    const served = Buffer.from(await (await fetch(t.url + (await publicAction(id)).body.photoUrl)).arrayBuffer());
    const metadata = await sharp(served).metadata();
    assert.equal(metadata.format, 'jpeg');
    assert.equal(metadata.exif, undefined);
    assert.ok(!served.includes(Buffer.from('Spiekoog')));
    // Replacing it removes the old file.
    assert.equal((await putPhoto(t.url, token05, id, await cameraPhoto(640, 480))).status, 200);
    assert.equal((await photoFiles(dataDir)).filter((f) => !before.includes(f)).length, 1);
  });

  test('bad photos from the meldkamer are refused in Dutch and nothing is stored', async () => {
    const id = await startAction(centralist05, { type: 'diefstal', message: 'Fiets gestolen.', area: VONDELPARK_AREA });
    for (const bad of await badUploads()) {
      const [files, rows] = [await photoFiles(dataDir), await mediaRows(t.system.database)];
      const response = await putPhoto(t.url, token05, id, bad.file);
      assert.equal(response.status, bad.status, bad.label);
      assert.equal(response.body.code, bad.code, bad.label);
      assert.equal(response.body.title, nl.problems[bad.code]);
      assert.match(response.body.detail, /niet bewaard/);
      assert.deepEqual(await photoFiles(dataDir), files, `${bad.label}: no file left`);
      assert.deepEqual(await mediaRows(t.system.database), rows, `${bad.label}: no row`);
    }
  });

  test('an app user sends a tip with a photo and a number; the centralist gets it live, the number only with a purpose (audited)', async () => {
    const id = await startAction(centralist05, {
      type: 'vermissing',
      message: 'Vermist: Daan (79), blauwe pet.',
      area: VONDELPARK_AREA,
    });
    const stream = await fetch(`${t.url}/api/v1/actions/${id}/tips/stream`, {
      headers: { authorization: `Bearer ${token05}` },
    });
    assert.equal(stream.status, 200);
    const reader = stream.body!.getReader();
    let received = '';
    const nextEvents = async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        received += new TextDecoder().decode(value);
        if (received.includes('event: tip')) return received;
      }
    };
    const posted = await postTip(
      t.url,
      id,
      { text: 'Ik zie hem nu bij het station, bij de fietsenstalling.', phone: '06 12345678' },
      await cameraPhoto(),
    );
    assert.equal(posted.status, 201, JSON.stringify(posted.body));
    assert.equal(JSON.stringify(posted.body).includes('612345678'), false, 'the number is not echoed');

    const events = await nextEvents();
    const data = JSON.parse(/event: tip\nid: \d+\ndata: (.*)\n/.exec(events)![1]!);
    assert.equal(data.text, 'Ik zie hem nu bij het station, bij de fietsenstalling.');
    assert.equal(data.callbackRequested, true);
    assert.equal(JSON.stringify(data).includes('612345678'), false, 'the stream never carries the number');
    await reader.cancel();

    const plain = await centralist05.get(`/api/v1/actions/${id}/tips`);
    assert.equal(plain.body.items[0].callbackRequested, true);
    assert.equal(JSON.stringify(plain.body).includes('612345678'), false, 'nor does the list');
    const withNumber = await centralist05.post(`/api/v1/actions/${id}/tips/${posted.body.id}/callback-number`, {
      purpose: 'callback',
      note: PURPOSE,
    });
    assert.equal(withNumber.body.phone, '+31612345678');
    const audit = await t.system.database.query<{ event: string; details: Record<string, string> }>(
      `select event, details from audit_log where subject_id = $1 and event = 'tip.callback-number-revealed'`,
      [id],
    );
    assert.deepEqual(
      audit.map((a) => [a.details.purpose, a.details.note, a.details.tipId]),
      [['callback', PURPOSE, posted.body.id]],
    );
    assert.equal((await centralist03.get(`/api/v1/actions/${id}/tips`)).status, 403);
    assert.equal((await gemeente.get(`/api/v1/actions/${id}/tips`)).status, 403);

    const photo = await fetch(`${t.url}${plain.body.items[0].photo.url}`, {
      headers: { authorization: `Bearer ${token05}` },
    });
    assert.equal(photo.status, 200);
    const metadata = await sharp(Buffer.from(await photo.arrayBuffer())).metadata();
    assert.equal(metadata.exif, undefined, 'no EXIF, so no GPS position of the sender');
  });

  test('bad tips are refused in Dutch and nothing is stored: bad photos, a bad number, no text, JSON, an ended action', async () => {
    const id = await startAction(centralist05, { type: 'diefstal', message: 'Tas gestolen.', area: VONDELPARK_AREA });
    const cases: { label: string; send: () => Promise<{ status: number; body: any }>; status: number; code: string }[] =
      [
        ...(await badUploads()).map((bad) => ({
          label: bad.label,
          send: () => postTip(t.url, id, { text: 'Zie foto.' }, bad.file),
          status: bad.status,
          code: bad.code,
        })),
        {
          label: 'a bad number',
          send: () => postTip(t.url, id, { text: 'Gezien.', phone: '12' }),
          status: 422,
          code: 'tip.invalid-phone-number',
        },
        { label: 'no text', send: () => postTip(t.url, id, { text: '   ' }), status: 400, code: 'request.invalid' },
        {
          label: 'a text of 501 characters',
          send: () => postTip(t.url, id, { text: 'x'.repeat(501) }),
          status: 400,
          code: 'request.invalid',
        },
        {
          label: 'an unknown field',
          send: () => postTip(t.url, id, { text: 'Gezien.', lat: '52.358' }),
          status: 400,
          code: 'request.invalid',
        },
        {
          label: 'JSON instead of a form',
          send: async () => {
            const r = await fetch(`${t.url}/app/v1/actions/${id}/tips`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ text: 'Gezien.' }),
            });
            return { status: r.status, body: await r.json() };
          },
          status: 415,
          code: 'upload.not-multipart',
        },
      ];
    for (const c of cases) {
      const [files, rows] = [await photoFiles(dataDir), await mediaRows(t.system.database)];
      const response = await c.send();
      assert.equal(response.status, c.status, `${c.label}: ${JSON.stringify(response.body)}`);
      assert.equal(response.body.code, c.code, c.label);
      assert.equal(response.body.title, nl.problems[c.code], c.label);
      assert.deepEqual(await photoFiles(dataDir), files, `${c.label}: no file`);
      assert.deepEqual(await mediaRows(t.system.database), rows, `${c.label}: no row`);
    }
    await centralist05.post(`/api/v1/actions/${id}/close`, { result: 'opgelost' });
    const [files, rows] = [await photoFiles(dataDir), await mediaRows(t.system.database)];
    const late = await postTip(t.url, id, { text: 'Te laat.' }, await cameraPhoto());
    assert.equal(late.status, 409);
    assert.equal(late.body.code, 'tip.action-not-active');
    assert.deepEqual([await photoFiles(dataDir), await mediaRows(t.system.database)], [files, rows]);
  });

  test('a tip whose action ends while its photo is being cleaned is refused, and its file is removed again', async () => {
    const id = await startAction(centralist05, {
      type: 'diefstal',
      message: 'Brommer gestolen.',
      area: VONDELPARK_AREA,
    });
    const real = createSharpImageSanitizer({ maxPixels: 64_000_000, maxSide: 2048 });
    // The real sanitizer, with the meldkamer closing the action while it works: the race the use case must survive.
    const closingMeanwhile: ImageSanitizer = {
      maxPixels: real.maxPixels,
      async sanitize(bytes) {
        assert.equal((await centralist05.post(`/api/v1/actions/${id}/close`, { result: 'opgelost' })).status, 200);
        return real.sanitize(bytes);
      },
    };
    const [files, rows] = [await photoFiles(dataDir), await mediaRows(t.system.database)];
    const photos = createLocalPhotoStorage(join(dataDir, 'photos'));
    const outcome = await sendTip(
      { store: t.system.store, clock: t.clock, ids: { newId: randomUUID }, photos, images: closingMeanwhile },
      id,
      { text: 'Net gezien.', callbackMsisdn: null, photo: (await cameraPhoto()).bytes },
    );
    assert.deepEqual(outcome, { ok: false, error: { code: 'tip.action-not-active' } });
    assert.deepEqual(await photoFiles(dataDir), files, 'the cleaned photo was written, then removed');
    assert.deepEqual(await mediaRows(t.system.database), rows);
  });

  test('beheer sets the number "Bel politie" dials; a meldkamer without one falls back to the national number', async () => {
    const id = await startAction(centralist05, {
      type: 'inbraak',
      message: 'Inbreker gevlucht.',
      area: VONDELPARK_AREA,
    });
    const landelijk = t.api(await t.staffToken('landelijk-beheer'));
    const beheer05 = t.api(await t.staffToken('meldkamer-beheer', 'RE05'));
    const set = await beheer05.put('/api/v1/meldkamers/RE05/public-phone', { phone: '088 662 0505' });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    assert.deepEqual(set.body, {
      code: 'RE05',
      name: 'Amsterdam',
      publicPhone: '+31886620505',
      display: '088 662 0505',
    });
    assert.deepEqual((await publicAction(id)).body.call, {
      kind: 'meldkamer',
      number: '+31886620505',
      display: '088 662 0505',
      href: 'tel:+31886620505',
    });
    assert.equal((await beheer05.put('/api/v1/meldkamers/RE03/public-phone', { phone: '088 662 0303' })).status, 403);
    assert.equal(
      (await centralist05.put('/api/v1/meldkamers/RE05/public-phone', { phone: '088 662 0505' })).status,
      403,
    );
    const invalid = await landelijk.put('/api/v1/meldkamers/RE03/public-phone', { phone: '12345' });
    assert.deepEqual([invalid.status, invalid.body.code], [422, 'meldkamer.invalid-phone-number']);
    assert.equal((await landelijk.put('/api/v1/meldkamers/RE99/public-phone', { phone: '088 662 0303' })).status, 404);
    assert.equal((await landelijk.put('/api/v1/meldkamers/RE05/public-phone', { phone: null })).status, 200);
    assert.equal((await publicAction(id)).body.call.number, '+319008844');
    const audit = await t.system.database.query<{ n: number }>(
      `select count(*)::int as n from audit_log where event = 'meldkamer.public-phone-changed' and subject_id = 'RE05'`,
    );
    assert.equal(audit[0]!.n, 2);
  });

  test('photos and tips are deleted with their files once the action is past its retention', async () => {
    const id = await startAction(centralist05, {
      type: 'diefstal',
      message: 'Laptop gestolen.',
      area: VONDELPARK_AREA,
      publication: { public: true, mediaRetentionDays: 1 },
    });
    const other = await startAction(centralist05, { type: 'diefstal', message: 'Nog actief.', area: VONDELPARK_AREA });
    assert.equal((await putPhoto(t.url, token05, id, await cameraPhoto())).status, 200);
    assert.equal((await postTip(t.url, id, { text: 'Gezien bij de tram.' }, await cameraPhoto())).status, 201);
    assert.equal((await postTip(t.url, other, { text: 'Ook iets gezien.' }, await cameraPhoto())).status, 201);
    const keysOf = async (actionId: string) =>
      (
        await t.system.database.query<{ key: string }>(
          `select storage_key as key from action_photos where action_id = $1 union all select photo_key from action_tips where action_id = $1 and photo_key is not null`,
          [actionId],
        )
      ).map((r) => r.key);
    const doomed = await keysOf(id);
    const kept = await keysOf(other);
    assert.equal(doomed.length, 2);
    await centralist05.post(`/api/v1/actions/${id}/close`, { result: 'opgelost' });
    const photos = createLocalPhotoStorage(join(dataDir, 'photos'));
    assert.equal(
      await expireMedia({ store: t.system.store, clock: t.clock, photos }, 30),
      0,
      'not yet: within its retention',
    );
    t.clock.set(new Date(t.clock.now().getTime() + 2 * 86_400_000));
    assert.ok((await expireMedia({ store: t.system.store, clock: t.clock, photos }, 30)) >= 1);
    const files = await photoFiles(dataDir);
    assert.ok(
      doomed.every((key) => !files.includes(key)),
      'its files are gone',
    );
    assert.ok(
      kept.every((key) => files.includes(key)),
      'an active action keeps its files',
    );
    assert.deepEqual(await keysOf(id), []);
    assert.equal((await centralist05.get(`/api/v1/actions/${id}/tips`)).body.items.length, 0);
    t.clock.set(new Date());
  });
});

describe('the app API protects itself', () => {
  let t: TestSystem;
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'burgernet-app-limits-'));
    t = await startTestSystem({
      DATA_DIR: dataDir,
      APP_TIPS_PER_HOUR: '2',
      APP_REQUESTS_PER_MINUTE: '30',
      APP_MAP_TILE_URL: 'https://tegels.example.nl/{z}/{x}/{y}.png',
    });
  });
  after(async () => {
    await t?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('with map tiles configured, the app pages may load images from the tile server and nowhere else', async () => {
    for (const path of ['/app/']) {
      const policy = (await fetch(t.url + path)).headers.get('content-security-policy') ?? '';
      assert.match(policy, /img-src 'self' https:\/\/tegels\.example\.nl data: blob:/);
      assert.match(policy, /script-src 'self';/);
    }
  });

  test('tips per device and per address, and requests per address, are limited', async () => {
    const id = await startAction(t.api(await t.staffToken('centralist', 'RE05')), {
      type: 'diefstal',
      message: 'Fiets gestolen.',
      area: VONDELPARK_AREA,
    });
    const device = { 'x-burgernet-device': '1b4e28ba-2d11-4b2e-9f5a-0c6b5f3e2a11' };
    assert.equal((await postTip(t.url, id, { text: 'Een.' }, undefined, device)).status, 201);
    assert.equal((await postTip(t.url, id, { text: 'Twee.' }, undefined, device)).status, 201);
    const refused = await postTip(t.url, id, { text: 'Drie.' }, undefined, device);
    assert.equal(refused.status, 429);
    assert.equal(refused.body.code, 'request.rate-limited');
    assert.ok(Number(refused.headers.get('retry-after')) > 0);
    assert.equal((await mediaRows(t.system.database)).tips, 2);
    let status = 200;
    for (let i = 0; i < 40 && status !== 429; i++) status = (await fetch(`${t.url}/app/v1/actions`)).status;
    assert.equal(status, 429, 'the feed is limited per address too');
  });
});
