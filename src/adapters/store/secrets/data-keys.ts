import { randomBytes } from 'node:crypto';
import {
  dataKeyIdOf,
  keyIdOf,
  newDataKey,
  open,
  seal,
  unwrapDataKey,
  wrapDataKey,
} from '../../crypto/envelope-encryption.js';
import { SECRET_PURPOSES, type SecretBox, type SecretPurpose } from '../../crypto/secret-box.js';
import type { Queryable } from '../database/database.js';

/** The key-encryption keys from the configuration: SECRETS_KEY, and earlier ones while rotating. */
export interface Keyring {
  readonly current: Buffer;
  readonly previous: readonly Buffer[];
}

interface DataKeyRow {
  id: string;
  purpose: SecretPurpose;
  kek_id: string;
  wrapped_key: string;
}

export interface OpenedSecretBox {
  readonly box: SecretBox;
  /** Data keys that were wrapped under a previous key and are now wrapped under SECRETS_KEY. */
  readonly rewrapped: number;
  /** The id (fingerprint) of SECRETS_KEY, as data_keys.kek_id names it. */
  readonly keyId: string;
}

/**
 * The secret box of a database: each purpose's data key, made on first use, unwrapped with the configured keys.
 * A data key still wrapped under a previous key is wrapped anew under SECRETS_KEY (rotation). A data key wrapped
 * under a key that is not configured stops the start: the secrets it seals could not be read.
 */
export async function openSecretBox(db: Queryable, keyring: Keyring, now: Date): Promise<OpenedSecretBox> {
  const currentId = keyIdOf(keyring.current);
  const keks = new Map([...keyring.previous, keyring.current].map((k) => [keyIdOf(k), k]));
  for (const purpose of SECRET_PURPOSES) {
    const id = randomBytes(12).toString('base64url');
    // Two processes starting at once: the first one's key stays, the other's insert does nothing.
    await db.execute(
      `insert into data_keys (id, purpose, kek_id, wrapped_key, created_at, wrapped_at) values ($1, $2, $3, $4, $5, $5)
       on conflict (purpose) do nothing`,
      [id, purpose, currentId, wrapDataKey(keyring.current, newDataKey(), id, purpose), now],
    );
  }
  const rows = await db.query<DataKeyRow>('select id, purpose, kek_id, wrapped_key from data_keys');
  const keys = new Map<string, { readonly purpose: SecretPurpose; readonly key: Buffer }>();
  const current = new Map<SecretPurpose, { readonly id: string; readonly key: Buffer }>();
  let rewrapped = 0;
  for (const row of rows) {
    const kek = keks.get(row.kek_id);
    if (kek === undefined)
      throw new Error(
        `data key ${row.id} (${row.purpose}) is wrapped under key ${row.kek_id}, which is neither SECRETS_KEY (${currentId}) nor in SECRETS_PREVIOUS_KEYS`,
      );
    const key = unwrapDataKey(kek, row.wrapped_key, row.id, row.purpose);
    if (row.kek_id !== currentId) {
      rewrapped += await db.execute(
        'update data_keys set kek_id = $2, wrapped_key = $3, wrapped_at = $4 where id = $1 and kek_id = $5',
        [row.id, currentId, wrapDataKey(keyring.current, key, row.id, row.purpose), now, row.kek_id],
      );
    }
    keys.set(row.id, { purpose: row.purpose, key });
    current.set(row.purpose, { id: row.id, key });
  }
  const box: SecretBox = {
    seal(purpose, context, plaintext) {
      const dataKey = current.get(purpose);
      if (dataKey === undefined) throw new Error(`no data key for ${purpose}`);
      return seal(dataKey.key, dataKey.id, purpose, context, plaintext);
    },
    open(purpose, context, sealed) {
      const id = dataKeyIdOf(sealed);
      const dataKey = id === null ? undefined : keys.get(id);
      if (dataKey === undefined || dataKey.purpose !== purpose)
        throw new Error(`a value in ${purpose} is not sealed with one of its data keys`);
      return open(dataKey.key, purpose, context, sealed);
    },
  };
  return { box, rewrapped, keyId: currentId };
}
