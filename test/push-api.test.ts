import assert from 'node:assert/strict';
import { createECDH, randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { latLngToCell } from 'h3-js';
import { subscribePhone } from './support/phones.js';
import { startTestSystem, type ApiClient, type TestSystem } from './support/test-system.js';

const validKeys = () => {
  const ecdh = createECDH('prime256v1');
  return { p256dh: ecdh.generateKeys().toString('base64url'), auth: randomBytes(16).toString('base64url') };
};
const DAM_CELL = latLngToCell(52.3731, 4.8926, 7);

describe('the push endpoints refuse what a phone would not send', () => {
  let t: TestSystem;
  let app: ApiClient;
  const logLines: string[] = [];

  before(async () => {
    t = await startTestSystem(
      { LOG_LEVEL: 'info', APP_REQUESTS_PER_MINUTE: '100000', PUSH_REQUESTS_PER_MINUTE: '100000' },
      { logDestination: { write: (line: string) => void logLines.push(line) } },
    );
    app = t.api(null);
  });
  after(() => t.stop());

  const subscribe = (subscription: unknown) => app.post('/app/v1/push/subscriptions', { subscription });

  test('the VAPID public key is a P-256 point, base64url', async () => {
    const response = await app.get('/app/v1/push/vapid-public-key');
    assert.equal(response.status, 200);
    assert.equal(Buffer.from(response.body.publicKey, 'base64url').length, 65);
  });

  test('a subscription with a known push service and good keys is taken; its token is only shown once and only hashed in the store', async () => {
    const response = await subscribe({
      endpoint: 'https://fcm.googleapis.com/fcm/send/abc:123',
      expirationTime: null,
      keys: validKeys(),
    });
    assert.equal(response.status, 201, JSON.stringify(response.body));
    assert.match(response.body.deviceToken, /^bnd_[A-Za-z0-9_-]{43}$/);
    const [row] = await t.system.database.query<{ token_hash: string }>(
      'select token_hash from push_subscriptions where id = $1',
      [response.body.id],
    );
    assert.ok(
      row !== undefined &&
        row.token_hash !== response.body.deviceToken &&
        !row.token_hash.includes(response.body.deviceToken),
    );
  });

  for (const { name, subscription, status, code } of [
    {
      name: 'an endpoint that is not a URL',
      subscription: { endpoint: 'not a url at all', keys: validKeys() },
      status: 400,
      code: 'request.invalid',
    },
    {
      name: 'plain http to a push service',
      subscription: { endpoint: 'http://fcm.googleapis.com/fcm/send/abc', keys: validKeys() },
      status: 422,
      code: 'push.endpoint-not-allowed',
    },
    {
      name: 'an unknown host',
      subscription: { endpoint: 'https://push.attacker.example/x', keys: validKeys() },
      status: 422,
      code: 'push.endpoint-not-allowed',
    },
    {
      name: 'an address inside the network',
      subscription: { endpoint: 'https://10.1.2.3/admin', keys: validKeys() },
      status: 422,
      code: 'push.endpoint-not-allowed',
    },
    {
      name: 'a p256dh of the wrong length',
      subscription: {
        endpoint: 'https://fcm.googleapis.com/fcm/send/a',
        keys: { ...validKeys(), p256dh: randomBytes(64).toString('base64url') },
      },
      status: 400,
      code: 'request.invalid',
    },
    {
      name: 'a p256dh that is not on the curve',
      subscription: {
        endpoint: 'https://fcm.googleapis.com/fcm/send/a',
        keys: { ...validKeys(), p256dh: Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 7)]).toString('base64url') },
      },
      status: 400,
      code: 'request.invalid',
    },
    {
      name: 'an auth secret of 15 bytes',
      subscription: {
        endpoint: 'https://fcm.googleapis.com/fcm/send/a',
        keys: { ...validKeys(), auth: randomBytes(15).toString('base64url') },
      },
      status: 400,
      code: 'request.invalid',
    },
    {
      name: 'no keys',
      subscription: { endpoint: 'https://fcm.googleapis.com/fcm/send/a' },
      status: 400,
      code: 'request.invalid',
    },
    {
      name: 'an endpoint holding a lone surrogate',
      subscription: { endpoint: 'https://fcm.googleapis.com/fcm/send/a\ud800b', keys: validKeys() },
      status: 400,
      code: 'request.invalid',
    },
    {
      name: 'an endpoint holding a NUL character',
      subscription: { endpoint: 'https://fcm.googleapis.com/fcm/send/a\u0000b', keys: validKeys() },
      status: 400,
      code: 'request.invalid',
    },
  ]) {
    test(`refuses ${name}`, async () => {
      const response = await subscribe(subscription);
      assert.equal(response.status, status, JSON.stringify(response.body));
      assert.equal(response.body.code, code);
    });
  }

  test('refuses a body larger than 4 kB', async () => {
    const response = await subscribe({
      endpoint: `https://fcm.googleapis.com/fcm/send/${'a'.repeat(5_000)}`,
      keys: validKeys(),
    });
    assert.equal(response.status, 413);
  });

  test('presence and unsubscribing need the device token of that subscription', async () => {
    const phone = await subscribePhone(app, t.system.push.localPushService!);
    const other = await subscribePhone(app, t.system.push.localPushService!);
    const presence = (id: string, authorization: string | null, body: unknown) =>
      app.raw(`/app/v1/push/subscriptions/${id}/presence`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', ...(authorization === null ? {} : { authorization }) },
        body: JSON.stringify(body),
      });
    assert.equal((await presence(phone.id, `Device ${phone.deviceToken}`, { cell: DAM_CELL })).status, 204);
    assert.equal((await presence(phone.id, null, { cell: DAM_CELL })).status, 401);
    const wrong = await presence(phone.id, `Device ${other.deviceToken}`, { cell: DAM_CELL });
    assert.equal(wrong.status, 401);
    assert.equal(wrong.headers.get('www-authenticate'), 'Device');
    assert.equal(((await wrong.json()) as { code: string }).code, 'push.unknown-device');
    assert.equal((await presence(crypto.randomUUID(), `Device ${phone.deviceToken}`, { cell: DAM_CELL })).status, 401);
    // Not a cell, another resolution, a point instead of a cell.
    for (const body of [
      { cell: 'zzzzzzzzzzzzzzz' },
      { cell: latLngToCell(52.3731, 4.8926, 8) },
      { lat: 52.37, lon: 4.89 },
      { cell: DAM_CELL.slice(0, 14) },
    ]) {
      assert.equal((await presence(phone.id, `Device ${phone.deviceToken}`, body)).status, 400, JSON.stringify(body));
    }
    const unsubscribe = (authorization: string) =>
      app.raw(`/app/v1/push/subscriptions/${phone.id}`, { method: 'DELETE', headers: { authorization } });
    assert.equal((await unsubscribe(`Device ${other.deviceToken}`)).status, 401);
    assert.equal((await unsubscribe(`Device ${phone.deviceToken}`)).status, 204);
    assert.equal((await presence(phone.id, `Device ${phone.deviceToken}`, { cell: DAM_CELL })).status, 401);
    const [row] = await t.system.database.query<{ n: number }>(
      'select count(*)::int as n from push_subscriptions where id = $1',
      [phone.id],
    );
    assert.equal(row?.n, 0);
  });

  test('subscribing again with the same endpoint replaces the subscription and its token', async () => {
    const subscription = { endpoint: 'https://updates.push.services.mozilla.com/wpush/v2/again', keys: validKeys() };
    const first = await subscribe(subscription);
    const second = await subscribe(subscription);
    assert.equal(second.status, 201);
    assert.notEqual(second.body.id, first.body.id);
    const rows = await t.system.database.query<{ id: string }>(
      'select id from push_subscriptions where endpoint = $1',
      [subscription.endpoint],
    );
    assert.deepEqual(
      rows.map((r) => r.id),
      [second.body.id],
    );
  });

  test('no request line of the push endpoints is logged', async () => {
    assert.equal((await app.get('/health')).status, 200);
    const log = logLines.join('');
    assert.match(log, /incoming request/, 'other requests are logged, so the log was captured');
    assert.doesNotMatch(log, /\/app\/v1\/push/);
  });
});

describe('the push endpoints limit requests per address', () => {
  let t: TestSystem;
  before(async () => {
    t = await startTestSystem({ APP_REQUESTS_PER_MINUTE: '100000', PUSH_REQUESTS_PER_MINUTE: '3' });
  });
  after(() => t.stop());

  test('the request after the limit is refused with Retry-After', async () => {
    const app = t.api(null);
    for (let i = 0; i < 3; i++) assert.equal((await app.get('/app/v1/push/vapid-public-key')).status, 200);
    const refused = await app.get('/app/v1/push/vapid-public-key');
    assert.equal(refused.status, 429);
    assert.equal(refused.body.code, 'request.rate-limited');
    assert.ok(Number(refused.headers.get('retry-after')) >= 1);
  });
});
