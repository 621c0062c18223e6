import type { AuditEntry } from '../../app/ports/audit-log.js';
import type { AuditSearch } from '../../app/ports/audit-search.js';
import type { Queryable } from './database/database.js';

interface AuditRow {
  id: string | number;
  at: Date;
  actor_id: string | null;
  actor_name: string;
  event: string;
  subject_type: AuditEntry['subjectType'];
  subject_id: string | null;
  details: Record<string, unknown>;
  total: number;
}

export function createSqlAuditSearch(db: Queryable): AuditSearch {
  return {
    async search(q) {
      const rows = await db.query<AuditRow>(
        `select a.id, a.at, a.actor_id, a.actor_name, a.event, a.subject_type, a.subject_id, a.details, count(*) over ()::int as total
         from audit_log a left join staff s on s.id = a.actor_id
         where ($1::uuid is null or a.actor_id = $1)
           and ($2::text is null or a.event = $2 or a.event like $2 || '.%')
           and ($3::text is null or a.subject_type = $3)
           and ($4::text is null or a.subject_id = $4)
           and ($5::timestamptz is null or a.at >= $5)
           and ($6::timestamptz is null or a.at < $6)
           and ($7::text is null or s.meldkamer_code = $7)
           and ($8::text is null or s.gemeente_code = $8)
         order by a.at desc, a.id desc
         limit $9 offset $10`,
        [
          q.actorId,
          q.event,
          q.subjectType,
          q.subjectId,
          q.from,
          q.to,
          q.meldkamerCode,
          q.gemeenteCode,
          q.limit,
          q.offset,
        ],
      );
      return {
        total: rows[0]?.total ?? 0,
        items: rows.map((r) => ({
          id: Number(r.id),
          at: new Date(r.at),
          actorId: r.actor_id,
          actorName: r.actor_name,
          event: r.event,
          subjectType: r.subject_type,
          subjectId: r.subject_id,
          details: r.details,
        })),
      };
    },
  };
}
