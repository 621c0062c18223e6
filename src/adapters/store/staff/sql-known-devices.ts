import type { KnownDevices } from '../../../app/ports/staff-known-devices.js';
import type { Queryable } from '../database/database.js';

export function createSqlKnownDevices(db: Queryable): KnownDevices {
  return {
    async findOf(staffId, tokenHashes, now) {
      if (tokenHashes.length === 0) return null;
      const [row] = await db.query<{ token_hash: string }>(
        'select token_hash from staff_known_devices where staff_id = $1 and token_hash = any($2::text[]) and expires_at > $3 order by created_at desc limit 1',
        [staffId, tokenHashes, now],
      );
      return row?.token_hash ?? null;
    },
    async remember(device, replacing, keep) {
      if (replacing !== null)
        await db.execute('delete from staff_known_devices where token_hash = $1 and staff_id = $2', [
          replacing,
          device.staffId,
        ]);
      await db.execute(
        'insert into staff_known_devices (token_hash, staff_id, created_at, expires_at) values ($1, $2, $3, $4)',
        [device.tokenHash, device.staffId, device.createdAt, device.expiresAt],
      );
      await db.execute(
        `delete from staff_known_devices where staff_id = $1 and (expires_at <= $2 or token_hash not in (
           select token_hash from staff_known_devices where staff_id = $1 order by created_at desc, token_hash limit $3))`,
        [device.staffId, device.createdAt, keep],
      );
    },
  };
}
