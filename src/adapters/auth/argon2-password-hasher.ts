import { hash, verify } from '@node-rs/argon2';
import type { PasswordHasher } from '../../app/ports/staff-credentials.js';

/** argon2id (`Algorithm.Argon2id`; a const enum, so its value is written out under verbatimModuleSyntax). */
const ARGON2ID = 2;

/** OWASP's argon2id baseline: 19 MiB, two passes, one lane (about 20–40 ms per hash on a server core). */
export const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function createArgon2PasswordHasher(): PasswordHasher {
  let dummy: Promise<string> | null = null;
  return {
    hash: (password) => hash(password, ARGON2_OPTIONS),
    async verify(passwordHash, password) {
      // A malformed stored hash is a bug in the data, not a wrong password: let it fail loudly.
      return verify(passwordHash, password);
    },
    async verifyNothing(password) {
      dummy ??= hash('burgernet-dummy-password', ARGON2_OPTIONS);
      await verify(await dummy, password);
    },
  };
}
