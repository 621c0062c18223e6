import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { SelfServiceCrypto } from '../../app/ports/self-service-crypto.js';

/**
 * HMAC-SHA-256 under one secret: a six-digit code has only a million values, so a plain hash of it would be
 * reversed in a second; keyed, a stolen table reveals nothing without the secret. Signed tokens are
 * `<payload>.<expiry>.<mac>` in base64url.
 */
export function createHmacSelfServiceCrypto(secret: string, codes?: (digits: number) => string): SelfServiceCrypto {
  if (secret.length < 32) throw new Error('the self-service secret needs at least 32 characters');
  const mac = (purpose: string, value: string): Buffer =>
    createHmac('sha256', secret).update(purpose).update('\u0000').update(value).digest();

  return {
    newCode(digits) {
      if (codes !== undefined) return codes(digits);
      let code = '';
      for (let i = 0; i < digits; i++) code += String(randomInt(10));
      return code;
    },
    newToken: () => randomBytes(32).toString('base64url'),
    digest: (purpose, value) => mac(purpose, value).toString('hex'),
    matches(purpose, value, expected) {
      const actual = mac(purpose, value);
      const wanted = Buffer.from(expected, 'hex');
      return wanted.length === actual.length && timingSafeEqual(actual, wanted);
    },
    sign(purpose, payload, expiresAt) {
      const body = `${Buffer.from(payload, 'utf8').toString('base64url')}.${Math.floor(expiresAt.getTime() / 1000).toString(36)}`;
      return `${body}.${mac(`link:${purpose}`, body).subarray(0, 20).toString('base64url')}`;
    },
    open(purpose, token, now) {
      if (token.length > 500) return null;
      const parts = token.split('.');
      if (parts.length !== 3) return null;
      const [payload = '', expiry = '', signature = ''] = parts;
      const body = `${payload}.${expiry}`;
      const wanted = mac(`link:${purpose}`, body).subarray(0, 20);
      const given = Buffer.from(signature, 'base64url');
      if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return null;
      if (parseInt(expiry, 36) * 1000 <= now.getTime()) return null;
      return Buffer.from(payload, 'base64url').toString('utf8');
    },
  };
}
