import assert from 'node:assert/strict';
import { test } from 'node:test';
import webpush from 'web-push';
import { checkVapidAuthorization } from './vapid-token-check.js';

const keys = webpush.generateVAPIDKeys();
const audience = 'https://push.example.net';
const inSeconds = (s: number) => Math.floor(Date.now() / 1000) + s;
const header = (aud = audience, exp = inSeconds(3_600), subject = 'mailto:beheer@burgernet.nl') =>
  String(webpush.getVapidHeaders(aud, subject, keys.publicKey, keys.privateKey, 'aes128gcm', exp).Authorization);

test('a push service takes a token signed by k, for itself, valid for at most a day', () => {
  const ok = checkVapidAuthorization(header(), audience, Date.now());
  assert.equal(ok.ok, true);
  assert.equal(ok.ok && ok.publicKey, keys.publicKey);
});

test('a push service refuses tokens that are not for it, expired, signed by another key or tampered with', () => {
  const refused = (h: string | undefined, now = Date.now()) => {
    const check = checkVapidAuthorization(h, audience, now);
    assert.equal(check.ok, false, h);
    return check.ok ? '' : check.reason;
  };
  assert.match(refused(undefined), /no Authorization/);
  assert.match(refused(header('https://other.example.net')), /aud/);
  assert.match(refused(header(), Date.now() + 2 * 3_600_000), /expired/);
  assert.match(refused(header(audience, inSeconds(3_600)), Date.now() - 24 * 3_600_000), /24 hours/);
  const otherKey = webpush.generateVAPIDKeys().publicKey;
  assert.match(refused(header().replace(/k=.*$/, `k=${otherKey}`)), /signature/);
  const [t, rest] = header().split(', k=') as [string, string];
  const [h, claims, sig] = t.replace('vapid t=', '').split('.') as [string, string, string];
  const forged = Buffer.from(
    JSON.stringify({ aud: audience, exp: inSeconds(60), sub: 'mailto:x@y.nl', extra: 1 }),
  ).toString('base64url');
  assert.notEqual(forged, claims);
  assert.match(refused(`vapid t=${h}.${forged}.${sig}, k=${rest}`), /signature/);
  assert.match(refused(`WebPush ${t}`), /scheme/);
});
