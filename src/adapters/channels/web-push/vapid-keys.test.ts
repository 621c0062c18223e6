import assert from 'node:assert/strict';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import webpush from 'web-push';
import { loadVapidKeys } from './vapid-keys.js';

test("VAPID keys made for the demo are kept, so that phones' subscriptions survive a restart", async () => {
  const dir = await mkdtemp(join(tmpdir(), 'burgernet-vapid-'));
  try {
    const first = await loadVapidKeys({ publicKey: undefined, privateKey: undefined, keepIn: dir });
    const again = await loadVapidKeys({ publicKey: undefined, privateKey: undefined, keepIn: dir });
    assert.equal(first.source, 'data-dir');
    assert.deepEqual(again.keys, first.keys);
    assert.equal((await stat(join(dir, 'vapid-keys.json'))).mode & 0o777, 0o600);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('configured VAPID keys are used as they are, and must be a matching pair', async () => {
  const keys = webpush.generateVAPIDKeys();
  const loaded = await loadVapidKeys({ ...keys, keepIn: null });
  assert.deepEqual(loaded, { keys, source: 'config' });
  await assert.rejects(loadVapidKeys({ publicKey: keys.publicKey, privateKey: undefined, keepIn: null }), /together/);
  await assert.rejects(
    loadVapidKeys({ publicKey: webpush.generateVAPIDKeys().publicKey, privateKey: keys.privateKey, keepIn: null }),
    /not the public key/,
  );
  assert.equal(
    (await loadVapidKeys({ publicKey: undefined, privateKey: undefined, keepIn: null })).source,
    'this-process',
  );
});
