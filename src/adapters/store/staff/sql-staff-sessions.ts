import type { LoginFailures, StaffSessions, StoredSession } from '../../../app/ports/staff-sessions.js';
import type { SecretBox } from '../../crypto/secret-box.js';
import type { Queryable } from '../database/database.js';

interface SessionRow {
  id_hash: string;
  staff_id: string;
  stage: StoredSession['stage'];
  method: StoredSession['method'];
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  ended_at: Date | null;
  challenge: string | null;
  pending_totp_secret: string | null;
}

/** A TOTP seed waiting for its first code is sealed like an enrolled one (SecretBox), bound to its session. */
function toSession(r: SessionRow, secrets: SecretBox): StoredSession {
  return {
    idHash: r.id_hash,
    staffId: r.staff_id,
    stage: r.stage,
    method: r.method,
    createdAt: new Date(r.created_at),
    lastSeenAt: new Date(r.last_seen_at),
    expiresAt: new Date(r.expires_at),
    endedAt: r.ended_at === null ? null : new Date(r.ended_at),
    challenge: r.challenge,
    pendingTotpSecret:
      r.pending_totp_secret === null
        ? null
        : secrets.open('staff_sessions.pending_totp_secret', r.id_hash, r.pending_totp_secret),
  };
}

export function createSqlStaffSessions(db: Queryable, secrets: SecretBox): StaffSessions {
  const sealPending = (idHash: string, secret: string | null) =>
    secret === null ? null : secrets.seal('staff_sessions.pending_totp_secret', idHash, secret);
  return {
    async create(s) {
      await db.execute(
        `insert into staff_sessions (id_hash, staff_id, stage, method, created_at, last_seen_at, expires_at, challenge, pending_totp_secret)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          s.idHash,
          s.staffId,
          s.stage,
          s.method,
          s.createdAt,
          s.lastSeenAt,
          s.expiresAt,
          s.challenge,
          sealPending(s.idHash, s.pendingTotpSecret),
        ],
      );
    },
    async find(idHash) {
      const [row] = await db.query<SessionRow>('select * from staff_sessions where id_hash = $1', [idHash]);
      return row ? toSession(row, secrets) : null;
    },
    async touch(idHash, at) {
      await db.execute(
        'update staff_sessions set last_seen_at = $2 where id_hash = $1 and ended_at is null and last_seen_at < $2',
        [idHash, at],
      );
    },
    async setStage(idHash, stage) {
      await db.execute('update staff_sessions set stage = $2 where id_hash = $1', [idHash, stage]);
    },
    async setChallenge(idHash, challenge) {
      await db.execute('update staff_sessions set challenge = $2 where id_hash = $1', [idHash, challenge]);
    },
    async setPendingTotpSecret(idHash, secret) {
      await db.execute('update staff_sessions set pending_totp_secret = $2 where id_hash = $1', [
        idHash,
        sealPending(idHash, secret),
      ]);
    },
    async end(idHash, reason, at) {
      await db.execute(
        'update staff_sessions set ended_at = $3, end_reason = $2, challenge = null, pending_totp_secret = null where id_hash = $1 and ended_at is null',
        [idHash, reason, at],
      );
    },
    async endAllOf(staffId, reason, at, exceptIdHash) {
      return db.execute(
        `update staff_sessions set ended_at = $3, end_reason = $2, challenge = null, pending_totp_secret = null
         where staff_id = $1 and ended_at is null and ($4::text is null or id_hash <> $4)`,
        [staffId, reason, at, exceptIdHash ?? null],
      );
    },
  };
}

export function createSqlLoginFailures(db: Queryable): LoginFailures {
  return {
    async record(keys, at) {
      for (const key of keys) await db.execute('insert into login_failures (key_hash, at) values ($1, $2)', [key, at]);
    },
    async since(key, after) {
      const rows = await db.query<{ at: Date }>(
        'select at from login_failures where key_hash = $1 and at > $2 order by at desc limit 1000',
        [key, after],
      );
      return rows.map((r) => new Date(r.at));
    },
    async clear(key) {
      await db.execute('delete from login_failures where key_hash = $1', [key]);
    },
  };
}
