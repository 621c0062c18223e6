import type { Priority } from '../../../domain/action/action-type.js';
import type { Msisdn } from '../../../domain/participant/msisdn.js';
import type { ContactChannel } from '../../../domain/participant/registration.js';
import type { MessageKind } from '../../../domain/delivery/message-kind.js';
import type { ClaimedDelivery, DispatchRepository } from '../../../app/ports/dispatch-repository.js';
import type { SmsResume } from '../../../app/ports/sms-channel.js';
import type { Queryable } from '../database/database.js';
import { orphanedClaim } from '../sql-worker-leases.js';
import { SUPERSEDED_PART_STATUS } from '../../../domain/delivery/sms-parts.js';
import { sqlAttempts, sqlLiteral, transition } from './delivery-sql.js';

/** Claimed: waiting in the queue (the rows of the partial index deliveries_queued), then handed to a worker. */
const CLAIMED = transition({ status: 'status', event: 'claimed' });
const CLAIMED_D = transition({ status: 'd.status', event: 'claimed' });
/** Taken back from a worker that stopped. */
const HANDED_BACK = transition({
  status: 'd.status',
  event: 'handed-back',
  attempts: 'd.attempts',
  actionStatus: 'a.status',
  messageKind: 'm.kind',
});

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

/** Handing queued deliveries to the workers of a channel, and taking them back from a worker that stopped. */
export function createSqlDeliveryClaims(db: Queryable): Pick<DispatchRepository, 'claim' | 'requeueInFlight'> {
  async function claimForAction(channel: ContactChannel, actionId: string, limit: number, workerId: string, at: Date) {
    const rows = await db.query<ClaimRow>(
      `update deliveries d set ${CLAIMED_D.set(null)}, claimed_at = $4, claimed_by = $5, attempts = ${sqlAttempts('claimed', 'd.attempts')}
       from action_messages m
       where d.id in (select id from deliveries
                      where channel = $1 and action_id = $2 and ${CLAIMED.where}
                        and (next_attempt_at is null or next_attempt_at <= $4)
                      order by message_ordinal, id limit $3 for update skip locked)
         and m.id = d.message_id
       returning d.id, d.action_id, m.kind, d.msisdn, m.text, coalesce(m.spoken_text, m.text) as spoken_text,
                 d.attempts, d.message_ordinal`,
      [channel, actionId, limit, at, workerId],
    );
    return rows.sort((a, b) => a.message_ordinal - b.message_ordinal || a.id - b.id);
  }

  /** For SMS tried before: the parts the SMSC acknowledged then, so that only the others go now. */
  async function resumesOf(claimed: readonly ClaimRow[]): Promise<Map<number, SmsResume>> {
    const retried = claimed.filter((r) => r.attempts > 1).map((r) => r.id);
    if (retried.length === 0) return new Map();
    // Parts superseded by the whole SMS sent again on another SMSC are not; the profile is that of the first part.
    const rows = await db.query<{
      delivery_id: number;
      parts: number;
      concat_reference: number | null;
      smsc: string;
      accepted: number[];
    }>(
      `select delivery_id, max(parts) as parts, max(concat_reference) as concat_reference,
              (array_agg(smsc order by part))[1] as smsc, array_agg(distinct part order by part) as accepted
       from sms_parts where delivery_id = any($1::bigint[]) and status <> ${sqlLiteral(SUPERSEDED_PART_STATUS)}
       group by delivery_id`,
      [retried],
    );
    return new Map(
      rows.map((r) => [
        r.delivery_id,
        {
          parts: r.parts,
          concatReference: r.concat_reference,
          // '': stored before SMSC connection profiles had names.
          smsc: r.smsc === '' ? null : r.smsc,
          acceptedParts: r.accepted.map(Number),
        },
      ]),
    );
  }

  return {
    async claim(channel, limit, workerId, at) {
      const waiting = await db.query<{ action_id: string; priority: number }>(
        `with recursive t(action_id) as (
           (select action_id from deliveries where ${CLAIMED.where} and channel = $1 order by action_id limit 1)
           union all
           select (select d.action_id from deliveries d
                   where ${CLAIMED_D.where} and d.channel = $1 and d.action_id > t.action_id
                   order by d.action_id limit 1)
           from t where t.action_id is not null)
         select t.action_id, a.priority from t join actions a on a.id = t.action_id`,
        [channel],
      );
      const byPriority = new Map<number, string[]>();
      const priorityOf = new Map<string, Priority>();
      for (const w of waiting) {
        byPriority.set(w.priority, [...(byPriority.get(w.priority) ?? []), w.action_id]);
        priorityOf.set(w.action_id, w.priority as Priority);
      }
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
      const resumes = channel === 'sms' ? await resumesOf(claimed) : new Map<number, SmsResume>();
      return claimed.map((r): ClaimedDelivery => ({
        id: r.id,
        actionId: r.action_id,
        messageKind: r.kind,
        msisdn: r.msisdn as Msisdn,
        text: r.text,
        spokenText: r.spoken_text,
        attempts: r.attempts,
        priority: priorityOf.get(r.action_id) ?? 0,
        smsResume: resumes.get(r.id) ?? null,
      }));
    },

    async requeueInFlight(orphanedAt, exceptWorkerId, at) {
      return db.execute(
        `update deliveries d set ${HANDED_BACK.set('$2::timestamptz')}, claimed_at = null, claimed_by = null
         from actions a, action_messages m
         where ${HANDED_BACK.where} and ${orphanedClaim('d.claimed_by', '$1')} and ($3::text is null or d.claimed_by <> $3)
           and a.id = d.action_id and m.id = d.message_id`,
        [orphanedAt, at, exceptWorkerId],
      );
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
