import type { Area } from '../../domain/area/area.js';
import type { Msisdn } from '../../domain/participant/msisdn.js';
import type { ContactChannel } from '../../domain/participant/registration.js';
import type { MessageKind } from '../../app/ports/action-repository.js';
import {
  DELIVERY_STATUSES,
  type ActionProgress,
  type ClaimedDelivery,
  type DeliveryStatus,
  type DispatchRepository,
  type SubmitResult,
} from '../../app/ports/dispatch-repository.js';
import type { Queryable } from './database/database.js';

/** How long a delivery receipt without a known SMS part is kept. */
const PENDING_RECEIPT_DAYS = 1;

/** A delivery that the SMSC could not take is tried again this many times before it counts as failed. */
const MAX_ATTEMPTS = 20;

// Storing submit results and storing receipts take turns (each runs in its caller's transaction). Otherwise a
// receipt stored while its part is being stored sees no part, the part sees no receipt, and the delivery waits
// for housekeeping to match them.
const RECEIPT_MATCHING_LOCK = 4_711_0012;

// Deliveries that reached (or are about to reach) a number: updates and closing messages follow them.
const REACHED = `status in ('queued', 'sending', 'submitted', 'delivered')`;

// What happens to a delivery that was handed out but not sent: back in the queue while its action still
// wants it (closing messages always do), otherwise cancelled; failed after too many attempts.
const RETURN_TO_QUEUE = `
  status = case
    when d.attempts >= ${MAX_ATTEMPTS} then 'failed'
    when a.status = 'actief' or m.kind = 'closing' then 'queued'
    else 'cancelled' end,
  final_at = case when d.attempts >= ${MAX_ATTEMPTS} or not (a.status = 'actief' or m.kind = 'closing') then $2::timestamptz end,
  claimed_at = null, claimed_by = null`;

interface ClaimRow {
  id: number;
  action_id: string;
  kind: MessageKind;
  msisdn: string;
  text: string;
  spoken_text: string;
  attempts: number;
  message_ordinal: number;
}

export function createSqlDispatchRepository(db: Queryable): DispatchRepository {
  async function claimForAction(channel: ContactChannel, actionId: string, limit: number, workerId: string, at: Date) {
    const rows = await db.query<ClaimRow>(
      `update deliveries d set status = 'sending', claimed_at = $4, claimed_by = $5, attempts = d.attempts + 1
       from action_messages m
       where d.id in (select id from deliveries
                      where channel = $1 and action_id = $2 and status = 'queued'
                        and (next_attempt_at is null or next_attempt_at <= $4)
                      order by message_ordinal, id limit $3 for update skip locked)
         and m.id = d.message_id
       returning d.id, d.action_id, m.kind, d.msisdn, m.text, coalesce(m.spoken_text, m.text) as spoken_text,
                 d.attempts, d.message_ordinal`,
      [channel, actionId, limit, at, workerId],
    );
    return rows.sort((a, b) => a.message_ordinal - b.message_ordinal || a.id - b.id);
  }

  async function settle(deliveryIds: readonly number[], at: Date): Promise<void> {
    if (deliveryIds.length === 0) return;
    // A delivery is final when one part failed or expired, or when every part was delivered.
    await db.execute(
      `update deliveries d set status = s.final_status, final_at = $2
       from (select delivery_id,
                    case when bool_or(status = 'failed') then 'failed'
                         when bool_or(status = 'expired') then 'expired'
                         when bool_and(status = 'delivered') then 'delivered' end as final_status
             from sms_parts where delivery_id = any($1::bigint[]) group by delivery_id) s
       where d.id = s.delivery_id and s.final_status is not null and d.status in ('sending', 'submitted')`,
      [deliveryIds, at],
    );
  }

  async function applyPending(where: string, params: readonly unknown[]): Promise<number[]> {
    const rows = await db.query<{ delivery_id: number }>(
      `with matched as (
         delete from pending_receipts r using sms_parts p
         where p.reference = r.reference ${where}
         returning r.reference, r.status, r.received_at)
       update sms_parts p set status = matched.status, updated_at = matched.received_at
       from matched where p.reference = matched.reference and p.status = 'submitted'
       returning p.delivery_id`,
      params,
    );
    return [...new Set(rows.map((r) => r.delivery_id))];
  }

  return {
    async insertTargetingRun(run, createdAt) {
      await db.execute(
        `insert into targeting_runs (id, action_id, message_id, area, evaluated_at, status, created_at)
         values ($1, $2, $3, $4, $5, 'pending', $6)`,
        [run.id, run.actionId, run.messageId, JSON.stringify(run.area), run.evaluatedAt, createdAt],
      );
    },

    async pendingTargetingRuns() {
      const rows = await db.query<{ id: string; action_id: string; message_id: string; area: Area; evaluated_at: Date }>(
        `select id, action_id, message_id, area, evaluated_at from targeting_runs where status = 'pending' order by created_at`,
      );
      return rows.map((r) => ({ id: r.id, actionId: r.action_id, messageId: r.message_id, area: r.area, evaluatedAt: r.evaluated_at }));
    },

    async completeTargetingRun(runId, recipients, at) {
      await db.execute(`update targeting_runs set status = 'done', recipients = $2, done_at = $3 where id = $1`, [runId, recipients, at]);
    },

    async reachedMsisdns(actionId) {
      const rows = await db.query<{ msisdn: string }>(
        `select d.msisdn from deliveries d join action_messages m on m.id = d.message_id
         where d.action_id = $1 and m.kind = 'alert'`,
        [actionId],
      );
      return new Set(rows.map((r) => r.msisdn));
    },

    async enqueueRecipients(message, recipients, at) {
      if (recipients.length === 0) return 0;
      // The share lock on a live action makes this wait for a close or update in progress (and be refused
      // after a close), so that no alert slips past a close and no new recipient misses an update.
      const inserted = await db.execute(
        `with live as (select id from actions where id = $1 and status = 'actief' for share)
         insert into deliveries (action_id, message_id, message_ordinal, msisdn, channel, registration_id, distance_m, status, queued_at)
         select $1, $2, $3, r.msisdn, r.channel, r.registration_id, r.distance_m, 'queued', $4
         from unnest($5::text[], $6::text[], $7::uuid[], $8::int[]) with ordinality as r(msisdn, channel, registration_id, distance_m, n)
         where exists (select 1 from live)
         order by r.n
         on conflict (message_id, msisdn) do nothing`,
        [message.actionId, message.id, message.ordinal, at,
          recipients.map((r) => r.msisdn), recipients.map((r) => r.channel),
          recipients.map((r) => r.registrationId), recipients.map((r) => Math.round(r.distanceMetres))],
      );
      // People reached later (a widening, or a targeting run still going) also get the updates sent so far.
      await db.execute(
        `insert into deliveries (action_id, message_id, message_ordinal, msisdn, channel, registration_id, distance_m, status, queued_at)
         select d.action_id, u.id, u.ordinal, d.msisdn, d.channel, d.registration_id, d.distance_m, 'queued', $3
         from deliveries d join action_messages u on u.action_id = d.action_id and u.kind = 'update'
         where d.message_id = $1 and d.msisdn = any($2::text[])
         order by u.ordinal, d.id
         on conflict (message_id, msisdn) do nothing`,
        [message.id, recipients.map((r) => r.msisdn), at],
      );
      return inserted;
    },

    async enqueueForReached(message, at) {
      return db.execute(
        `insert into deliveries (action_id, message_id, message_ordinal, msisdn, channel, registration_id, distance_m, status, queued_at)
         select d.action_id, $2, $3, d.msisdn, d.channel, d.registration_id, d.distance_m, 'queued', $4
         from deliveries d join action_messages m on m.id = d.message_id
         where d.action_id = $1 and m.kind = 'alert' and d.${REACHED}
           and d.msisdn like '+%' -- not the deliveries of participants who deleted their data (number removed)
         order by d.distance_m, d.id
         on conflict (message_id, msisdn) do nothing`,
        [message.actionId, message.id, message.ordinal, at],
      );
    },

    async cancelQueued(actionId, kinds, at) {
      return db.execute(
        `update deliveries d set status = 'cancelled', final_at = $3
         from action_messages m
         where d.action_id = $1 and d.status = 'queued' and m.id = d.message_id and m.kind = any($2::text[])`,
        [actionId, kinds, at],
      );
    },

    async claim(channel, limit, workerId, at) {
      const waiting = await db.query<{ action_id: string; priority: number }>(
        `with recursive t(action_id) as (
           (select action_id from deliveries where status = 'queued' and channel = $1 order by action_id limit 1)
           union all
           select (select d.action_id from deliveries d
                   where d.status = 'queued' and d.channel = $1 and d.action_id > t.action_id
                   order by d.action_id limit 1)
           from t where t.action_id is not null)
         select t.action_id, a.priority from t join actions a on a.id = t.action_id`,
        [channel],
      );
      const byPriority = new Map<number, string[]>();
      for (const w of waiting) byPriority.set(w.priority, [...(byPriority.get(w.priority) ?? []), w.action_id]);
      const claimed: ClaimRow[] = [];
      let remaining = limit;
      for (const priority of [...byPriority.keys()].sort((a, b) => b - a)) {
        // Actions of equal priority share the batch evenly; what one cannot use goes to the others. Only they
        // take turns: a lower priority follows the whole of a higher one, also within this batch.
        let group = byPriority.get(priority)!;
        const byAction = new Map<string, ClaimRow[]>();
        while (remaining > 0 && group.length > 0) {
          const share = Math.ceil(remaining / group.length);
          const stillWaiting: string[] = [];
          for (const actionId of group) {
            if (remaining <= 0) break;
            const rows = await claimForAction(channel, actionId, Math.min(share, remaining), workerId, at);
            remaining -= rows.length;
            byAction.set(actionId, [...(byAction.get(actionId) ?? []), ...rows]);
            if (rows.length === share) stillWaiting.push(actionId);
          }
          group = stillWaiting;
        }
        claimed.push(...interleave([...byAction.values()]));
        if (remaining <= 0) break;
      }
      return claimed.map(
        (r): ClaimedDelivery => ({
          id: r.id, actionId: r.action_id, messageKind: r.kind, msisdn: r.msisdn as Msisdn, text: r.text, spokenText: r.spoken_text, attempts: r.attempts,
        }),
      );
    },

    async recordSubmitResults(results, at) {
      const accepted = results.filter((r) => r.kind === 'accepted');
      const rejected = results.filter((r) => r.kind === 'rejected');
      const unavailable = results.filter((r) => r.kind === 'unavailable');
      if (accepted.length > 0) {
        await db.execute('select pg_advisory_xact_lock($1)', [RECEIPT_MATCHING_LOCK]);
        const ids = accepted.map((r) => r.deliveryId);
        await db.execute(
          `update deliveries set status = 'submitted', submitted_at = $2
           where id = any($1::bigint[]) and status in ('sending', 'queued')`,
          [ids, at],
        );
        const parts = accepted.flatMap((r) => r.references.map((reference, part) => ({ reference, deliveryId: r.deliveryId, part: part + 1 })));
        await db.execute(
          `insert into sms_parts (reference, delivery_id, part, status, updated_at)
           select p.reference, p.delivery_id, p.part, 'submitted', $4
           from unnest($1::text[], $2::bigint[], $3::int[]) as p(reference, delivery_id, part)
           on conflict (reference) do nothing`,
          [parts.map((p) => p.reference), parts.map((p) => p.deliveryId), parts.map((p) => p.part), at],
        );
        await applyPending('and p.delivery_id = any($1::bigint[])', [ids]);
        await settle(ids, at);
      }
      if (rejected.length > 0) {
        await db.execute(
          `update deliveries d set status = 'failed', failure_reason = r.reason, final_at = $3
           from unnest($1::bigint[], $2::text[]) as r(id, reason)
           where d.id = r.id and d.status = 'sending'`,
          [rejected.map((r) => r.deliveryId), rejected.map((r) => r.reason), at],
        );
      }
      if (unavailable.length > 0) {
        await db.execute(
          `update deliveries d set ${RETURN_TO_QUEUE}, failure_reason = $3
           from actions a, action_messages m
           where d.id = any($1::bigint[]) and d.status = 'sending' and a.id = d.action_id and m.id = d.message_id`,
          [unavailable.map((r) => r.deliveryId), at, unavailable[0]!.reason],
        );
      }
    },

    async recordReceipts(receipts) {
      if (receipts.length === 0) return;
      await db.execute('select pg_advisory_xact_lock($1)', [RECEIPT_MATCHING_LOCK]);
      const refs = receipts.map((r) => r.reference);
      const statuses = receipts.map((r) => r.status);
      const ats = receipts.map((r) => r.at);
      const updated = await db.query<{ reference: string; delivery_id: number }>(
        `update sms_parts p set status = r.status, updated_at = r.at
         from unnest($1::text[], $2::text[], $3::timestamptz[]) as r(reference, status, at)
         where p.reference = r.reference and p.status = 'submitted'
         returning p.reference, p.delivery_id`,
        [refs, statuses, ats],
      );
      // Every receipt that changed nothing is kept: its part may not be stored yet (the receipt overtook the
      // submit result, or that result is being stored right now). Matching them later is idempotent; a
      // receipt for a part that is already final is simply dropped then.
      const applied = new Set(updated.map((r) => r.reference));
      const unmatched = receipts.filter((r) => !applied.has(r.reference));
      if (unmatched.length > 0) {
        await db.execute(
          `insert into pending_receipts (reference, status, received_at)
           select * from unnest($1::text[], $2::text[], $3::timestamptz[])
           on conflict (reference) do nothing`,
          [unmatched.map((r) => r.reference), unmatched.map((r) => r.status), unmatched.map((r) => r.at)],
        );
      }
      const latest = ats.reduce((a, b) => (a > b ? a : b));
      const caughtUp = unmatched.length > 0 ? await applyPending('and r.reference = any($1::text[])', [unmatched.map((r) => r.reference)]) : [];
      await settle([...new Set([...updated.map((r) => r.delivery_id), ...caughtUp])], latest);
    },

    async reconcilePendingReceipts(at) {
      const ids = await applyPending('', []);
      await settle(ids, at);
      // A receipt waits here for its submit result for seconds; one that found no part in a day is for a message
      // sent outside the action queue (a sign-up's code SMS) and never will.
      await db.execute('delete from pending_receipts where received_at < $1', [new Date(at.getTime() - PENDING_RECEIPT_DAYS * 86_400_000)]);
      return ids.length;
    },

    async requeueInFlight(claimedBefore, exceptWorkerId, at) {
      return db.execute(
        `update deliveries d set ${RETURN_TO_QUEUE}
         from actions a, action_messages m
         where d.status = 'sending' and d.claimed_at < $1 and ($3::text is null or d.claimed_by <> $3)
           and a.id = d.action_id and m.id = d.message_id`,
        [claimedBefore, at, exceptWorkerId],
      );
    },

    async progress(actionId) {
      const rows = await db.query<{ kind: MessageKind; channel: ContactChannel; status: DeliveryStatus; n: number }>(
        `select m.kind, d.channel, d.status, count(*)::int as n
         from deliveries d join action_messages m on m.id = d.message_id
         where d.action_id = $1 group by 1, 2, 3`,
        [actionId],
      );
      const [times] = await db.query<{ first: Date | null; last: Date | null }>(
        `select min(submitted_at) as first, max(submitted_at) as last from deliveries where action_id = $1`,
        [actionId],
      );
      const empty = () => Object.fromEntries(DELIVERY_STATUSES.map((s) => [s, 0])) as Record<DeliveryStatus, number>;
      const perChannel = () => ({ sms: empty(), voice: empty() });
      const byKind: ActionProgress['byKind'] = { alert: perChannel(), update: perChannel(), closing: perChannel() };
      for (const r of rows) byKind[r.kind][r.channel][r.status] += r.n;
      return { byKind, firstSubmittedAt: times?.first ?? null, lastSubmittedAt: times?.last ?? null };
    },
  };
}

/** Round-robin over the actions' slices, so that each gets its turn at the channel in this batch. */
function interleave<T>(slices: readonly (readonly T[])[]): T[] {
  const out: T[] = [];
  const longest = Math.max(0, ...slices.map((s) => s.length));
  for (let i = 0; i < longest; i++) for (const s of slices) if (i < s.length) out.push(s[i]!);
  return out;
}
