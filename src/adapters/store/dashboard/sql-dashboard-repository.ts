import type { ActionResult } from '../../../domain/action/action-result.js';
import type { ActionType } from '../../../domain/action/action-type.js';
import type { RecruitmentCampaign } from '../../../domain/dashboard/recruitment-campaign.js';
import type { DashboardRepository, StoredActionFigures } from '../../../app/ports/dashboard-repository.js';
import type { Queryable } from '../database/database.js';
import { areasLateral, periodCondition, periodParams } from './action-area-sql.js';
import { computeActionFiguresSql } from './compute-action-figures.js';

type ActionStatus = 'actief' | 'afgesloten' | 'ingetrokken';
const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export function createSqlDashboardRepository(db: Queryable): DashboardRepository {
  return {
    async participantCounts(gemeenteCode) {
      const rows = await db.query<{ measure: string; count: number }>(
        'select measure, count from dashboard_participants where gemeente_code = $1',
        [gemeenteCode],
      );
      const of = (m: string) => Math.max(0, rows.find((r) => r.measure === m)?.count ?? 0);
      return { participants: of('participants'), sms: of('sms'), voice: of('voice'), email: of('email') };
    },

    async participantsPerGemeente() {
      const rows = await db.query<{ gemeente_code: string; count: number }>(
        `select gemeente_code, count from dashboard_participants where measure = 'participants'`,
      );
      return new Map(rows.map((r) => [r.gemeente_code, Math.max(0, r.count)]));
    },

    async trend(gemeenteCode, period, interval) {
      const rows = await db.query<{ bucket: string; joined: number; leaving: number }>(
        `select to_char(date_trunc($4, day::timestamp), 'YYYY-MM-DD') as bucket, sum(joined)::int as joined, sum(leaving)::int as leaving
         from dashboard_participant_days where gemeente_code = $1 and day between $2::date and $3::date
         group by 1 order by 1`,
        [gemeenteCode, period.from, period.to, interval],
      );
      return rows;
    },

    async actionMarkers(gemeenteCode, period) {
      const rows = await db.query<{
        action_id: string;
        number: string;
        type: ActionType;
        missing_child: boolean;
        day: string;
      }>(
        `select d.action_id, a.number, d.type, d.missing_child, to_char(d.started_at at time zone 'Europe/Amsterdam', 'YYYY-MM-DD') as day
         from dashboard_actions d join actions a on a.id = d.action_id
         where d.gemeente_code = $1 and d.status <> 'ingetrokken' and ${periodCondition('d.started_at', 2)}
         order by d.started_at`,
        [gemeenteCode, ...periodParams(period)],
      );
      return rows.map((r) => ({
        actionId: r.action_id,
        number: r.number,
        type: r.type,
        missingChild: r.missing_child,
        day: r.day,
      }));
    },

    async actionsPerMonth(areas, period) {
      const a = areasLateral(areas, 3);
      const rows = await db.query<{ idx: number; month: string; type: ActionType; actions: number }>(
        `select areas.idx, to_char(d.started_at at time zone 'Europe/Amsterdam', 'YYYY-MM') as month, d.type, count(*)::int as actions
         from dashboard_actions d ${a.sql}
         where areas.hit and d.status <> 'ingetrokken' and ${periodCondition('d.started_at', 1)}
         group by 1, 2, 3 order by 1, 2, 3`,
        [...periodParams(period), ...a.params],
      );
      return areas.map((_, i) =>
        rows.filter((r) => r.idx === i).map((r) => ({ month: r.month, type: r.type, actions: r.actions })),
      );
    },

    async actionOutcomes(areas, period) {
      const a = areasLateral(areas, 3);
      const rows = await db.query<Record<string, unknown>>(
        `select areas.idx, d.type, count(*)::int as actions, (count(*) filter (where d.status = 'afgesloten'))::int as closed,
           (count(*) filter (where d.success))::int as successes,
           percentile_cont(0.5) within group (order by d.first_message_ms) as median_first,
           percentile_cont(0.5) within group (order by d.last_message_ms) as median_last,
           percentile_cont(0.5) within group (order by d.recipients) as median_recipients,
           sum(d.recipients)::float8 as recipients, sum(d.calls)::float8 as calls, sum(d.tips)::float8 as tips
         from dashboard_actions d ${a.sql}
         where areas.hit and d.status <> 'ingetrokken' and ${periodCondition('d.started_at', 1)}
         group by grouping sets ((areas.idx, d.type), (areas.idx))
         order by areas.idx, d.type nulls first`,
        [...periodParams(period), ...a.params],
      );
      const outcomes = rows
        .filter((r) => num(r.actions) > 0)
        .map((r) => ({
          idx: num(r.idx),
          type: (r.type as ActionType | null) ?? null,
          actions: num(r.actions),
          closed: num(r.closed),
          successes: num(r.successes),
          medianFirstMessageMs: numOrNull(r.median_first),
          medianLastMessageMs: numOrNull(r.median_last),
          medianRecipients: numOrNull(r.median_recipients),
          recipients: num(r.recipients),
          calls: num(r.calls),
          tips: num(r.tips),
        }));
      return areas.map((_, i) => outcomes.filter((o) => o.idx === i).map(({ idx: _idx, ...o }) => o));
    },

    async actionList(gemeenteCode, period, limit) {
      const rows = await db.query<{
        action_id: string;
        number: string;
        type: ActionType;
        started_at: Date;
        status: ActionStatus;
        result: ActionResult | null;
        recipients: number;
        first_message_ms: number | null;
        last_message_ms: number | null;
        calls: number;
        tips: number;
        app_notifications: number;
      }>(
        `select d.action_id, a.number, d.type, d.started_at, d.status, d.result, d.recipients, d.first_message_ms, d.last_message_ms,
           d.calls, d.tips, d.app_notifications
         from dashboard_actions d join actions a on a.id = d.action_id
         where d.gemeente_code = $1 and ${periodCondition('d.started_at', 2)}
         order by d.started_at desc limit $4`,
        [gemeenteCode, ...periodParams(period), limit],
      );
      return rows.map((r) => ({
        actionId: r.action_id,
        number: r.number,
        type: r.type,
        startedAt: r.started_at,
        status: r.status,
        result: r.result,
        recipients: r.recipients,
        firstMessageMs: r.first_message_ms,
        lastMessageMs: r.last_message_ms,
        calls: r.calls,
        tips: r.tips,
        appNotifications: r.app_notifications,
      }));
    },

    async appUsers(today) {
      const [row] = await db.query<{ subscriptions: number; seen: number }>(
        `select count(*)::int as subscriptions, (count(*) filter (where last_seen_on > $1::date - 30))::int as seen from push_subscriptions`,
        [today],
      );
      return { subscriptions: row?.subscriptions ?? 0, seenLast30Days: row?.seen ?? 0 };
    },

    async mailFigures(gemeenteCode, period) {
      // Burgernetmail has its own migration; without its tables there is nothing to count yet.
      const [present] = await db.query<{ present: boolean }>(
        `select to_regclass('mail_answers') is not null and to_regclass('mails') is not null as present`,
      );
      if (present?.present !== true) return null;
      const sentIn = periodCondition('coalesce(m.queued_at, m.send_requested_at, m.created_at)', 2);
      const [reaching, own, answers] = await Promise.all([
        db.query<{ kind: string; mails: number }>(
          `select m.kind, count(*)::int as mails from mails m
           where $1::text = any(m.gemeente_codes) and m.status in ('sending', 'sent', 'stopped') and ${sentIn}
           group by m.kind order by m.kind`,
          [gemeenteCode, ...periodParams(period)],
        ),
        db.query<{ mails: number; recipients: number }>(
          `select count(*)::int as mails, coalesce(sum(m.sent), 0)::float8 as recipients from mails m
           where m.owner_kind = 'gemeente' and m.owner_code = $1 and m.status in ('sending', 'sent', 'stopped') and ${sentIn}`,
          [gemeenteCode, ...periodParams(period)],
        ),
        db.query<{ n: number }>(
          `select count(*)::int as n from mail_answers a join mails m on m.id = a.mail_id join mail_recipients r on r.id = a.recipient_id
           where m.kind = 'buurtonderzoek' and r.gemeente_code = $1 and ${periodCondition('a.received_at', 2)}`,
          [gemeenteCode, ...periodParams(period)],
        ),
      ]);
      return {
        mailsReaching: reaching.reduce((n, r) => n + r.mails, 0),
        mailsReachingByKind: reaching,
        ownMails: own[0]?.mails ?? 0,
        ownRecipients: Number(own[0]?.recipients ?? 0),
        buurtonderzoekAnswers: answers[0]?.n ?? 0,
      };
    },

    async campaigns(gemeenteCode) {
      const rows = await db.query<{
        id: string;
        gemeente_code: string;
        name: string;
        starts_on: string;
        ends_on: string;
        created_at: Date;
      }>(
        `select id, gemeente_code, name, starts_on::text as starts_on, ends_on::text as ends_on, created_at
         from recruitment_campaigns where gemeente_code = $1 order by starts_on, created_at`,
        [gemeenteCode],
      );
      return rows.map((r): RecruitmentCampaign => ({
        id: r.id,
        gemeenteCode: r.gemeente_code,
        name: r.name,
        startsOn: r.starts_on,
        endsOn: r.ends_on,
        createdAt: r.created_at,
      }));
    },

    async addCampaign(c, createdBy) {
      await db.execute(
        `insert into recruitment_campaigns (id, gemeente_code, name, starts_on, ends_on, created_at, created_by)
         values ($1, $2, $3, $4::date, $5::date, $6, (select id from staff where id = $7))`,
        [c.id, c.gemeenteCode, c.name, c.startsOn, c.endsOn, c.createdAt, createdBy],
      );
    },

    async removeCampaign(gemeenteCode, id) {
      return (
        (await db.execute('delete from recruitment_campaigns where gemeente_code = $1 and id = $2', [
          gemeenteCode,
          id,
        ])) > 0
      );
    },

    async staleActions(now, mode, minAgeMs, limit) {
      const due =
        mode === 'due'
          ? `or (d.refreshed_at < $3::timestamptz and (a.status = 'actief' or (a.ended_at >= $1::timestamptz - interval '1 hour' and d.refreshed_at < a.ended_at + interval '10 minutes')))`
          : '';
      const rows = await db.query<{ id: string }>(
        `select a.id from actions a left join dashboard_actions d on d.action_id = a.id
         where a.started_at is not null and (a.status = 'actief' or a.ended_at >= $1::timestamptz - interval '1 day')
           and (d.action_id is null or d.status <> a.status ${due})
         order by a.started_at limit $2`,
        mode === 'due' ? [now, limit, new Date(now.getTime() - minAgeMs)] : [now, limit],
      );
      return rows.map((r) => r.id);
    },

    async actionsWithoutFigures(limit) {
      const rows = await db.query<{ id: string }>(
        `select a.id from actions a where a.started_at is not null and a.status <> 'concept'
           and not exists (select 1 from dashboard_actions d where d.action_id = a.id)
         order by a.started_at limit $1`,
        [limit],
      );
      return rows.map((r) => r.id);
    },

    async computeActionFigures(actionId) {
      const [r] = await db.query<Record<string, unknown>>(computeActionFiguresSql, [actionId]);
      if (r === undefined) return null;
      const area = r.area as { centre: { lat: number; lon: number } };
      const startedAt = r.started_at as Date;
      const since = (at: unknown) => (at instanceof Date ? Math.max(0, at.getTime() - startedAt.getTime()) : null);
      return {
        actionId,
        type: r.type as ActionType,
        missingChild: r.missing_child as boolean,
        meldkamerCode: r.meldkamer_code as string,
        status: r.status as ActionStatus,
        result: (r.result as ActionResult | null) ?? null,
        startedAt,
        endedAt: (r.ended_at as Date | null) ?? null,
        incident: { lat: area.centre.lat, lon: area.centre.lon },
        recipients: num(r.recipients),
        firstMessageMs: since(r.first_at),
        lastMessageMs: since(r.last_at),
        calls: num(r.calls),
        tips: num(r.tips),
        appNotifications: num(r.app_notifications),
      };
    },

    async saveActionFigures(rows) {
      if (rows.length === 0) return;
      await upsertActionFigures(db, rows);
    },
  };
}

/** Writes figures of many actions in one statement (the refresher, the demo history). */
export async function upsertActionFigures(db: Queryable, rows: readonly StoredActionFigures[]): Promise<void> {
  await db.execute(
    `insert into dashboard_actions (action_id, type, missing_child, meldkamer_code, gemeente_code, safety_region_code, started_at, status,
       result, success, ended_at, recipients, first_message_ms, last_message_ms, calls, tips, app_notifications, refreshed_at)
     select * from unnest($1::uuid[], $2::text[], $3::boolean[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::text[],
       $9::text[], $10::boolean[], $11::timestamptz[], $12::int[], $13::int[], $14::int[], $15::int[], $16::int[], $17::int[], $18::timestamptz[])
     on conflict (action_id) do update set type = excluded.type, missing_child = excluded.missing_child, meldkamer_code = excluded.meldkamer_code,
       gemeente_code = excluded.gemeente_code, safety_region_code = excluded.safety_region_code, started_at = excluded.started_at,
       status = excluded.status, result = excluded.result, success = excluded.success, ended_at = excluded.ended_at,
       recipients = excluded.recipients, first_message_ms = excluded.first_message_ms, last_message_ms = excluded.last_message_ms,
       calls = excluded.calls, tips = excluded.tips, app_notifications = excluded.app_notifications, refreshed_at = excluded.refreshed_at`,
    [
      rows.map((r) => r.actionId),
      rows.map((r) => r.type),
      rows.map((r) => r.missingChild),
      rows.map((r) => r.meldkamerCode),
      rows.map((r) => r.gemeenteCode),
      rows.map((r) => r.safetyRegionCode),
      rows.map((r) => r.startedAt),
      rows.map((r) => r.status),
      rows.map((r) => r.result),
      rows.map((r) => r.success),
      rows.map((r) => r.endedAt),
      rows.map((r) => r.recipients),
      rows.map((r) => r.firstMessageMs),
      rows.map((r) => r.lastMessageMs),
      rows.map((r) => r.calls),
      rows.map((r) => r.tips),
      rows.map((r) => r.appNotifications),
      rows.map((r) => r.refreshedAt),
    ],
  );
}
