import type { ActionRegionApprovals, RegionApproval } from '../../app/ports/action-region-approvals.js';
import type { Queryable } from './database/database.js';

interface Row {
  action_id: string;
  action_version: number;
  meldkamer_code: string;
  requested_at: Date | null;
  approved_by: string | null;
  approved_at: Date | null;
}

const toApproval = (r: Row): RegionApproval => ({
  actionId: r.action_id,
  actionVersion: r.action_version,
  meldkamerCode: r.meldkamer_code,
  requestedAt: r.requested_at === null ? null : new Date(r.requested_at),
  approvedBy: r.approved_by,
  approvedAt: r.approved_at === null ? null : new Date(r.approved_at),
});

export function createSqlActionRegionApprovals(db: Queryable): ActionRegionApprovals {
  return {
    async request(r) {
      const changed = await db.execute(
        `insert into action_region_approvals (action_id, action_version, meldkamer_code, requested_by, requested_at)
         values ($1, $2, $3, $4, $5) on conflict (action_id, action_version, meldkamer_code) do nothing`,
        [r.actionId, r.actionVersion, r.meldkamerCode, r.requestedBy, r.requestedAt],
      );
      return changed === 1;
    },
    async approve(a) {
      const changed = await db.execute(
        `insert into action_region_approvals (action_id, action_version, meldkamer_code, approved_by, approved_at)
         values ($1, $2, $3, $4, $5)
         on conflict (action_id, action_version, meldkamer_code) do update
           set approved_by = excluded.approved_by, approved_at = excluded.approved_at
           where action_region_approvals.approved_at is null`,
        [a.actionId, a.actionVersion, a.meldkamerCode, a.approvedBy, a.approvedAt],
      );
      return changed === 1;
    },
    async of(actionId, version) {
      const rows = await db.query<Row>(
        `select action_id, action_version, meldkamer_code, requested_at, approved_by, approved_at
         from action_region_approvals where action_id = $1 and action_version = $2 order by meldkamer_code`,
        [actionId, version],
      );
      return rows.map(toApproval);
    },
    async approvedEver(actionId) {
      const rows = await db.query<{ meldkamer_code: string }>(
        `select distinct meldkamer_code from action_region_approvals where action_id = $1 and approved_at is not null`,
        [actionId],
      );
      return new Set(rows.map((r) => r.meldkamer_code));
    },
    async openRequests(meldkamerCode, limit) {
      const rows = await db.query<Row>(
        `select r.action_id, r.action_version, r.meldkamer_code, r.requested_at, r.approved_by, r.approved_at
         from action_region_approvals r join actions a on a.id = r.action_id and a.version = r.action_version
         where r.meldkamer_code = $1 and r.approved_at is null and r.requested_at is not null and a.status = 'concept'
         order by r.requested_at desc limit $2`,
        [meldkamerCode, limit],
      );
      return rows.map(toApproval);
    },
  };
}
