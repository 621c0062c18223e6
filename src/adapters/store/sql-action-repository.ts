import type { Action, ActionStatus } from '../../domain/action/action.js';
import type { ActionResult } from '../../domain/action/action-result.js';
import type { ActionType, Priority } from '../../domain/action/action-type.js';
import type { Area } from '../../domain/area/area.js';
import type { MessageKind } from '../../domain/delivery/message-kind.js';
import type { ActionMessage, ActionRepository, ActionSearch } from '../../app/ports/action-repository.js';
import type { Queryable } from './database/database.js';
import { searchActionsWithCentreIn } from './sql-action-centre-search.js';

interface ActionRow {
  id: string;
  number: string;
  type: ActionType;
  meldkamer_code: string;
  reaches_meldkamers: string[];
  status: ActionStatus;
  missing_child: boolean;
  priority: number;
  message: string;
  description: string | null;
  instructions: string | null;
  area: Area;
  public: boolean;
  public_text: string | null;
  call_112: boolean;
  media_retention_days: number | null;
  result: ActionResult | null;
  closing_text: string | null;
  created_at: Date;
  created_by: string;
  started_at: Date | null;
  started_by: string | null;
  ended_at: Date | null;
  ended_by: string | null;
  updated_at: Date;
  version: number;
}

const toAction = (r: ActionRow): Action => ({
  id: r.id,
  number: r.number,
  type: r.type,
  meldkamerCode: r.meldkamer_code,
  reachesMeldkamers: r.reaches_meldkamers,
  status: r.status,
  missingChild: r.missing_child,
  priority: r.priority as Priority,
  message: r.message,
  description: r.description,
  instructions: r.instructions,
  area: r.area,
  publication: {
    public: r.public,
    publicText: r.public_text,
    call112: r.call_112,
    mediaRetentionDays: r.media_retention_days,
  },
  result: r.result,
  closingText: r.closing_text,
  createdAt: r.created_at,
  createdBy: r.created_by,
  startedAt: r.started_at,
  startedBy: r.started_by,
  endedAt: r.ended_at,
  endedBy: r.ended_by,
  updatedAt: r.updated_at,
  version: r.version,
});

interface MessageRow {
  id: string;
  action_id: string;
  ordinal: number;
  kind: MessageKind;
  text: string;
  spoken_text: string | null;
  created_at: Date;
  created_by: string;
}

const toMessage = (r: MessageRow): ActionMessage => ({
  id: r.id,
  actionId: r.action_id,
  ordinal: r.ordinal,
  kind: r.kind,
  text: r.text,
  spokenText: r.spoken_text,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

export function createSqlActionRepository(db: Queryable): ActionRepository {
  return {
    async nextActionNumber(at) {
      const [row] = await db.query<{ n: number }>(`select nextval('action_number_seq') as n`);
      return `BN-${at.getUTCFullYear()}-${String(row!.n).padStart(6, '0')}`;
    },

    async insertAction(a) {
      await db.execute(
        `insert into actions (id, number, type, meldkamer_code, status, missing_child, priority, message, description,
           instructions, area, result, closing_text, created_at, created_by, started_at, started_by, ended_at, ended_by,
           updated_at, version, public, public_text, call_112, media_retention_days, reaches_meldkamers)
         values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,$26)`,
        [
          a.id,
          a.number,
          a.type,
          a.meldkamerCode,
          a.status,
          a.missingChild,
          a.priority,
          a.message,
          a.description,
          a.instructions,
          JSON.stringify(a.area),
          a.result,
          a.closingText,
          a.createdAt,
          a.createdBy,
          a.startedAt,
          a.startedBy,
          a.endedAt,
          a.endedBy,
          a.updatedAt,
          a.version,
          a.publication.public,
          a.publication.publicText,
          a.publication.call112,
          a.publication.mediaRetentionDays,
          a.reachesMeldkamers,
        ],
      );
    },

    async findAction(id) {
      const [row] = await db.query<ActionRow>('select * from actions where id = $1', [id]);
      return row ? toAction(row) : null;
    },

    async findActionForUpdate(id) {
      const [row] = await db.query<ActionRow>('select * from actions where id = $1 for update', [id]);
      return row ? toAction(row) : null;
    },

    async updateAction(a, expectedVersion) {
      const changed = await db.execute(
        `update actions set type = $2, status = $3, missing_child = $4, priority = $5, message = $6, description = $7,
           instructions = $8, area = $9, result = $10, closing_text = $11, started_at = $12, started_by = $13,
           ended_at = $14, ended_by = $15, updated_at = $16, version = $17, public = $19, public_text = $20,
           call_112 = $21, media_retention_days = $22, reaches_meldkamers = $23
         where id = $1 and version = $18`,
        [
          a.id,
          a.type,
          a.status,
          a.missingChild,
          a.priority,
          a.message,
          a.description,
          a.instructions,
          JSON.stringify(a.area),
          a.result,
          a.closingText,
          a.startedAt,
          a.startedBy,
          a.endedAt,
          a.endedBy,
          a.updatedAt,
          a.version,
          expectedVersion,
          a.publication.public,
          a.publication.publicText,
          a.publication.call112,
          a.publication.mediaRetentionDays,
          a.reachesMeldkamers,
        ],
      );
      return changed === 1;
    },

    async searchActions(s: ActionSearch) {
      const where: string[] = [];
      const params: unknown[] = [];
      const add = (clause: string, value: unknown) => {
        params.push(value);
        where.push(clause.replace('?', `$${params.length}`));
      };
      if (s.meldkamerCode !== null) add('meldkamer_code = ?', s.meldkamerCode);
      if (s.visibleTo != null) {
        add('(meldkamer_code = ? or $X = any(reaches_meldkamers))', s.visibleTo);
        where[where.length - 1] = where[where.length - 1]!.replaceAll('$X', `$${params.length}`);
      }
      if (s.status !== null) add('status = ?', s.status);
      if (s.type !== null) add('type = ?', s.type);
      if (s.from !== null) add('created_at >= ?', s.from);
      if (s.to !== null) add('created_at < ?', s.to);
      if (s.text !== null) {
        const pattern = `%${s.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        add("(number ilike ? or message ilike $X or coalesce(description, '') ilike $X)", pattern);
        where[where.length - 1] = where[where.length - 1]!.replaceAll('$X', `$${params.length}`);
      }
      if (s.centreInGemeente) {
        const found = await searchActionsWithCentreIn<ActionRow>(db, s.centreInGemeente, { where, params }, s);
        return { items: found.rows.map(toAction), total: found.total };
      }
      const clause = where.length > 0 ? `where ${where.join(' and ')}` : '';
      const [count] = await db.query<{ n: number }>(`select count(*)::int as n from actions ${clause}`, params);
      const rows = await db.query<ActionRow>(
        `select * from actions ${clause} order by created_at desc, number desc limit $${params.length + 1} offset $${params.length + 2}`,
        [...params, s.limit, s.offset],
      );
      return { items: rows.map(toAction), total: count?.n ?? 0 };
    },

    async listPublished(endedAfter) {
      const rows = await db.query<ActionRow>(
        `select * from actions
         where public and (status = 'actief' or (status in ('afgesloten', 'ingetrokken') and ended_at >= $1))
         order by started_at desc, number desc limit 500`,
        [endedAfter],
      );
      return rows.map(toAction);
    },

    async insertMessage(m) {
      await db.execute(
        `insert into action_messages (id, action_id, ordinal, kind, text, spoken_text, created_at, created_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [m.id, m.actionId, m.ordinal, m.kind, m.text, m.spokenText, m.createdAt, m.createdBy],
      );
    },

    async listMessages(actionId) {
      const rows = await db.query<MessageRow>('select * from action_messages where action_id = $1 order by ordinal', [
        actionId,
      ]);
      return rows.map(toMessage);
    },
  };
}
