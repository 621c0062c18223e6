import type { SelfServiceRepository, Verification } from '../../app/ports/self-service-repository.js';
import type { CodeChannel, CodePurpose } from '../../domain/self-service/verification.js';
import type { SecretBox } from '../crypto/secret-box.js';
import type { Queryable } from './database/database.js';
import { transition } from './dispatch/delivery-sql.js';

interface VerificationRow {
  id: string;
  purpose: CodePurpose;
  channel: CodeChannel;
  target_hash: string;
  participant_id: string | null;
  code_hash: string;
  payload: unknown;
  attempts: number;
  status: Verification['status'];
  created_at: Date;
  expires_at: Date;
}

const ERASED = transition({ status: 'status', event: 'recipient-erased' });

/** Counters older than this are gone: every limit counts per hour. */
const COUNTER_KEEP_MS = 2 * 3_600_000;

export function createSqlSelfServiceRepository(db: Queryable, secrets: SecretBox): SelfServiceRepository {
  return {
    async insertVerification(v) {
      await db.execute(
        `insert into verification_codes (id, purpose, channel, target_hash, participant_id, code_hash, payload, attempts, status, created_at, expires_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          v.id,
          v.purpose,
          v.channel,
          v.targetHash,
          v.participantId,
          v.codeHash,
          v.payload === null ? null : JSON.stringify(v.payload),
          v.attempts,
          v.status,
          v.createdAt,
          v.expiresAt,
        ],
      );
    },

    async findVerificationForUpdate(id) {
      const [r] = await db.query<VerificationRow>('select * from verification_codes where id = $1 for update', [id]);
      if (r === undefined) return null;
      return {
        id: r.id,
        purpose: r.purpose,
        channel: r.channel,
        targetHash: r.target_hash,
        participantId: r.participant_id,
        codeHash: r.code_hash,
        payload: r.payload,
        attempts: r.attempts,
        status: r.status,
        createdAt: r.created_at,
        expiresAt: r.expires_at,
      };
    },

    async updateVerification(id, change) {
      // A used or dead code no longer needs the sign-up details it carried.
      await db.execute(
        `update verification_codes set attempts = $2, status = $3, payload = case when $3 = 'open' then payload end where id = $1`,
        [id, change.attempts, change.status],
      );
    },

    async recordSendOutcome(id, status, failure) {
      await db.execute('update verification_codes set send_status = $2, send_failure = $3 where id = $1', [
        id,
        status,
        failure,
      ]);
    },

    async countUp(limitName, keyHash, windowStart) {
      const [row] = await db.query<{ count: number }>(
        `insert into abuse_counters (limit_name, key_hash, window_start, count) values ($1, $2, $3, 1)
         on conflict (limit_name, key_hash, window_start) do update set count = abuse_counters.count + 1
         returning count`,
        [limitName, keyHash, windowStart],
      );
      return row?.count ?? 1;
    },

    async countOf(limitName, keyHash, windowStart) {
      const [row] = await db.query<{ count: number }>(
        'select count from abuse_counters where limit_name = $1 and key_hash = $2 and window_start = $3',
        [limitName, keyHash, windowStart],
      );
      return row?.count ?? 0;
    },

    async recordLimitHit(limitName, hour) {
      await db.execute(
        `insert into abuse_limit_hits (limit_name, hour, hits) values ($1, $2, 1)
         on conflict (limit_name, hour) do update set hits = abuse_limit_hits.hits + 1`,
        [limitName, hour],
      );
    },

    async limitHitsSince(since) {
      const rows = await db.query<{ limit_name: string; hour: Date; hits: number }>(
        'select limit_name, hour, hits from abuse_limit_hits where hour >= $1 order by hour, limit_name',
        [since],
      );
      return rows.map((r) => ({ limitName: r.limit_name, hour: r.hour, hits: r.hits }));
    },

    async participantsWithNumber(msisdn) {
      const rows = await db.query<{ participant_id: string }>(
        'select participant_id from registrations where msisdn = $1 group by participant_id order by min(created_at), participant_id',
        [msisdn],
      );
      return rows.map((r) => r.participant_id);
    },

    async participantWithConfirmedEmail(email) {
      const [row] = await db.query<{ id: string }>(
        'select id from participants where lower(email) = $1 and email_confirmed_at is not null order by created_at limit 1',
        [email],
      );
      return row?.id ?? null;
    },

    async createSession(tokenHash, participantId, createdAt, expiresAt) {
      await db.execute(
        'insert into participant_sessions (token_hash, participant_id, created_at, expires_at) values ($1, $2, $3, $4)',
        [tokenHash, participantId, createdAt, expiresAt],
      );
    },

    async findSession(tokenHash, now) {
      const [row] = await db.query<{ participant_id: string }>(
        'select participant_id from participant_sessions where token_hash = $1 and expires_at > $2',
        [tokenHash, now],
      );
      return row?.participant_id ?? null;
    },

    async deleteSession(tokenHash) {
      await db.execute('delete from participant_sessions where token_hash = $1', [tokenHash]);
    },

    async setPause(participantId, pause, at) {
      const params = [participantId, pause?.from ?? null, pause?.until ?? null, at];
      await db.execute(
        'update participants set paused_from = $2, paused_until = $3, updated_at = $4 where id = $1',
        params,
      );
      await db.execute(
        'update registrations set paused_from = $2, paused_until = $3 where participant_id = $1',
        params.slice(0, 3),
      );
    },

    async confirmEmail(participantId, email, at) {
      return (
        (await db.execute(
          'update participants set email_confirmed_at = coalesce(email_confirmed_at, $3), updated_at = $3 where id = $1 and lower(email) = lower($2)',
          [participantId, email, at],
        )) === 1
      );
    },

    async removeEmail(participantId, email, at) {
      return (
        (await db.execute(
          'update participants set email = null, email_confirmed_at = null, updated_at = $3 where id = $1 and lower(email) = lower($2)',
          [participantId, email, at],
        )) === 1
      );
    },

    async deliveriesTo(msisdns) {
      if (msisdns.length === 0) return [];
      const rows = await db.query<{
        number: string;
        kind: string;
        channel: string;
        status: string;
        queued_at: Date;
        final_at: Date | null;
      }>(
        `select a.number, m.kind, d.channel, d.status, d.queued_at, d.final_at
         from deliveries d join actions a on a.id = d.action_id join action_messages m on m.id = d.message_id
         where d.msisdn = any($1::text[]) order by d.queued_at desc, d.id desc limit 1000`,
        [msisdns],
      );
      return rows.map((r) => ({
        actionNumber: r.number,
        messageKind: r.kind,
        channel: r.channel,
        status: r.status,
        queuedAt: r.queued_at,
        finalAt: r.final_at,
      }));
    },

    async eraseParticipant(participantId, msisdns, targetHashes, at) {
      // Still queued: never sent, and now never will be. Sent: the action keeps its figures (how many were reached,
      // delivered), but the number and the link to the address go. Updates and closing messages skip them.
      await db.execute(
        `update deliveries set ${ERASED.set('$2')}, failure_reason = 'participant-deleted'
         where msisdn = any($1::text[]) and ${ERASED.where}`,
        [msisdns, at],
      );
      await db.execute(
        `update deliveries set msisdn = 'verwijderd-' || id::text, registration_id = null where msisdn = any($1::text[])`,
        [msisdns],
      );
      await db.execute('delete from verification_codes where participant_id = $1 or target_hash = any($2::text[])', [
        participantId,
        targetHashes,
      ]);
      await db.execute('delete from abuse_counters where key_hash = any($1::text[])', [targetHashes]);
      await db.execute('delete from participant_sessions where participant_id = $1', [participantId]);
      await db.execute('delete from participants where id = $1', [participantId]);
    },

    async purgeExpired(now) {
      await db.execute(`update verification_codes set payload = null where payload is not null and expires_at < $1`, [
        now,
      ]);
      await db.execute('delete from verification_codes where expires_at < $1', [new Date(now.getTime() - 3_600_000)]);
      await db.execute('delete from participant_sessions where expires_at < $1', [now]);
      await db.execute('delete from abuse_counters where window_start < $1', [
        new Date(now.getTime() - COUNTER_KEEP_MS),
      ]);
    },

    async secret(name, generate, at) {
      // Sealed in the database (SecretBox), bound to its name.
      await db.execute(
        'insert into signing_secrets (name, secret, created_at) values ($1, $2, $3) on conflict (name) do nothing',
        [name, secrets.seal('signing_secrets.secret', name, generate()), at],
      );
      const [row] = await db.query<{ secret: string }>('select secret from signing_secrets where name = $1', [name]);
      if (row === undefined) throw new Error(`signing secret ${name} was not stored`);
      return secrets.open('signing_secrets.secret', name, row.secret);
    },
  };
}
