import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createHmacSelfServiceCrypto } from './hmac-self-service-crypto.js';

const crypto = createHmacSelfServiceCrypto('k'.repeat(40));
const now = new Date('2026-11-23T10:00:00Z');

test('codes are the asked number of digits and hashes depend on the purpose and the secret', () => {
  assert.match(crypto.newCode(6), /^\d{6}$/);
  const hash = crypto.digest('code:1', '123456');
  assert.ok(crypto.matches('code:1', '123456', hash));
  assert.ok(!crypto.matches('code:2', '123456', hash));
  assert.ok(!crypto.matches('code:1', '123457', hash));
  assert.ok(!createHmacSelfServiceCrypto('x'.repeat(40)).matches('code:1', '123456', hash));
  assert.ok(!crypto.matches('code:1', '123456', 'not-hex'));
});

test('a signed link opens only for its purpose, unchanged and before it expires', () => {
  const token = crypto.sign('email-confirm', 'abc.def', new Date(now.getTime() + 60_000));
  assert.equal(crypto.open('email-confirm', token, now), 'abc.def');
  assert.equal(crypto.open('email-unsubscribe', token, now), null);
  assert.equal(crypto.open('email-confirm', token, new Date(now.getTime() + 61_000)), null);
  const [payload, expiry, mac] = token.split('.');
  const forged = `${Buffer.from('other.def').toString('base64url')}.${expiry}.${mac}`;
  assert.equal(crypto.open('email-confirm', forged, now), null);
  assert.equal(
    crypto.open('email-confirm', `${payload}.${(parseInt(expiry!, 36) + 1000).toString(36)}.${mac}`, now),
    null,
  );
});
