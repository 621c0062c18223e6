import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../src/adapters/store/database/database.js';

export interface SentAction {
  readonly meldkamerCode: string;
  /** Numbers the action's alert was sent to (E.164). */
  readonly msisdns: readonly string[];
  /** When the alert was queued for them. */
  readonly sentAt: Date;
  readonly status?: 'actief' | 'afgesloten';
  readonly deliveryStatus?: 'queued' | 'sending' | 'submitted' | 'delivered' | 'failed' | 'expired' | 'cancelled';
}

/**
 * Writes an action with its alert and deliveries straight into the store: the state dispatch leaves behind,
 * for tests and benchmarks of what reads it (thousands of numbers in one statement).
 */
export async function insertSentAction(db: Queryable, action: SentAction): Promise<string> {
  const actionId = randomUUID();
  const messageId = randomUUID();
  const staffId = randomUUID();
  const status = action.status ?? 'actief';
  await db.execute("insert into staff (id, name, role, meldkamer_code) values ($1, 'Centralist', 'centralist', $2)", [
    staffId,
    action.meldkamerCode,
  ]);
  await db.execute(
    `insert into actions (id, number, type, meldkamer_code, status, priority, message, area, result, created_at, created_by, started_at, started_by, updated_at)
     values ($1, $2, 'vermissing', $3, $4, 1, 'Vermist: test', '{"kind":"circle","centre":{"lat":52.37,"lon":4.89},"radiusMetres":1000}', $5, $6, $7, $6, $7, $6)`,
    [
      actionId,
      `T-${actionId.slice(0, 8)}`,
      action.meldkamerCode,
      status,
      status === 'afgesloten' ? 'gevonden' : null,
      action.sentAt,
      staffId,
    ],
  );
  await db.execute(
    "insert into action_messages (id, action_id, ordinal, kind, text, created_at, created_by) values ($1, $2, 1, 'alert', 'Vermist: test', $3, $4)",
    [messageId, actionId, action.sentAt, staffId],
  );
  await db.execute(
    `insert into deliveries (action_id, message_id, message_ordinal, msisdn, channel, distance_m, status, queued_at)
     select $1, $2, 1, m, 'sms', 100, $3, $4 from unnest($5::text[]) as m`,
    [actionId, messageId, action.deliveryStatus ?? 'delivered', action.sentAt, action.msisdns],
  );
  return actionId;
}
