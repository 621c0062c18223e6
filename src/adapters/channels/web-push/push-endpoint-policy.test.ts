import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createPushEndpointPolicy } from './push-endpoint-policy.js';

const allowed = createPushEndpointPolicy({
  hosts: ['fcm.googleapis.com', 'notify.windows.com'],
  extraOrigins: ['http://127.0.0.1:41234'],
});
const ok = (url: string) => allowed(new URL(url));

test('phones may subscribe with https endpoints of the known push services and configured origins only', () => {
  assert.ok(ok('https://fcm.googleapis.com/fcm/send/abc:def'));
  assert.ok(ok('https://wns2-am3p.notify.windows.com/w/?token=abc'));
  assert.ok(ok('http://127.0.0.1:41234/push/1'));
  for (const bad of [
    'http://fcm.googleapis.com/fcm/send/abc',
    'https://fcm.googleapis.com:8443/fcm/send/abc',
    'https://evilfcm.googleapis.com.attacker.net/x',
    'https://attacker.net/fcm.googleapis.com',
    'https://user:pw@fcm.googleapis.com/x',
    'https://10.0.0.5/admin',
    'http://127.0.0.1:41235/push/1',
    'http://localhost:41234/push/1',
  ]) {
    assert.equal(ok(bad), false, bad);
  }
});
