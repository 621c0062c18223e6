/**
 * One action's figures from the record. Recipients: alert deliveries handed to the network (an SMS submitted or
 * delivered, a call answered). First and last message: the first and last of those, counting only the alert's
 * first targeting (a widening an hour later would otherwise read as a slow send). Calls: 0800-0011 routings to
 * the action. App notifications: pushes accepted for its alert (start, widening, arrival).
 */
export const computeActionFiguresSql = `
with a as (
  select id, type, missing_child, meldkamer_code, status, result, started_at, ended_at, area
  from actions where id = $1 and started_at is not null and status <> 'concept'
),
runs as (select created_at from targeting_runs where action_id = $1),
widened as (select min(created_at) as at from runs where created_at > (select min(created_at) from runs)),
alert as (
  select d.status, d.queued_at, coalesce(d.submitted_at, case when d.status = 'delivered' then d.final_at end) as sent_at
  from deliveries d join action_messages m on m.id = d.message_id
  where d.action_id = $1 and m.kind = 'alert'
)
select a.*,
  (select count(*) from alert where status in ('submitted', 'delivered'))::int as recipients,
  (select min(sent_at) from alert where status in ('submitted', 'delivered')) as first_at,
  (select max(sent_at) from alert where status in ('submitted', 'delivered')
     and queued_at < coalesce((select at from widened), 'infinity'::timestamptz)) as last_at,
  (select count(*) from call_routings where action_id = $1)::int as calls,
  (select count(*) from action_tips where action_id = $1)::int as tips,
  (select coalesce(sum(accepted), 0) from push_fanouts where action_id = $1 and trigger in ('start', 'widening', 'arrival'))::int as app_notifications
from a`;
