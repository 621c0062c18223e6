import { createHash, randomBytes } from 'node:crypto';
import type { DeviceTokens } from '../../app/ports/device-tokens.js';

const PREFIX = 'bnd_';
const FORMAT = /^bnd_[A-Za-z0-9_-]{43}$/;

const sha256 = (token: string): string => createHash('sha256').update(token).digest('hex');

/** 256 random bits; the store keeps the SHA-256 (a slow hash adds nothing to a secret this long). */
export function createDeviceTokens(): DeviceTokens {
  return {
    issue() {
      const token = `${PREFIX}${randomBytes(32).toString('base64url')}`;
      return { token, hash: sha256(token) };
    },
    hashOf(token) {
      return FORMAT.test(token) ? sha256(token) : null;
    },
  };
}
