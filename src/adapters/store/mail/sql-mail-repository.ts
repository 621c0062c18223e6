import type { AreaCandidate, MailRepository, MailScope } from '../../../app/ports/mail-store.js';
import type { Queryable } from '../database/database.js';
import { boundingBox } from '../bounding-box.js';
import { coveringCells } from '../h3-cells.js';
import { audienceClause, mailableClause, scopeClause, whereAll } from './mail-sql-parts.js';
import { ownerColumns, toMail, toTemplate, type MailRow, type TemplateRow } from './mail-rows.js';

const ownerMatch = (owners: readonly MailScope[], first: number): { sql: string; params: unknown[] } => ({
  sql: `(owner_kind, coalesce(owner_code, '')) in (select * from unnest($${first}::text[], $${first + 1}::text[]))`,
  params: [owners.map((o) => o.kind), owners.map((o) => (o.kind === 'landelijk' ? '' : o.code))],
});

export function createSqlMailRepository(db: Queryable): MailRepository {
  return {
    async listTemplates(owners) {
      const match = owners === 'all' ? { sql: 'true', params: [] } : ownerMatch(owners, 1);
      const rows = await db.query<TemplateRow>(
        `select * from mail_templates where ${match.sql} order by kind, owner_kind = 'landelijk', name`,
        match.params,
      );
      return rows.map(toTemplate);
    },
    async findTemplate(id) {
      const [row] = await db.query<TemplateRow>('select * from mail_templates where id = $1', [id]);
      return row === undefined ? null : toTemplate(row);
    },
    async saveTemplate(t, by) {
      const [ownerKind, ownerCode] = ownerColumns(t.owner);
      await db.execute(
        `insert into mail_templates (id, kind, owner_kind, owner_code, name, subject, body, created_at, updated_at, updated_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9)
         on conflict (id) do update set name = excluded.name, subject = excluded.subject, body = excluded.body,
           updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
        [t.id, t.kind, ownerKind, ownerCode, t.name, t.subject, t.body, t.updatedAt, by],
      );
    },
    async deleteTemplate(id) {
      return (await db.execute('delete from mail_templates where id = $1', [id])) > 0;
    },
    async findSender(owner) {
      const [kind, code] = ownerColumns(owner);
      const [row] = await db.query<{ sender_name: string | null; reply_to: string | null }>(
        'select sender_name, reply_to from mail_senders where owner_kind = $1 and owner_code = $2',
        [kind, code ?? ''],
      );
      return row === undefined ? null : { senderName: row.sender_name, replyTo: row.reply_to };
    },
    async saveSender(owner, sender, at, by) {
      const [kind, code] = ownerColumns(owner);
      await db.execute(
        `insert into mail_senders (owner_kind, owner_code, sender_name, reply_to, updated_at, updated_by) values ($1, $2, $3, $4, $5, $6)
         on conflict (owner_kind, owner_code) do update set sender_name = excluded.sender_name, reply_to = excluded.reply_to,
           updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
        [kind, code ?? '', sender.senderName, sender.replyTo, at, by],
      );
    },

    async nextMailNumber(at) {
      const [row] = await db.query<{ n: number }>(`select nextval('mail_number_seq')::int as n`);
      return `M-${at.getUTCFullYear()}-${String(row?.n ?? 0).padStart(6, '0')}`;
    },
    async insertMail(m) {
      const [ownerKind, ownerCode] = ownerColumns(m.owner);
      await db.execute(
        `insert into mails (id, number, kind, template_id, owner_kind, owner_code, subject, body, fields, audience, status,
           scheduled_at, answer_days, created_at, created_by, created_by_name, updated_at, version)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $14, 1)`,
        [
          m.id,
          m.number,
          m.kind,
          m.templateId,
          ownerKind,
          ownerCode,
          m.subject,
          m.body,
          JSON.stringify(m.fields),
          JSON.stringify(m.audience),
          m.status,
          m.scheduledAt,
          m.answerDays,
          m.createdAt,
          m.createdBy.id,
          m.createdBy.name,
        ],
      );
    },
    async findMail(id) {
      const [row] = await db.query<MailRow>('select * from mails where id = $1', [id]);
      return row === undefined ? null : toMail(row);
    },
    async listMails(filter) {
      const match = filter.owners === 'all' ? { sql: 'true', params: [] as unknown[] } : ownerMatch(filter.owners, 1);
      const n = match.params.length + 1;
      const reaching = filter.reachingGemeente === null ? '' : ` or $${n}::text = any(gemeente_codes)`;
      const params = [
        ...match.params,
        ...(filter.reachingGemeente === null ? [] : [filter.reachingGemeente]),
        filter.limit,
      ];
      const rows = await db.query<MailRow>(
        `select * from mails where (${match.sql}${reaching}) order by created_at desc limit $${params.length}`,
        params,
      );
      return rows.map(toMail);
    },
    async updateDraft(id, c, version, at) {
      return (
        (await db.execute(
          `update mails set subject = $3, body = $4, fields = $5, audience = $6, answer_days = $7, updated_at = $8, version = version + 1
           where id = $1 and version = $2 and status = 'draft'`,
          [id, version, c.subject, c.body, JSON.stringify(c.fields), JSON.stringify(c.audience), c.answerDays, at],
        )) > 0
      );
    },
    async schedule(id, sendAt, at, by) {
      return (
        (await db.execute(
          `update mails set status = 'scheduled', scheduled_at = $2, send_requested_at = $3, send_requested_by = $4, updated_at = $3,
             version = version + 1
           where id = $1 and status = 'draft'`,
          [id, sendAt, at, by],
        )) > 0
      );
    },
    async stop(id, at, by) {
      const stopped = await db.execute(
        `update mails set status = 'stopped', stopped_at = $2, stopped_by = $3, updated_at = $2, version = version + 1
         where id = $1 and status in ('scheduled', 'queuing', 'sending')`,
        [id, at, by],
      );
      if (stopped === 0) return { stopped: false, cancelled: 0 };
      const cancelled = await db.execute(
        `update mail_recipients set status = 'cancelled', final_at = $2 where mail_id = $1 and status = 'queued'`,
        [id, at],
      );
      await db.execute('update mails set cancelled = cancelled + $2 where id = $1', [id, cancelled]);
      return { stopped: true, cancelled };
    },

    async areaCandidates(area, scope, at) {
      const box = boundingBox(area);
      const where = whereAll(
        6,
        (n) => mailableClause(n, at),
        (n) => scopeClause(n, scope),
      );
      const rows = await db.query<{ participant_id: string; gemeente_code: string; lat: number; lon: number }>(
        `select r.participant_id, r.gemeente_code, r.lat, r.lon from registrations r join participants p on p.id = r.participant_id
         where r.h3_cell = any($1::bigint[]) and r.lat between $2 and $3 and r.lon between $4 and $5 and ${where.sql}`,
        [coveringCells(area), box.minLat, box.maxLat, box.minLon, box.maxLon, ...where.params],
      );
      return rows.map((r): AreaCandidate => ({
        participantId: r.participant_id,
        gemeenteCode: r.gemeente_code,
        location: { lat: r.lat, lon: r.lon },
      }));
    },
    async countAudience(audience, scope, at) {
      const where = whereAll(
        1,
        (n) => audienceClause(n, audience),
        (n) => scopeClause(n, scope),
        (n) => mailableClause(n, at),
      );
      const [row] = await db.query<{ n: number }>(
        `select count(distinct r.participant_id)::int as n from registrations r join participants p on p.id = r.participant_id where ${where.sql}`,
        where.params,
      );
      return row?.n ?? 0;
    },
  };
}
