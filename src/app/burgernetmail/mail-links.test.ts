import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createHmacSelfServiceCrypto } from '../../adapters/crypto/hmac-self-service-crypto.js';
import { answerUrl, emailHashOf, recipientOfLink, recipientOfVerp, unsubscribeUrl, verpAddress } from './mail-links.js';

const crypto = createHmacSelfServiceCrypto('s'.repeat(40));
const settings = {
  publicBaseUrl: 'https://www.burgernet.nl',
  bounceDomain: 'bounce.burgernet.nl',
  answerDays: 14,
  answersPerLink: 5,
  notifyOnSuccess: true,
};
const now = new Date('2026-11-23T10:00:00Z');

test('a VERP address names its recipient and cannot be made up', () => {
  const address = verpAddress(crypto, settings, 123_456);
  assert.match(address, /^bounce\+123456-[0-9a-f]{12}@bounce\.burgernet\.nl$/);
  assert.equal(recipientOfVerp(crypto, settings, address), 123_456);
  assert.equal(recipientOfVerp(crypto, settings, address.toUpperCase()), 123_456, 'mail systems may change the case');
  assert.equal(recipientOfVerp(crypto, settings, address.replace('123456', '123457')), null);
  assert.equal(recipientOfVerp(crypto, settings, address.replace('bounce.burgernet.nl', 'elders.nl')), null);
  assert.equal(recipientOfVerp(createHmacSelfServiceCrypto('t'.repeat(40)), settings, address), null);
  assert.equal(recipientOfVerp(crypto, settings, 'postmaster@bounce.burgernet.nl'), null);
});

test('answer and unsubscribe links are for their own purpose, and the answer link expires', () => {
  const answer = new URL(answerUrl(crypto, settings, 42, now, 14)).searchParams.get('t')!;
  const unsubscribe = new URL(unsubscribeUrl(crypto, settings, 42, now)).searchParams.get('t')!;
  assert.equal(recipientOfLink(crypto, 'mail-answer', answer, now), 42);
  assert.equal(recipientOfLink(crypto, 'mail-unsubscribe', answer, now), null);
  assert.equal(
    recipientOfLink(crypto, 'mail-unsubscribe', unsubscribe, new Date(now.getTime() + 365 * 86_400_000)),
    42,
  );
  assert.equal(recipientOfLink(crypto, 'mail-answer', answer, new Date(now.getTime() + 14 * 86_400_000 + 1_000)), null);
  assert.equal(emailHashOf(crypto, ' Jan@Voorbeeld.NL '), emailHashOf(crypto, 'jan@voorbeeld.nl'));
});
