import type { PushFanoutRepository, PushWork } from '../../app/ports/push-fanout-repository.js';
import type { Area } from '../../domain/area/area.js';
import type { PushFanoutStatus, PushTrigger } from '../../domain/push/push-progress.js';
import type { Queryable } from './database/database.js';

interface WorkRow {
  kind: 'targeting-run' | 'message';
  run_id: string | null;
  action_id: string;
  message_id: string;
  trigger: 'start' | 'widening' | 'update' | 'closing';
  area: Area | null;
  text: string;
}

function toWork(r: WorkRow): PushWork {
  if (r.kind === 'targeting-run') {
    if (r.run_id === null || r.area === null || (r.trigger !== 'start' && r.trigger !== 'widening'))
      throw new Error(`malformed targeting work for action ${r.action_id}`);
    return {
      kind: 'targeting-run',
      runId: r.run_id,
      actionId: r.action_id,
      messageId: r.message_id,
      trigger: r.trigger,
      area: r.area,
    };
  }
  if (r.trigger !== 'update' && r.trigger !== 'closing')
    throw new Error(`malformed message work for action ${r.action_id}`);
  return { kind: 'message', actionId: r.action_id, messageId: r.message_id, trigger: r.trigger, text: r.text };
}

export function createSqlPushFanoutRepository(db: Queryable): PushFanoutRepository {
  return {
    async findUnclaimedWork(endingActionIds) {
      // In the order they were recorded, so that an action's alert goes before its updates and its end.
      const rows = await db.query<WorkRow>(
        `select * from (
           select 'targeting-run' as kind, r.id as run_id, r.action_id, r.message_id,
                  case when r.id = (select r0.id from targeting_runs r0 where r0.action_id = r.action_id order by r0.created_at, r0.id limit 1)
                       then 'start' else 'widening' end as trigger,
                  r.area, '' as text, r.created_at
           from targeting_runs r join actions a on a.id = r.action_id
           where a.status = 'actief' and not exists (select 1 from push_fanouts f where f.targeting_run_id = r.id)
           union all
           select 'message', null, m.action_id, m.id, m.kind, null, m.text, m.created_at
           from action_messages m join actions a on a.id = m.action_id
           where ((m.kind = 'update' and a.status = 'actief') or (m.kind = 'closing' and m.action_id = any($1::uuid[])))
             and not exists (select 1 from push_fanouts f where f.message_id = m.id and f.trigger = m.kind)
         ) w order by created_at, trigger desc`,
        [endingActionIds],
      );
      return rows.map(toWork);
    },

    async claimFanout(fanoutId, work, status, at) {
      const inserted = await db.execute(
        `insert into push_fanouts (id, action_id, message_id, targeting_run_id, trigger, status, created_at)
         values ($1, $2, $3, $4, $5, $6, $7) on conflict do nothing`,
        [
          fanoutId,
          work.actionId,
          work.messageId,
          work.kind === 'targeting-run' ? work.runId : null,
          work.trigger,
          status,
          at,
        ],
      );
      return inserted === 1;
    },

    async beginFanout(fanoutId, targeted, at) {
      await db.execute(`update push_fanouts set status = 'running', targeted = $2, started_at = $3 where id = $1`, [
        fanoutId,
        targeted,
        at,
      ]);
    },

    async addCounts(fanoutId, c) {
      await db.execute(
        'update push_fanouts set accepted = accepted + $2, gone = gone + $3, failed = failed + $4, targeted = targeted + $5 where id = $1',
        [fanoutId, c.accepted, c.gone, c.failed, c.targeted],
      );
    },

    async finishFanout(fanoutId, at) {
      await db.execute(`update push_fanouts set status = 'finished', finished_at = $2 where id = $1`, [fanoutId, at]);
    },

    async addArrivalCounts(actionId, alertMessageId, c, at) {
      await db.execute(
        `insert into push_fanouts (id, action_id, message_id, targeting_run_id, trigger, status, targeted, accepted, gone, failed,
                                   created_at, started_at, finished_at)
         values (gen_random_uuid(), $1, $2, null, 'arrival', 'finished', $3, $4, $5, $6, $7, $7, $7)
         on conflict on constraint push_fanouts_once do update set
           targeted = push_fanouts.targeted + excluded.targeted, accepted = push_fanouts.accepted + excluded.accepted,
           gone = push_fanouts.gone + excluded.gone, failed = push_fanouts.failed + excluded.failed, finished_at = excluded.finished_at`,
        [actionId, alertMessageId, c.targeted, c.accepted, c.gone, c.failed, at],
      );
    },

    async interruptUnfinished(at) {
      return db.execute(
        `update push_fanouts set status = 'interrupted', finished_at = $1 where status in ('pending', 'running')`,
        [at],
      );
    },

    async activeActions() {
      const rows = await db.query<{ id: string; area: Area; alert_message_id: string }>(
        `select a.id, a.area, m.id as alert_message_id
         from actions a join action_messages m on m.action_id = a.id and m.kind = 'alert'
         where a.status = 'actief'`,
      );
      return rows.map((r) => ({ id: r.id, area: r.area, alertMessageId: r.alert_message_id }));
    },

    async fanoutsOf(actionId) {
      const rows = await db.query<{
        trigger: PushTrigger;
        status: PushFanoutStatus;
        targeted: number;
        accepted: number;
        gone: number;
        failed: number;
        started_at: Date | null;
        finished_at: Date | null;
      }>(
        `select trigger, status, targeted, accepted, gone, failed, started_at, finished_at
         from push_fanouts where action_id = $1 order by created_at, id`,
        [actionId],
      );
      return rows.map((r) => ({
        trigger: r.trigger,
        status: r.status,
        targeted: r.targeted,
        accepted: r.accepted,
        gone: r.gone,
        failed: r.failed,
        startedAt: r.started_at,
        finishedAt: r.finished_at,
      }));
    },
  };
}
