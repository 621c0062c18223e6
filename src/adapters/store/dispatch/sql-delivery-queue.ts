import { INITIAL_STATUS } from '../../../domain/delivery/delivery-status.js';
import { REACHED_STATUSES } from '../../../domain/delivery/reached.js';
import type { DispatchRepository } from '../../../app/ports/dispatch-repository.js';
import type { Queryable } from '../database/database.js';
import { sqlIn, sqlLiteral, sqlMessageKind, transition } from './delivery-sql.js';

const QUEUED = sqlLiteral(INITIAL_STATUS);
const ENDED = transition({ status: 'd.status', event: 'action-ended', messageKind: 'm.kind' });
const ALERT = sqlMessageKind('alert');

/** What goes into the queue (an alert for the people targeted, a message for those reached) and what leaves it unsent. */
export function createSqlDeliveryQueue(
  db: Queryable,
): Pick<DispatchRepository, 'reachedMsisdns' | 'enqueueRecipients' | 'enqueueForReached' | 'cancelQueued'> {
  return {
    async reachedMsisdns(actionId) {
      const rows = await db.query<{ msisdn: string }>(
        `select d.msisdn from deliveries d join action_messages m on m.id = d.message_id
         where d.action_id = $1 and m.kind = ${ALERT}`,
        [actionId],
      );
      return new Set(rows.map((r) => r.msisdn));
    },

    async enqueueRecipients(message, recipients, at) {
      if (recipients.length === 0) return 0;
      // The share lock on a live action makes this wait for a close or update in progress (and be refused
      // after a close), so that no alert slips past a close and no new recipient misses an update.
      const inserted = await db.execute(
        `with live as (select id from actions where id = $1 and status = 'actief' for share)
         insert into deliveries (action_id, message_id, message_ordinal, msisdn, channel, registration_id, distance_m, status, queued_at)
         select $1, $2, $3, r.msisdn, r.channel, r.registration_id, r.distance_m, ${QUEUED}, $4
         from unnest($5::text[], $6::text[], $7::uuid[], $8::int[]) with ordinality as r(msisdn, channel, registration_id, distance_m, n)
         where exists (select 1 from live)
         order by r.n
         on conflict (message_id, msisdn) do nothing`,
        [
          message.actionId,
          message.id,
          message.ordinal,
          at,
          recipients.map((r) => r.msisdn),
          recipients.map((r) => r.channel),
          recipients.map((r) => r.registrationId),
          recipients.map((r) => Math.round(r.distanceMetres)),
        ],
      );
      // People reached later (a widening, or a targeting run still going) also get the updates sent so far.
      await db.execute(
        `insert into deliveries (action_id, message_id, message_ordinal, msisdn, channel, registration_id, distance_m, status, queued_at)
         select d.action_id, u.id, u.ordinal, d.msisdn, d.channel, d.registration_id, d.distance_m, ${QUEUED}, $3
         from deliveries d join action_messages u on u.action_id = d.action_id and u.kind = ${sqlMessageKind('update')}
         where d.message_id = $1 and d.msisdn = any($2::text[])
         order by u.ordinal, d.id
         on conflict (message_id, msisdn) do nothing`,
        [message.id, recipients.map((r) => r.msisdn), at],
      );
      return inserted;
    },

    async enqueueForReached(message, at) {
      return db.execute(
        `insert into deliveries (action_id, message_id, message_ordinal, msisdn, channel, registration_id, distance_m, status, queued_at)
         select d.action_id, $2, $3, d.msisdn, d.channel, d.registration_id, d.distance_m, ${QUEUED}, $4
         from deliveries d join action_messages m on m.id = d.message_id
         where d.action_id = $1 and m.kind = ${ALERT} and ${sqlIn('d.status', REACHED_STATUSES)}
           and d.msisdn like '+%' -- not the deliveries of participants who deleted their data (number removed)
         order by d.distance_m, d.id
         on conflict (message_id, msisdn) do nothing`,
        [message.actionId, message.id, message.ordinal, at],
      );
    },

    async cancelQueued(actionId, at) {
      return db.execute(
        `update deliveries d set ${ENDED.set('$2')}
         from action_messages m
         where d.action_id = $1 and m.id = d.message_id and ${ENDED.where}`,
        [actionId, at],
      );
    },
  };
}
