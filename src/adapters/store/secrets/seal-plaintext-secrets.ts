import { SEALED_PREFIX } from '../../crypto/envelope-encryption.js';
import type { SecretBox, SecretPurpose } from '../../crypto/secret-box.js';
import type { Queryable } from '../database/database.js';

/** Where secrets live: the table, the column and the row's key that each sealed value is bound to. */
const COLUMNS: readonly { purpose: SecretPurpose; table: string; column: string; key: string }[] = [
  { purpose: 'staff.totp_secret', table: 'staff', column: 'totp_secret', key: 'id' },
  {
    purpose: 'staff_sessions.pending_totp_secret',
    table: 'staff_sessions',
    column: 'pending_totp_secret',
    key: 'id_hash',
  },
  { purpose: 'signing_secrets.secret', table: 'signing_secrets', column: 'secret', key: 'name' },
];

/**
 * Seals the secrets written before they were sealed (migration 0019): run at every start, it finds nothing once
 * done. Each row changes only if it still holds the plaintext that was read, so processes starting at once do not
 * seal a value twice. Returns how many values it sealed per purpose.
 */
export async function sealPlaintextSecrets(db: Queryable, box: SecretBox): Promise<Record<SecretPurpose, number>> {
  const sealed = {} as Record<SecretPurpose, number>;
  for (const { purpose, table, column, key } of COLUMNS) {
    const rows = await db.query<{ key: string; value: string }>(
      `select ${key}::text as key, ${column} as value from ${table} where ${column} is not null and ${column} not like $1`,
      [`${SEALED_PREFIX}%`],
    );
    let count = 0;
    for (const row of rows) {
      count += await db.execute(`update ${table} set ${column} = $2 where ${key}::text = $1 and ${column} = $3`, [
        row.key,
        box.seal(purpose, row.key, row.value),
        row.value,
      ]);
    }
    sealed[purpose] = count;
  }
  return sealed;
}
