import { scopeOf, type Staff, type StaffRole } from '../../../domain/staff/staff.js';
import type { StaffDirectory } from '../../../app/ports/staff-directory.js';
import type { Queryable } from '../database/database.js';

interface StaffRow {
  id: string;
  name: string;
  role: StaffRole;
  meldkamer_code: string | null;
  gemeente_code: string | null;
}

function toStaff(r: StaffRow): Staff | null {
  const scope = scopeOf(r.role, r.meldkamer_code, r.gemeente_code);
  return scope === null ? null : { id: r.id, name: r.name, role: r.role, scope };
}

interface TokenRow extends StaffRow {
  label: string;
  created_at: Date;
  expires_at: Date;
}

export function createSqlStaffDirectory(db: Queryable): StaffDirectory {
  return {
    async findByTokenHash(tokenHash) {
      const [row] = await db.query<TokenRow>(
        `select s.id, s.name, s.role, s.meldkamer_code, s.gemeente_code, t.label, t.created_at, t.expires_at
         from api_tokens t join staff s on s.id = t.staff_id
         where t.token_hash = $1 and t.revoked_at is null and s.revoked_at is null`,
        [tokenHash],
      );
      const staff = row ? toStaff(row) : null;
      return row && staff ? { staff, expiresAt: row.expires_at } : null;
    },
    async createStaff(s) {
      await db.execute(
        'insert into staff (id, name, role, meldkamer_code, gemeente_code) values ($1, $2, $3, $4, $5)',
        [s.id, s.name, s.role, s.meldkamerCode, s.gemeenteCode],
      );
    },
    async addToken(staffId, tokenHash, label, lifetime) {
      await db.execute(
        'insert into api_tokens (token_hash, staff_id, label, created_at, expires_at) values ($1, $2, $3, $4, $5)',
        [tokenHash, staffId, label, lifetime.createdAt, lifetime.expiresAt],
      );
    },
    async listTokens(filter) {
      const rows = await db.query<TokenRow>(
        `select s.id, s.name, s.role, s.meldkamer_code, s.gemeente_code, t.label, t.created_at, t.expires_at
         from api_tokens t join staff s on s.id = t.staff_id
         where t.revoked_at is null and s.revoked_at is null
           and ($1::text is null or s.meldkamer_code = $1) and ($2::text is null or s.gemeente_code = $2)
         order by t.expires_at, s.name limit 2000`,
        [filter.meldkamerCode, filter.gemeenteCode],
      );
      return rows.flatMap((r) => {
        const staff = toStaff(r);
        return staff === null ? [] : [{ staff, label: r.label, createdAt: r.created_at, expiresAt: r.expires_at }];
      });
    },
    async listStaff() {
      const rows = await db.query<StaffRow>(
        'select id, name, role, meldkamer_code, gemeente_code from staff where revoked_at is null order by name',
      );
      return rows.map(toStaff).filter((s): s is Staff => s !== null);
    },
  };
}
