import type { AuditLog } from '../../app/ports/audit-log.js';
import type { Queryable } from './database/database.js';

export function createSqlAuditLog(db: Queryable): AuditLog {
  return {
    async append(e) {
      await db.execute(
        `insert into audit_log (at, actor_id, actor_name, event, subject_type, subject_id, details)
         values ($1, $2, $3, $4, $5, $6, $7)`,
        [e.at, e.actorId, e.actorName, e.event, e.subjectType, e.subjectId, JSON.stringify(e.details)],
      );
    },
  };
}
