import { DELIVERY_STATUSES, type DeliveryStatus } from '../../../domain/delivery/delivery-status.js';
import type { MessageKind } from '../../../domain/delivery/message-kind.js';
import type { ContactChannel } from '../../../domain/participant/registration.js';
import { INITIAL_PART_STATUS, SUPERSEDED_PART_STATUS } from '../../../domain/delivery/sms-parts.js';
import type { ActionProgress, DispatchRepository, SmscPartCounts } from '../../../app/ports/dispatch-repository.js';
import type { Queryable } from '../database/database.js';
import { sqlLiteral } from './delivery-sql.js';

const SUPERSEDED = sqlLiteral(SUPERSEDED_PART_STATUS);

/** An action's deliveries counted by message kind, channel and status. */
export function createSqlDispatchProgress(db: Queryable): Pick<DispatchRepository, 'progress' | 'peoplePerMessage'> {
  return {
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
      const [aside] = await db.query<{ n: number }>(
        'select count(*)::int as n from unmatched_receipts where candidate_actions @> array[$1::uuid]',
        [actionId],
      );
      // Through the action's deliveries (indexed by action), then their parts (indexed by delivery).
      const bySmsc = await db.query<SmscPartCounts>(
        `select p.smsc,
                (count(*) filter (where p.status <> ${SUPERSEDED}))::int as parts,
                (count(*) filter (where p.status not in (${sqlLiteral(INITIAL_PART_STATUS)}, ${SUPERSEDED})))::int as receipts,
                (count(*) filter (where p.status = 'delivered'))::int as delivered,
                (count(*) filter (where p.status = ${SUPERSEDED}))::int as superseded
         from deliveries d join sms_parts p on p.delivery_id = d.id
         where d.action_id = $1 and d.channel = 'sms' group by p.smsc order by p.smsc`,
        [actionId],
      );
      const empty = () => Object.fromEntries(DELIVERY_STATUSES.map((s) => [s, 0])) as Record<DeliveryStatus, number>;
      const perChannel = () => ({ sms: empty(), voice: empty() });
      const byKind: ActionProgress['byKind'] = { alert: perChannel(), update: perChannel(), closing: perChannel() };
      for (const r of rows) byKind[r.kind][r.channel][r.status] += r.n;
      return {
        byKind,
        firstSubmittedAt: times?.first ?? null,
        lastSubmittedAt: times?.last ?? null,
        receiptsSetAside: aside?.n ?? 0,
        smsBySmsc: bySmsc,
      };
    },

    async peoplePerMessage(actionId) {
      // One delivery per message and number (unique), so deliveries are people here.
      const rows = await db.query<{ message_id: string; channel: ContactChannel; n: number }>(
        `select message_id, channel, count(*)::int as n from deliveries
         where action_id = $1 and status <> 'cancelled' group by 1, 2`,
        [actionId],
      );
      const people = new Map<string, Record<ContactChannel, number>>();
      for (const r of rows) {
        const counts = people.get(r.message_id) ?? { sms: 0, voice: 0 };
        counts[r.channel] += r.n;
        people.set(r.message_id, counts);
      }
      return people;
    },
  };
}
