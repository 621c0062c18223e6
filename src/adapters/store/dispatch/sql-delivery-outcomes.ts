import type { DispatchRepository, ReusedReference, SubmitResult } from '../../../app/ports/dispatch-repository.js';
import type { AcceptedSmsPart, SmsSubmission } from '../../../app/ports/sms-channel.js';
import type { Queryable } from '../database/database.js';
import { SUPERSEDED_PART_STATUS } from '../../../domain/delivery/sms-parts.js';
import { sqlLiteral, transition } from './delivery-sql.js';
import {
  NO_RECEIPTS,
  PART_SUBMITTED,
  RECEIPT_MATCHING_LOCK,
  matchReceipts,
  pendingFor,
  settleByParts,
} from './sql-sms-receipts.js';

const SUBMITTED = transition({ status: 'status', event: 'submitted' });
const SUPERSEDED = sqlLiteral(SUPERSEDED_PART_STATUS);
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

interface StoredPart extends AcceptedSmsPart {
  readonly deliveryId: number;
  readonly parts: number;
  readonly concatReference: number | null;
}

const partsOf = (deliveryId: number, submission: SmsSubmission): StoredPart[] =>
  submission.accepted.map((p) => ({
    ...p,
    deliveryId,
    parts: submission.parts,
    concatReference: submission.concatReference,
  }));

/** What the SMSC made of the SMS handed to it: its answer to each submit (receipts: sql-sms-receipts.ts). */
export function createSqlDeliveryOutcomes(db: Queryable): Pick<DispatchRepository, 'recordSubmitResults'> {
  /** Parts with an SMSC and message id that an earlier part, still waiting for its receipt, has too. */
  async function reusedReferences(parts: readonly StoredPart[], windowMs: number): Promise<ReusedReference[]> {
    return db.query<ReusedReference>(
      `select n.smsc, n.reference, n.delivery_id as "deliveryId", p.delivery_id as "earlierDeliveryId"
       from unnest($1::text[], $2::text[], $3::bigint[], $4::timestamptz[]) as n(smsc, reference, delivery_id, submitted_at)
       join sms_parts p on p.smsc = n.smsc and p.reference = n.reference and p.status = ${PART_SUBMITTED}
        and p.delivery_id <> n.delivery_id and p.submitted_at >= n.submitted_at - $5 * interval '1 millisecond'`,
      [
        parts.map((p) => p.smsc),
        parts.map((p) => p.reference),
        parts.map((p) => p.deliveryId),
        parts.map((p) => p.submittedAt),
        windowMs,
      ],
    );
  }

  /**
   * A part already stored for the delivery (a result stored twice) is not stored again. Parts of the delivery on
   * another SMSC are superseded: the SMS was sent whole there after the first attempt was cut short (failover).
   */
  async function storeParts(parts: readonly StoredPart[], at: Date): Promise<void> {
    await db.execute(
      `update sms_parts p set status = ${SUPERSEDED}, updated_at = $3
       from unnest($1::bigint[], $2::text[]) as n(delivery_id, smsc)
       where p.delivery_id = n.delivery_id and p.smsc <> n.smsc and p.status <> ${SUPERSEDED}`,
      [parts.map((p) => p.deliveryId), parts.map((p) => p.smsc), at],
    );
    await db.execute(
      `insert into sms_parts (smsc, reference, delivery_id, part, parts, concat_reference, status, submitted_at, updated_at)
       select n.smsc, n.reference, n.delivery_id, n.part, n.parts, n.concat_reference, ${PART_SUBMITTED}, n.submitted_at, $8
       from unnest($1::text[], $2::text[], $3::bigint[], $4::int[], $5::int[], $6::int[], $7::timestamptz[])
         as n(smsc, reference, delivery_id, part, parts, concat_reference, submitted_at)
       where not exists (select 1 from sms_parts p
                         where p.delivery_id = n.delivery_id and p.part = n.part and p.status <> ${SUPERSEDED})`,
      [
        parts.map((p) => p.smsc),
        parts.map((p) => p.reference),
        parts.map((p) => p.deliveryId),
        parts.map((p) => p.part),
        parts.map((p) => p.parts),
        parts.map((p) => p.concatReference),
        parts.map((p) => p.submittedAt),
        at,
      ],
    );
  }

  /**
   * Fencing: the results a worker may store. Its own claims, and what went out although it was taken back in
   * the meantime and nobody holds it now (queued again: storing it saves a second SMS). Never a delivery that
   * another worker holds.
   */
  async function storable(results: readonly SubmitResult[], workerId: string) {
    const rows = await db.query<{ id: number; mine: boolean }>(
      `select id, status = 'sending' as mine from deliveries
       where id = any($1::bigint[]) and ((status = 'sending' and claimed_by = $2) or status = 'queued')
       order by id for update`,
      [results.map((r) => r.deliveryId), workerId],
    );
    const mine = new Set(rows.filter((r) => r.mine).map((r) => Number(r.id)));
    const queued = new Set(rows.filter((r) => !r.mine).map((r) => Number(r.id)));
    const keep = (r: SubmitResult) => mine.has(r.deliveryId) || (r.kind === 'accepted' && queued.has(r.deliveryId));
    return { kept: results.filter(keep), fenced: results.filter((r) => !keep(r)).map((r) => r.deliveryId) };
  }

  return {
    async recordSubmitResults(all: readonly SubmitResult[], at, rules, workerId) {
      const { kept: results, fenced } = await storable(all, workerId);
      const accepted = results.filter((r) => r.kind === 'accepted');
      const rejected = results.filter((r) => r.kind === 'rejected');
      const unavailable = results.filter((r) => r.kind === 'unavailable');
      const parts = [
        ...accepted.flatMap((r) => partsOf(r.deliveryId, r)),
        ...unavailable.flatMap((r) => (r.partial === undefined ? [] : partsOf(r.deliveryId, r.partial))),
      ];
      let reused: ReusedReference[] = [];
      let receipts = NO_RECEIPTS;
      if (parts.length > 0) {
        await db.execute('select pg_advisory_xact_lock($1)', [RECEIPT_MATCHING_LOCK]);
        reused = await reusedReferences(parts, rules.windowMs);
        await storeParts(parts, at);
      }
      if (accepted.length > 0) {
        await db.execute(
          `update deliveries set ${SUBMITTED.set(null)}, submitted_at = $2
           where id = any($1::bigint[]) and ${SUBMITTED.where}`,
          [accepted.map((r) => r.deliveryId), at],
        );
      }
      if (parts.length > 0) {
        // Receipts that overtook these parts; then the deliveries whose every receipt came that way.
        receipts = await matchReceipts(db, await pendingFor(db, parts), at, rules);
        await settleByParts(
          db,
          accepted.map((r) => r.deliveryId),
          at,
        );
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
      return { reused, receipts, fenced };
    },
  };
}
