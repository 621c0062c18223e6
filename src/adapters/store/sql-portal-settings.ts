import type { PortalSettings } from '../../app/ports/portal-settings.js';
import type { Queryable } from './database/database.js';

export function createSqlPortalSettings(db: Queryable): PortalSettings {
  return {
    async all() {
      const rows = await db.query<{ key: string; value: unknown }>('select key, value from portal_settings');
      return new Map(rows.map((r) => [r.key, r.value]));
    },
    async set(key, value, by, at) {
      await db.execute(
        `insert into portal_settings (key, value, updated_at, updated_by) values ($1, $2, $3, $4)
         on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
        [key, JSON.stringify(value), at, by],
      );
    },
  };
}
