import { createHash, randomBytes } from 'node:crypto';
import type { SecretTokens } from '../../app/ports/staff-credentials.js';

/** 256-bit random tokens (base64url); stored as SHA-256, which suffices for values this random. */
export function createSecretTokens(): SecretTokens {
  return {
    newToken: () => randomBytes(32).toString('base64url'),
    hash: (token) => createHash('sha256').update(token, 'utf8').digest('base64url'),
  };
}
