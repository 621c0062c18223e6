import { assertNever } from '../../domain/assert-never.js';
import type { DeliveryEventKind } from '../../domain/delivery/delivery-event.js';
import type { RetryCause } from '../../domain/delivery/requeue.js';
import type { CallOutcome, CallOutcomeKind } from '../../app/ports/voice-channel.js';
import type { VoiceCallRecord, VoiceCallRepository } from '../../app/ports/voice-call-repository.js';
import type { Queryable } from './database/database.js';
import { sqlAttempts, transition } from './dispatch/delivery-sql.js';

type CallEvent = Extract<DeliveryEventKind, 'receipt-delivered' | 'send-failed-final' | 'send-failed-retryable'>;

/** What a call makes of its delivery: answered is delivered; without a retry it failed; otherwise it may be tried again. */
function callEventOf(r: VoiceCallRecord): CallEvent {
  if (r.outcome.kind === 'answered') return 'receipt-delivered';
  return r.retryAt === null ? 'send-failed-final' : 'send-failed-retryable';
}

/** A trunk that could not be reached never rang the number; any other call did. */
function retryCauseOf(o: CallOutcome): RetryCause {
  switch (o.kind) {
    case 'unavailable':
      return 'channel-unavailable';
    case 'answered':
    case 'busy':
    case 'no-answer':
    case 'rejected':
    case 'failed':
      return 'not-answered';
    default:
      return assertNever(o);
  }
}

const CALL_EVENTS: readonly CallEvent[] = ['receipt-delivered', 'send-failed-final', 'send-failed-retryable'];
const AFTER_CALL = transition({
  status: 'd.status',
  event: { column: 'r.event', kinds: CALL_EVENTS },
  attempts: 'd.attempts',
  actionStatus: 'a.status',
  messageKind: 'm.kind',
  cause: { column: 'r.cause' },
});
const DEFERRED = transition({ status: 'status', event: 'deferred' });
const WAITING = transition({ status: 'status', event: 'claimed' }).where;

const sipStatusOf = (o: CallOutcome): number | null => {
  switch (o.kind) {
    case 'answered':
      return 200;
    case 'busy':
    case 'rejected':
      return o.sipStatus;
    case 'no-answer':
    case 'failed':
      return o.sipStatus;
    case 'unavailable':
      return null;
    default:
      return assertNever(o);
  }
};

const reasonOf = (o: CallOutcome): string => {
  switch (o.kind) {
    case 'answered':
      return 'answered';
    case 'busy':
      return `busy (SIP ${o.sipStatus})`;
    case 'no-answer':
      return o.sipStatus === null ? 'no answer' : `no answer (SIP ${o.sipStatus})`;
    case 'rejected':
      return `rejected (SIP ${o.sipStatus})`;
    case 'failed':
    case 'unavailable':
      return o.reason.slice(0, 500);
    default:
      return assertNever(o);
  }
};

export function createSqlVoiceCallRepository(db: Queryable): VoiceCallRepository {
  return {
    async callCounts(actionId) {
      const rows = await db.query<{ outcome: CallOutcomeKind; n: number }>(
        `select c.outcome, count(*)::int as n from voice_calls c join deliveries d on d.id = c.delivery_id
         where d.action_id = $1 group by c.outcome`,
        [actionId],
      );
      const [waiting] = await db.query<{ n: number }>(
        `select count(*)::int as n from deliveries
         where action_id = $1 and channel = 'voice' and ${WAITING} and call_outcome is not null`,
        [actionId],
      );
      const byOutcome: Record<CallOutcomeKind, number> = {
        answered: 0,
        busy: 0,
        'no-answer': 0,
        rejected: 0,
        failed: 0,
        unavailable: 0,
      };
      for (const r of rows) byOutcome[r.outcome] = r.n;
      return { byOutcome, waitingForRetry: waiting?.n ?? 0 };
    },

    async recordCalls(records, at) {
      if (records.length === 0) return;
      const column = <T>(f: (r: VoiceCallRecord) => T) => records.map(f);
      await db.execute(
        `insert into voice_calls (delivery_id, attempt, outcome, sip_status, played_ms, repeats, reason, started_at, ended_at)
         select * from unnest($1::bigint[], $2::int[], $3::text[], $4::int[], $5::int[], $6::int[], $7::text[], $8::timestamptz[], $9::timestamptz[])`,
        [
          column((r) => r.deliveryId),
          column((r) => r.attempt),
          column((r) => r.outcome.kind),
          column((r) => sipStatusOf(r.outcome)),
          column((r) => (r.outcome.kind === 'answered' ? Math.round(r.outcome.playedMs) : 0)),
          column((r) => (r.outcome.kind === 'answered' ? r.outcome.repeats : 0)),
          column((r) => (r.outcome.kind === 'answered' ? null : reasonOf(r.outcome))),
          column((r) => r.startedAt),
          column((r) => r.endedAt),
        ],
      );
      // Only a delivery still 'sending' moves: one taken back meanwhile (a lease ran out) is another worker's now.
      // A retry goes back in the queue only while the action wants it (see VoiceCallRecord.retryAt); otherwise
      // it ends as cancelled, as the queued ones did when the action closed.
      await db.execute(
        `update deliveries d set
           ${AFTER_CALL.set('$7::timestamptz')},
           next_attempt_at = case when ${AFTER_CALL.is((status) => status === 'queued')} then r.retry_at end,
           submitted_at = coalesce(d.submitted_at, r.started_at),
           call_outcome = r.outcome,
           played_ms = r.played_ms,
           failure_reason = case when r.outcome = 'answered' then null else r.reason end,
           claimed_at = null, claimed_by = null
         from unnest($1::bigint[], $2::text[], $3::timestamptz[], $4::int[], $5::text[], $6::timestamptz[], $8::text[], $9::text[])
                as r(id, outcome, retry_at, played_ms, reason, started_at, event, cause),
              actions a, action_messages m
         where d.id = r.id and ${AFTER_CALL.where} and a.id = d.action_id and m.id = d.message_id`,
        [
          column((r) => r.deliveryId),
          column((r) => r.outcome.kind),
          column((r) => r.retryAt),
          column((r) => (r.outcome.kind === 'answered' ? Math.round(r.outcome.playedMs) : 0)),
          column((r) => reasonOf(r.outcome)),
          column((r) => r.startedAt),
          at,
          column(callEventOf),
          column((r) => (callEventOf(r) === 'send-failed-retryable' ? retryCauseOf(r.outcome) : null)),
        ],
      );
    },

    async defer(deliveryIds, until) {
      if (deliveryIds.length === 0) return;
      // Not called, so the claim does not count as an attempt.
      await db.execute(
        `update deliveries set ${DEFERRED.set(null)}, next_attempt_at = $2, attempts = ${sqlAttempts('deferred', 'attempts')},
           claimed_at = null, claimed_by = null
         where id = any($1::bigint[]) and ${DEFERRED.where}`,
        [deliveryIds, until],
      );
    },
  };
}
