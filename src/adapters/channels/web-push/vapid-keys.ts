import { createECDH } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import webpush from 'web-push';

/** RFC 8292 application server keys: P-256, base64url (public: 65-byte uncompressed point; private: 32 bytes). */
export interface VapidKeys {
  readonly publicKey: string;
  readonly privateKey: string;
}

export type VapidKeySource = 'config' | 'data-dir' | 'this-process';

const FILE_NAME = 'vapid-keys.json';

/**
 * The configured keys; otherwise keys generated once and kept in `keepIn` (demo and development: phones'
 * subscriptions are bound to the public key, so it must survive a restart); otherwise keys for this process
 * only. Throws when only one of the pair is configured or they do not belong together.
 */
export async function loadVapidKeys(options: {
  readonly publicKey: string | undefined;
  readonly privateKey: string | undefined;
  readonly keepIn: string | null;
}): Promise<{ readonly keys: VapidKeys; readonly source: VapidKeySource }> {
  if (options.publicKey !== undefined || options.privateKey !== undefined) {
    if (options.publicKey === undefined || options.privateKey === undefined) {
      throw new Error('VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are set together or not at all');
    }
    const keys = { publicKey: options.publicKey, privateKey: options.privateKey };
    assertPair(keys, 'VAPID_PUBLIC_KEY is not the public key of VAPID_PRIVATE_KEY');
    return { keys, source: 'config' };
  }
  if (options.keepIn === null) return { keys: webpush.generateVAPIDKeys(), source: 'this-process' };
  const file = join(options.keepIn, FILE_NAME);
  const kept = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (kept !== null) {
    const keys = JSON.parse(kept) as VapidKeys;
    assertPair(keys, `${file} does not hold a matching VAPID key pair`);
    return { keys, source: 'data-dir' };
  }
  const keys = webpush.generateVAPIDKeys();
  await mkdir(options.keepIn, { recursive: true });
  // 'wx': two processes starting at once must not both write; the loser reads the winner's keys.
  const written = await writeFile(file, `${JSON.stringify(keys)}\n`, { mode: 0o600, flag: 'wx' }).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'EEXIST') return false;
      throw error;
    },
  );
  return written ? { keys, source: 'data-dir' } : loadVapidKeys(options);
}

function assertPair(keys: VapidKeys, message: string): void {
  const ecdh = createECDH('prime256v1');
  try {
    ecdh.setPrivateKey(Buffer.from(keys.privateKey, 'base64url'));
  } catch (error) {
    throw new Error(message, { cause: error });
  }
  if (ecdh.getPublicKey('base64url') !== keys.publicKey) throw new Error(message);
}
