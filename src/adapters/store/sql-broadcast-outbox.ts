import type { BroadcastLogEntry, BroadcastOutbox, ClaimedBroadcast } from '../../app/ports/broadcast-outbox.js';
import { orphanedClaim } from './sql-worker-leases.js';
import type { PublicView } from '../../domain/action/public-view.js';
import { ACTION_EVENT_KINDS, type ActionEvent, type ActionEventKind } from '../../domain/broadcast/action-event.js';
import { OUTBOX_STATUSES, type OutboxStatus } from '../../domain/broadcast/outbox-delivery.js';
import type { Queryable } from './database/database.js';

/** The event as stored: the public view with its dates as ISO strings. */
interface StoredPayload {
  readonly action: Omit<PublicView, 'startedAt' | 'endedAt' | 'updatedAt'> & {
    readonly startedAt: string;
    readonly endedAt: string | null;
    readonly updatedAt: string;
  };
  readonly updateText: string | null;
}

interface ClaimRow {
  position: string | number;
  destination: string;
  attempts: number;
  created_at: Date;
  event_id: string;
  kind: string;
  sequence: number;
  occurred_at: Date;
  payload: StoredPayload | string;
}

interface LogRow {
  destination: string;
  event_id: string;
  kind: string;
  action_id: string;
  number: string;
  sequence: number;
  status: string;
  attempts: number;
  last_http_status: number | null;
  last_reason: string | null;
  created_at: Date;
  next_attempt_at: Date;
  settled_at: Date | null;
}

const kindOf = (value: string): ActionEventKind => {
  const kind = ACTION_EVENT_KINDS.find((k) => k === value);
  if (kind === undefined) throw new Error(`unknown action event kind ${value}`);
  return kind;
};
const statusOf = (value: string): OutboxStatus => {
  const status = OUTBOX_STATUSES.find((s) => s === value);
  if (status === undefined) throw new Error(`unknown outbox status ${value}`);
  return status;
};

function toPayload(event: ActionEvent): StoredPayload {
  const { startedAt, endedAt, updatedAt, ...rest } = event.action;
  return {
    action: {
      ...rest,
      startedAt: startedAt.toISOString(),
      endedAt: endedAt?.toISOString() ?? null,
      updatedAt: updatedAt.toISOString(),
    },
    updateText: event.updateText,
  };
}

function toEvent(row: ClaimRow): ActionEvent {
  const payload: StoredPayload =
    typeof row.payload === 'string' ? (JSON.parse(row.payload) as StoredPayload) : row.payload;
  const { startedAt, endedAt, updatedAt, ...rest } = payload.action;
  return {
    id: row.event_id,
    kind: kindOf(row.kind),
    sequence: row.sequence,
    occurredAt: row.occurred_at,
    action: {
      ...rest,
      startedAt: new Date(startedAt),
      endedAt: endedAt === null ? null : new Date(endedAt),
      updatedAt: new Date(updatedAt),
    },
    updateText: payload.updateText,
  };
}

export function createSqlBroadcastOutbox(db: Queryable): BroadcastOutbox {
  return {
    async nextSequence(actionId) {
      const [row] = await db.query<{ n: number }>(
        'select coalesce(max(sequence), 0)::int + 1 as n from action_events where action_id = $1',
        [actionId],
      );
      return row?.n ?? 1;
    },

    async recordEvent(event, destinations) {
      await db.execute(
        `insert into action_events (id, action_id, sequence, kind, occurred_at, payload) values ($1, $2, $3, $4, $5, $6::jsonb)`,
        [event.id, event.action.id, event.sequence, event.kind, event.occurredAt, JSON.stringify(toPayload(event))],
      );
      if (destinations.length === 0) return;
      await db.execute(
        `insert into broadcast_outbox (event_id, destination, status, next_attempt_at, created_at)
         select $1, d, 'pending', $3, $3 from unnest($2::text[]) with ordinality as t(d, n) order by n`,
        [event.id, destinations, event.occurredAt],
      );
    },

    async claimHead(destination, workerId, now) {
      // The head is the oldest open row of the destination. It is claimed only while it is pending and due: when
      // the head is in flight (here or on another node) nothing is claimed, so no event overtakes another.
      const rows = await db.query<ClaimRow>(
        `with head as (
           select position from broadcast_outbox where destination = $1 and status in ('pending', 'sending')
           order by position limit 1
         ), claimed as (
           update broadcast_outbox o set status = 'sending', claimed_by = $2, claimed_at = $3, attempts = o.attempts + 1
           from head where o.position = head.position and o.status = 'pending' and o.next_attempt_at <= $3
           returning o.position, o.destination, o.attempts, o.created_at, o.event_id
         )
         select c.position, c.destination, c.attempts, c.created_at, c.event_id, e.kind, e.sequence, e.occurred_at, e.payload
         from claimed c join action_events e on e.id = c.event_id`,
        [destination, workerId, now],
      );
      const row = rows[0];
      if (row === undefined) return null;
      const claimed: ClaimedBroadcast = {
        position: Number(row.position),
        destination: row.destination,
        event: toEvent(row),
        attempts: row.attempts,
        createdAt: row.created_at,
      };
      return claimed;
    },

    async settle(position, settlement, detail, now) {
      const open = settlement.status === 'pending';
      await db.execute(
        `update broadcast_outbox set status = $2, claimed_by = null, claimed_at = null,
           next_attempt_at = coalesce($3, next_attempt_at), last_http_status = $4, last_reason = left($5, 200),
           settled_at = case when $6 then null else $7::timestamptz end
         where position = $1 and status = 'sending'`,
        [
          position,
          settlement.status,
          open ? settlement.nextAttemptAt : null,
          detail.httpStatus,
          detail.reason,
          open,
          now,
        ],
      );
    },

    async requeueInFlight(orphanedAt, exceptWorker) {
      return db.execute(
        `update broadcast_outbox set status = 'pending', claimed_by = null, claimed_at = null
         where status = 'sending' and ${orphanedClaim('claimed_by', '$1')} and claimed_by <> $2`,
        [orphanedAt, exceptWorker],
      );
    },

    async nextDue(destination) {
      const [row] = await db.query<{ next_attempt_at: Date | null }>(
        `select case when status = 'pending' then next_attempt_at end as next_attempt_at
         from broadcast_outbox where destination = $1 and status in ('pending', 'sending') order by position limit 1`,
        [destination],
      );
      return row?.next_attempt_at ?? null;
    },

    async log(filter) {
      const rows = await db.query<LogRow>(
        `select o.destination, o.event_id, e.kind, e.action_id, a.number, e.sequence, o.status, o.attempts, o.last_http_status,
                o.last_reason, o.created_at, o.next_attempt_at, o.settled_at
         from broadcast_outbox o join action_events e on e.id = o.event_id join actions a on a.id = e.action_id
         where ($1::text is null or o.destination = $1) and ($2::uuid is null or e.action_id = $2)
           and ($4::text is null or a.meldkamer_code = $4)
         order by o.position desc limit $3`,
        [filter.destination, filter.actionId, filter.limit, filter.meldkamerCode],
      );
      return rows.map((r): BroadcastLogEntry => ({
        destination: r.destination,
        eventId: r.event_id,
        kind: kindOf(r.kind),
        actionId: r.action_id,
        actionNumber: r.number,
        sequence: r.sequence,
        status: statusOf(r.status),
        attempts: r.attempts,
        lastHttpStatus: r.last_http_status,
        lastReason: r.last_reason,
        createdAt: r.created_at,
        nextAttemptAt: r.next_attempt_at,
        settledAt: r.settled_at,
      }));
    },
  };
}
