import type { ActionType } from '../../domain/action/action-type.js';
import type { ActionApproval, ActionTypeSettingsStore } from '../../app/ports/action-type-settings.js';
import type { Queryable } from './database/database.js';

export function createSqlActionTypeSettings(db: Queryable): ActionTypeSettingsStore {
  return {
    async list() {
      const rows = await db.query<{ type: ActionType; template: string; requires_approval: boolean; updated_at: Date }>(
        'select type, template, requires_approval, updated_at from action_type_settings order by type',
      );
      return rows.map((r) => ({
        type: r.type,
        template: r.template,
        requiresApproval: r.requires_approval,
        updatedAt: new Date(r.updated_at),
      }));
    },
    async save(s, by) {
      await db.execute(
        `insert into action_type_settings (type, template, requires_approval, updated_at, updated_by) values ($1, $2, $3, $4, $5)
         on conflict (type) do update set template = excluded.template, requires_approval = excluded.requires_approval,
           updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
        [s.type, s.template, s.requiresApproval, s.updatedAt ?? new Date(), by],
      );
    },
    async approve(a) {
      const changed = await db.execute(
        `insert into action_approvals (action_id, action_version, approved_by, approved_at) values ($1, $2, $3, $4)
         on conflict (action_id, action_version) do nothing`,
        [a.actionId, a.actionVersion, a.approvedBy, a.approvedAt],
      );
      return changed === 1;
    },
    async approvalOf(actionId, version) {
      const [row] = await db.query<{ approved_by: string; approved_at: Date }>(
        'select approved_by, approved_at from action_approvals where action_id = $1 and action_version = $2',
        [actionId, version],
      );
      return row
        ? ({
            actionId,
            actionVersion: version,
            approvedBy: row.approved_by,
            approvedAt: new Date(row.approved_at),
          } satisfies ActionApproval)
        : null;
    },
  };
}
