import { INITIAL_PART_STATUS } from '../../../domain/delivery/sms-parts.js';
import type { DispatchRepository } from '../../../app/ports/dispatch-repository.js';
import type { Queryable } from '../database/database.js';
import { PARTS_EVENTS, sqlLiteral, sqlPartsEvent, transition } from './delivery-sql.js';

/** How long a delivery receipt without a known SMS part is kept. */
const PENDING_RECEIPT_DAYS = 1;

// Storing submit results and storing receipts take turns (each runs in its caller's transaction). Otherwise a
// receipt stored while its part is being stored sees no part, the part sees no receipt, and the delivery waits
// for housekeeping to match them.
const RECEIPT_MATCHING_LOCK = 4_711_0012;

const PART_SUBMITTED = sqlLiteral(INITIAL_PART_STATUS);
const SUBMITTED = transition({ status: 'status', event: 'submitted' });
const SETTLED = transition({ status: 'd.status', event: { column: 's.event', kinds: PARTS_EVENTS } });
const REJECTED = transition({ status: 'd.status', event: 'send-failed-final' });
/** The SMSC could not take it (no bind, throttled, a timeout). */
const UNAVAILABLE = transition({
  status: 'd.status',
  event: 'send-failed-retryable',
  cause: 'channel-unavailable',
  attempts: 'd.attempts',
  actionStatus: 'a.status',
  messageKind: 'm.kind',
});

/** What the SMSC made of the SMS handed to it: its answer to each submit, then the receipts of the parts. */
export function createSqlDeliveryOutcomes(
  db: Queryable,
): Pick<DispatchRepository, 'recordSubmitResults' | 'recordReceipts' | 'reconcilePendingReceipts'> {
  async function settle(deliveryIds: readonly number[], at: Date): Promise<void> {
    if (deliveryIds.length === 0) return;
    await db.execute(
      `update deliveries d set ${SETTLED.set('$2')}
       from (select delivery_id, ${sqlPartsEvent('status')} as event
             from sms_parts where delivery_id = any($1::bigint[]) group by delivery_id) s
       where d.id = s.delivery_id and s.event is not null and ${SETTLED.where}`,
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
       from matched where p.reference = matched.reference and p.status = ${PART_SUBMITTED}
       returning p.delivery_id`,
      params,
    );
    return [...new Set(rows.map((r) => r.delivery_id))];
  }

  return {
    async recordSubmitResults(results, at) {
      const accepted = results.filter((r) => r.kind === 'accepted');
      const rejected = results.filter((r) => r.kind === 'rejected');
      const unavailable = results.filter((r) => r.kind === 'unavailable');
      if (accepted.length > 0) {
        await db.execute('select pg_advisory_xact_lock($1)', [RECEIPT_MATCHING_LOCK]);
        const ids = accepted.map((r) => r.deliveryId);
        await db.execute(
          `update deliveries set ${SUBMITTED.set(null)}, submitted_at = $2
           where id = any($1::bigint[]) and ${SUBMITTED.where}`,
          [ids, at],
        );
        const parts = accepted.flatMap((r) =>
          r.references.map((reference, part) => ({ reference, deliveryId: r.deliveryId, part: part + 1 })),
        );
        await db.execute(
          `insert into sms_parts (reference, delivery_id, part, status, updated_at)
           select p.reference, p.delivery_id, p.part, ${PART_SUBMITTED}, $4
           from unnest($1::text[], $2::bigint[], $3::int[]) as p(reference, delivery_id, part)
           on conflict (reference) do nothing`,
          [parts.map((p) => p.reference), parts.map((p) => p.deliveryId), parts.map((p) => p.part), at],
        );
        await applyPending('and p.delivery_id = any($1::bigint[])', [ids]);
        await settle(ids, at);
      }
      if (rejected.length > 0) {
        await db.execute(
          `update deliveries d set ${REJECTED.set('$3')}, failure_reason = r.reason
           from unnest($1::bigint[], $2::text[]) as r(id, reason)
           where d.id = r.id and ${REJECTED.where}`,
          [rejected.map((r) => r.deliveryId), rejected.map((r) => r.reason), at],
        );
      }
      if (unavailable.length > 0) {
        await db.execute(
          `update deliveries d set ${UNAVAILABLE.set('$2::timestamptz')}, claimed_at = null, claimed_by = null, failure_reason = $3
           from actions a, action_messages m
           where d.id = any($1::bigint[]) and ${UNAVAILABLE.where} and a.id = d.action_id and m.id = d.message_id`,
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
         where p.reference = r.reference and p.status = ${PART_SUBMITTED}
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
      const caughtUp =
        unmatched.length > 0
          ? await applyPending('and r.reference = any($1::text[])', [unmatched.map((r) => r.reference)])
          : [];
      await settle([...new Set([...updated.map((r) => r.delivery_id), ...caughtUp])], latest);
    },

    async reconcilePendingReceipts(at) {
      const ids = await applyPending('', []);
      await settle(ids, at);
      // A receipt waits here for its submit result for seconds; one that found no part in a day is for a message
      // sent outside the action queue (a sign-up's code SMS) and never will.
      await db.execute('delete from pending_receipts where received_at < $1', [
        new Date(at.getTime() - PENDING_RECEIPT_DAYS * 86_400_000),
      ]);
      return ids.length;
    },
  };
}
