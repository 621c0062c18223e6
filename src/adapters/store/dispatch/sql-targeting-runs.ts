import type { Area } from '../../../domain/area/area.js';
import type { DispatchRepository } from '../../../app/ports/dispatch-repository.js';
import type { Queryable } from '../database/database.js';

export function createSqlTargetingRuns(
  db: Queryable,
): Pick<DispatchRepository, 'insertTargetingRun' | 'pendingTargetingRuns' | 'completeTargetingRun' | 'targetedAreas'> {
  return {
    async insertTargetingRun(run, createdAt) {
      await db.execute(
        `insert into targeting_runs (id, action_id, message_id, area, evaluated_at, status, created_at)
         values ($1, $2, $3, $4, $5, 'pending', $6)`,
        [run.id, run.actionId, run.messageId, JSON.stringify(run.area), run.evaluatedAt, createdAt],
      );
    },

    async pendingTargetingRuns() {
      const rows = await db.query<{
        id: string;
        action_id: string;
        message_id: string;
        area: Area;
        evaluated_at: Date;
      }>(
        `select id, action_id, message_id, area, evaluated_at from targeting_runs where status = 'pending' order by created_at`,
      );
      return rows.map((r) => ({
        id: r.id,
        actionId: r.action_id,
        messageId: r.message_id,
        area: r.area,
        evaluatedAt: r.evaluated_at,
      }));
    },

    async targetedAreas(actionId) {
      const rows = await db.query<{ area: Area; evaluated_at: Date; recipients: number | null }>(
        `select area, evaluated_at, recipients from targeting_runs where action_id = $1 order by created_at, id`,
        [actionId],
      );
      return rows.map((r) => ({ area: r.area, at: r.evaluated_at, recipients: r.recipients }));
    },

    async completeTargetingRun(runId, recipients, at) {
      await db.execute(`update targeting_runs set status = 'done', recipients = $2, done_at = $3 where id = $1`, [
        runId,
        recipients,
        at,
      ]);
    },
  };
}
