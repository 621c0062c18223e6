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

export function createSqlStaffDirectory(db: Queryable): StaffDirectory {
  return {
    async findByTokenHash(tokenHash) {
      const [row] = await db.query<StaffRow>(
        `select s.id, s.name, s.role, s.meldkamer_code, s.gemeente_code
         from api_tokens t join staff s on s.id = t.staff_id
         where t.token_hash = $1 and t.revoked_at is null and s.revoked_at is null`,
        [tokenHash],
      );
      return row ? toStaff(row) : null;
    },
    async createStaff(s) {
      await db.execute(
        'insert into staff (id, name, role, meldkamer_code, gemeente_code) values ($1, $2, $3, $4, $5)',
        [s.id, s.name, s.role, s.meldkamerCode, s.gemeenteCode],
      );
    },
    async addToken(staffId, tokenHash, label) {
      await db.execute('insert into api_tokens (token_hash, staff_id, label) values ($1, $2, $3)', [
        tokenHash,
        staffId,
        label,
      ]);
    },
    async listStaff() {
      const rows = await db.query<StaffRow>(
        'select id, name, role, meldkamer_code, gemeente_code from staff where revoked_at is null order by name',
      );
      return rows.map(toStaff).filter((s): s is Staff => s !== null);
    },
  };
}
