import type {
  PushSubscriptionRepository,
  PushSubscriptionRecord,
} from '../../app/ports/push-subscription-repository.js';
import type { Queryable } from './database/database.js';

interface SubscriptionRow {
  id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  token_hash: string;
  created_at: Date;
  last_seen_on: string;
}

const toRecord = (r: SubscriptionRow): PushSubscriptionRecord => ({
  id: r.id,
  endpoint: r.endpoint,
  p256dh: r.p256dh,
  auth: r.auth,
  tokenHash: r.token_hash,
  createdAt: r.created_at,
  lastSeenOn: r.last_seen_on,
});

export function createSqlPushSubscriptionRepository(db: Queryable): PushSubscriptionRepository {
  return {
    async saveSubscription(s) {
      const [row] = await db.query<{ replaced_id: string | null }>(
        `with previous as (select id from push_subscriptions where endpoint = $2)
         insert into push_subscriptions (id, endpoint, p256dh, auth, token_hash, created_at, last_seen_on)
         values ($1, $2, $3, $4, $5, $6, $7::date)
         on conflict (endpoint) do update set id = excluded.id, p256dh = excluded.p256dh, auth = excluded.auth,
           token_hash = excluded.token_hash, created_at = excluded.created_at, last_seen_on = excluded.last_seen_on
         returning (select id from previous) as replaced_id`,
        [s.id, s.endpoint, s.p256dh, s.auth, s.tokenHash, s.createdAt, s.lastSeenOn],
      );
      return { replacedId: row?.replaced_id ?? null };
    },

    async findSubscription(id) {
      const [row] = await db.query<SubscriptionRow>(
        `select id, endpoint, p256dh, auth, token_hash, created_at, last_seen_on::text as last_seen_on
         from push_subscriptions where id = $1`,
        [id],
      );
      return row === undefined ? null : toRecord(row);
    },

    async noteSeen(id, day) {
      await db.execute(
        'update push_subscriptions set last_seen_on = $2::date where id = $1 and last_seen_on < $2::date',
        [id, day],
      );
    },

    async deleteSubscriptions(ids) {
      if (ids.length === 0) return 0;
      return db.execute('delete from push_subscriptions where id = any($1::uuid[])', [ids]);
    },

    async deleteUnseenSince(day) {
      return db.execute('delete from push_subscriptions where last_seen_on < $1::date', [day]);
    },
  };
}
