import { createHash, randomBytes } from 'node:crypto';
import type { SecretTokens } from '../../app/ports/staff-credentials.js';

const PREFIX = 'bn_';

/** A new API token: shown once to its owner; only its hash is stored. */
export function newApiToken(): string {
  return PREFIX + randomBytes(32).toString('base64url');
}

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Cheap shape check before touching the database. */
export function looksLikeApiToken(token: string): boolean {
  return token.startsWith(PREFIX) && token.length >= 20 && token.length <= 100;
}

/** API tokens as the use cases see them: a new one, and the hash that is stored instead of it. */
export function createApiTokens(): SecretTokens {
  return { newToken: newApiToken, hash: hashApiToken };
}
