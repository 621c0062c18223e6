import { assertNever } from '../../../domain/assert-never.js';
import { matchReceipt, type ReceiptRules, type SetAsideReason } from '../../../domain/delivery/receipt-matching.js';
import { INITIAL_PART_STATUS, type SmsPartStatus } from '../../../domain/delivery/sms-parts.js';
import type {
  DispatchRepository,
  ReceiptMatching,
  ReceiptRecord,
  SetAsideReceipt,
} from '../../../app/ports/dispatch-repository.js';
import type { Queryable } from '../database/database.js';
import { PARTS_EVENTS, sqlLiteral, sqlPartsEvent, transition } from './delivery-sql.js';

// Storing submit results and matching receipts take turns (each runs in its caller's transaction). Otherwise a
// receipt matched while its part is being stored sees no part, the part sees no waiting receipt, and the receipt
// waits for housekeeping.
export const RECEIPT_MATCHING_LOCK = 4_711_0012;
/** Pending receipts decided per housekeeping round. */
const RECONCILE_BATCH = 10_000;

export const PART_SUBMITTED = sqlLiteral(INITIAL_PART_STATUS);
const SETTLED = transition({ status: 'd.status', event: { column: 's.event', kinds: PARTS_EVENTS } });

export const NO_RECEIPTS: ReceiptMatching = { credited: 0, waiting: 0, repeated: 0, setAside: [] };

/** A receipt to match: just received, or waiting in pending_receipts (its row id). */
export interface ReceiptToMatch extends ReceiptRecord {
  readonly pendingId: number | null;
}

interface CandidateRow {
  /** 1-based position of the receipt in the batch. */
  i: number;
  part_id: number;
  delivery_id: number;
  action_id: string;
  status: SmsPartStatus;
  submitted_at: Date;
}

interface SetAsideRow {
  readonly receipt: ReceiptToMatch;
  readonly reason: SetAsideReason;
  readonly candidates: readonly CandidateRow[];
}

/** Deliveries whose parts' receipts now amount to an outcome (docs: domain/delivery/sms-parts.ts) get it. */
export async function settleByParts(db: Queryable, deliveryIds: readonly number[], at: Date): Promise<void> {
  if (deliveryIds.length === 0) return;
  await db.execute(
    `update deliveries d set ${SETTLED.set('$2')}
     from (select delivery_id, ${sqlPartsEvent({ status: 'status', part: 'part', parts: 'parts' })} as event
           from sms_parts where delivery_id = any($1::bigint[]) group by delivery_id) s
     where d.id = s.delivery_id and s.event is not null and ${SETTLED.where}`,
    [[...new Set(deliveryIds)], at],
  );
}

/**
 * Decides on each receipt with the domain's rule (domain/delivery/receipt-matching.ts) over the parts with its SMSC
 * and message id, and carries it out: credits the part (and settles its delivery), keeps the receipt waiting, or
 * sets it aside. Call under RECEIPT_MATCHING_LOCK.
 */
export async function matchReceipts(
  db: Queryable,
  receipts: readonly ReceiptToMatch[],
  at: Date,
  rules: ReceiptRules,
): Promise<ReceiptMatching> {
  if (receipts.length === 0) return NO_RECEIPTS;
  const earliest = receipts.reduce((min, r) => Math.min(min, r.at.getTime()), Infinity) - rules.windowMs;
  const rows = await db.query<CandidateRow>(
    `select r.i, p.id as part_id, p.delivery_id, d.action_id, p.status, p.submitted_at
     from unnest($1::text[], $2::text[]) with ordinality as r(smsc, reference, i)
     join sms_parts p on p.smsc = r.smsc and p.reference = r.reference and p.submitted_at >= $3
     join deliveries d on d.id = p.delivery_id
     order by r.i, p.id`,
    [receipts.map((r) => r.smsc), receipts.map((r) => r.reference), new Date(earliest)],
  );
  const byReceipt = new Map<number, CandidateRow[]>();
  for (const row of rows) byReceipt.set(row.i, [...(byReceipt.get(row.i) ?? []), row]);

  const credits: { readonly partId: number; readonly receipt: ReceiptToMatch }[] = [];
  const newlyWaiting: ReceiptToMatch[] = [];
  const setAside: SetAsideRow[] = [];
  const decidedPending: number[] = [];
  let waiting = 0;
  let repeated = 0;
  receipts.forEach((receipt, index) => {
    const found = byReceipt.get(index + 1) ?? [];
    const match = matchReceipt(
      receipt.at,
      found.map((c) => ({ partId: c.part_id, status: c.status, submittedAt: c.submitted_at })),
      at,
      rules,
    );
    switch (match.kind) {
      case 'wait':
        waiting += 1;
        if (receipt.pendingId === null) newlyWaiting.push(receipt);
        return;
      case 'credit':
        credits.push({ partId: match.partId, receipt });
        break;
      case 'repeat':
        repeated += 1;
        break;
      case 'set-aside':
        setAside.push({
          receipt,
          reason: match.reason,
          candidates: found.filter((c) => match.partIds.includes(c.part_id)),
        });
        break;
      default:
        assertNever(match);
    }
    if (receipt.pendingId !== null) decidedPending.push(receipt.pendingId);
  });

  if (credits.length > 0) {
    const updated = await db.query<{ delivery_id: number }>(
      `update sms_parts p set status = c.status, updated_at = c.at
       from unnest($1::bigint[], $2::text[], $3::timestamptz[]) as c(id, status, at)
       where p.id = c.id and p.status = ${PART_SUBMITTED}
       returning p.delivery_id`,
      [credits.map((c) => c.partId), credits.map((c) => c.receipt.status), credits.map((c) => c.receipt.at)],
    );
    const latest = credits.reduce((max, c) => (c.receipt.at > max ? c.receipt.at : max), credits[0]!.receipt.at);
    await settleByParts(
      db,
      updated.map((u) => u.delivery_id),
      latest,
    );
  }
  if (newlyWaiting.length > 0) {
    await db.execute(
      `insert into pending_receipts (smsc, reference, status, received_at)
       select * from unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[])`,
      [
        newlyWaiting.map((r) => r.smsc),
        newlyWaiting.map((r) => r.reference),
        newlyWaiting.map((r) => r.status),
        newlyWaiting.map((r) => r.at),
      ],
    );
  }
  if (decidedPending.length > 0) {
    await db.execute('delete from pending_receipts where id = any($1::bigint[])', [decidedPending]);
  }
  if (setAside.length > 0) await keepAside(db, setAside, at);
  // Two receipts for one part in one batch (sent twice): the second is a repeat.
  const credited = new Set(credits.map((c) => c.partId)).size;
  return {
    credited,
    waiting,
    repeated: repeated + credits.length - credited,
    setAside: setAside.map((s): SetAsideReceipt => ({
      smsc: s.receipt.smsc,
      reference: s.receipt.reference,
      reason: s.reason,
      candidates: s.candidates.map((c) => ({ deliveryId: c.delivery_id, actionId: c.action_id })),
    })),
  };
}

async function keepAside(db: Queryable, rows: readonly SetAsideRow[], at: Date): Promise<void> {
  const json = rows.map((s) => ({
    smsc: s.receipt.smsc,
    reference: s.receipt.reference,
    status: s.receipt.status,
    received_at: s.receipt.at.toISOString(),
    reason: s.reason,
    parts: s.candidates.map((c) => c.part_id),
    actions: [...new Set(s.candidates.map((c) => c.action_id))],
  }));
  await db.execute(
    `insert into unmatched_receipts
       (smsc, reference, status, received_at, reason, candidate_parts, candidate_actions, set_aside_at)
     select r.smsc, r.reference, r.status, r.received_at, r.reason,
            array(select jsonb_array_elements_text(r.parts)::bigint),
            array(select jsonb_array_elements_text(r.actions)::uuid), $2
     from jsonb_to_recordset($1::jsonb) as r(smsc text, reference text, status text, received_at timestamptz,
                                            reason text, parts jsonb, actions jsonb)`,
    [JSON.stringify(json), at],
  );
}

/** Receipts waiting in pending_receipts for parts with these SMSCs and message ids. */
export async function pendingFor(
  db: Queryable,
  parts: readonly { readonly smsc: string; readonly reference: string }[],
): Promise<ReceiptToMatch[]> {
  if (parts.length === 0) return [];
  const rows = await db.query<PendingRow>(
    `select r.id, r.smsc, r.reference, r.status, r.received_at from pending_receipts r
     join unnest($1::text[], $2::text[]) as p(smsc, reference) on r.smsc = p.smsc and r.reference = p.reference
     order by r.id`,
    [parts.map((p) => p.smsc), parts.map((p) => p.reference)],
  );
  return rows.map(fromPending);
}

interface PendingRow {
  id: number;
  smsc: string;
  reference: string;
  status: ReceiptRecord['status'];
  received_at: Date;
}

const fromPending = (r: PendingRow): ReceiptToMatch => ({
  pendingId: r.id,
  smsc: r.smsc,
  reference: r.reference,
  status: r.status,
  at: r.received_at,
});

/** Delivery receipts from the SMSCs: matched to their parts as they come, and again while they wait. */
export function createSqlSmsReceipts(
  db: Queryable,
): Pick<DispatchRepository, 'recordReceipts' | 'reconcilePendingReceipts'> {
  return {
    async recordReceipts(receipts, at, rules) {
      if (receipts.length === 0) return NO_RECEIPTS;
      await db.execute('select pg_advisory_xact_lock($1)', [RECEIPT_MATCHING_LOCK]);
      return matchReceipts(
        db,
        receipts.map((r) => ({ ...r, pendingId: null })),
        at,
        rules,
      );
    },

    async reconcilePendingReceipts(at, rules) {
      await db.execute('select pg_advisory_xact_lock($1)', [RECEIPT_MATCHING_LOCK]);
      const rows = await db.query<PendingRow>(
        'select id, smsc, reference, status, received_at from pending_receipts order by id limit $1',
        [RECONCILE_BATCH],
      );
      return matchReceipts(db, rows.map(fromPending), at, rules);
    },
  };
}
