import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Keyring } from '../store/secrets/data-keys.js';

export type KeyringSource = 'configured' | 'demo-file';

/**
 * The key-encryption keys: SECRETS_KEY (and SECRETS_PREVIOUS_KEYS while rotating), else — in the demo only — a key
 * made once and kept in `demoFile` (mode 0600), so that the demo's secrets survive a restart. Null when neither
 * applies: outside the demo the key must come from the configuration.
 */
export async function loadKeyring(options: {
  readonly configured: string | undefined;
  readonly previous: readonly string[];
  readonly demoFile: string | null;
}): Promise<{ readonly keyring: Keyring; readonly source: KeyringSource } | null> {
  const previous = options.previous.map((k) => Buffer.from(k, 'base64'));
  if (options.configured !== undefined)
    return { keyring: { current: Buffer.from(options.configured, 'base64'), previous }, source: 'configured' };
  if (options.demoFile === null) return null;
  const kept = await readFile(options.demoFile, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (kept !== null) return { keyring: { current: Buffer.from(kept.trim(), 'base64'), previous }, source: 'demo-file' };
  await mkdir(dirname(options.demoFile), { recursive: true, mode: 0o700 });
  // 'wx': of two processes starting at once, one writes; the other reads what it wrote.
  await writeFile(options.demoFile, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    },
  );
  return loadKeyring(options);
}
