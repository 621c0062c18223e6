import type { ClaimedRecipient, MailQueue, RecipientRef } from '../../../app/ports/mail-store.js';
import { orphanedClaim } from '../sql-worker-leases.js';
import type { Queryable } from '../database/database.js';
import { audienceClause, mailableClause, scopeClause, whereAll } from './mail-sql-parts.js';
import { toMail, type MailRow } from './mail-rows.js';

/** A recipient the relay could not take is tried this many times before it counts as failed. */
const MAX_ATTEMPTS = 10;

interface RecipientRow {
  id: number | string;
  mail_id: string;
  participant_id: string | null;
  email_hash: string | null;
  sent_at: Date | null;
}

const toRef = (r: RecipientRow): RecipientRef => ({
  id: Number(r.id),
  mailId: r.mail_id,
  participantId: r.participant_id,
  emailHash: r.email_hash,
  sentAt: r.sent_at === null ? null : new Date(r.sent_at),
});

export function createSqlMailQueue(db: Queryable): MailQueue {
  async function finishMails(mailIds: readonly string[], at: Date): Promise<void> {
    if (mailIds.length === 0) return;
    await db.execute(
      `update mails m set status = 'sent', finished_at = $2, updated_at = $2
       where m.id = any($1::uuid[]) and m.status = 'sending'
         and not exists (select 1 from mail_recipients r where r.mail_id = m.id and r.status in ('queued', 'sending'))`,
      [mailIds, at],
    );
  }

  return {
    async claimMailToQueue(at, workerId, orphanedAt) {
      const [row] = await db.query<MailRow>(
        `update mails set status = 'queuing', queuing_by = $2, queuing_at = $1
         where id = (select id from mails
                     where (status = 'scheduled' and scheduled_at <= $1)
                        or (status = 'queuing' and queuing_by <> $2 and ${orphanedClaim('queuing_by', '$3')})
                     order by scheduled_at limit 1 for update skip locked)
         returning *`,
        [at, workerId, orphanedAt],
      );
      return row === undefined ? null : toMail(row);
    },
    async audienceChunk(audience, scope, at, after, limit) {
      const where = whereAll(
        3,
        (n) => audienceClause(n, audience),
        (n) => scopeClause(n, scope),
        (n) => mailableClause(n, at),
      );
      const rows = await db.query<{ participant_id: string; gemeente_code: string }>(
        `select distinct on (r.participant_id) r.participant_id, r.gemeente_code
         from registrations r join participants p on p.id = r.participant_id
         where ($1::uuid is null or r.participant_id > $1) and ${where.sql}
         order by r.participant_id, r.created_at limit $2`,
        [after, limit, ...where.params],
      );
      return rows.map((r) => ({ participantId: r.participant_id, gemeenteCode: r.gemeente_code }));
    },
    async queueParticipants(mailId, participants, at) {
      if (participants.length === 0) return 0;
      return db.execute(
        `insert into mail_recipients (mail_id, participant_id, gemeente_code, status, queued_at)
         select $1, t.participant_id, t.gemeente_code, 'queued', $4
         from unnest($2::uuid[], $3::text[]) as t(participant_id, gemeente_code)
         where exists (select 1 from mails where id = $1 and status = 'queuing')
         on conflict (mail_id, participant_id) do nothing`,
        [mailId, participants.map((p) => p.participantId), participants.map((p) => p.gemeenteCode), at],
      );
    },
    async finishQueuing(mailId, at) {
      const [row] = await db.query<{ status: 'sending' | 'sent' | 'stopped' }>(
        `with counted as (
           select count(*)::int as n, coalesce(array_agg(distinct gemeente_code) filter (where gemeente_code is not null), '{}') as gemeenten
           from mail_recipients where mail_id = $1)
         update mails m set status = case when m.status = 'queuing' then (case when c.n = 0 then 'sent' else 'sending' end) else m.status end,
           recipients = c.n, gemeente_codes = c.gemeenten, queued_at = $2, updated_at = $2,
           finished_at = case when m.status = 'queuing' and c.n = 0 then $2::timestamptz else m.finished_at end
         from counted c where m.id = $1
         returning m.status`,
        [mailId, at],
      );
      if (row?.status === 'stopped') {
        // Stopped while its recipients were being queued: nothing of it may go out.
        const cancelled = await db.execute(
          `update mail_recipients set status = 'cancelled', final_at = $2 where mail_id = $1 and status = 'queued'`,
          [mailId, at],
        );
        await db.execute('update mails set cancelled = cancelled + $2 where id = $1', [mailId, cancelled]);
        return 'stopped';
      }
      return row?.status === 'sent' ? 'sent' : 'sending';
    },
    async claimRecipients(limit, workerId, at) {
      const rows = await db.query<{
        id: number | string;
        mail_id: string;
        participant_id: string | null;
        attempts: number;
        email: string | null;
      }>(
        `with claimed as (
           update mail_recipients r set status = 'sending', claimed_at = $2, claimed_by = $3, attempts = r.attempts + 1
           where r.id in (select id from mail_recipients
                          where status = 'queued' and (next_attempt_at is null or next_attempt_at <= $2)
                          order by id limit $1 for update skip locked)
           returning r.id, r.mail_id, r.participant_id, r.attempts)
         select c.id, c.mail_id, c.participant_id, c.attempts,
                case when ${mailableClause(2, at).sql} then p.email end as email
         from claimed c left join participants p on p.id = c.participant_id
         order by c.id`,
        [limit, at, workerId],
      );
      return rows.map((r): ClaimedRecipient => ({
        id: Number(r.id),
        mailId: r.mail_id,
        participantId: r.participant_id,
        email: r.email,
        attempts: r.attempts,
      }));
    },
    async recordResults(results, at) {
      if (results.length === 0) return;
      const rows = await db.query<{ id: string }>(
        `with input as (
           select * from unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[])
             as t(id, kind, reason, message_id, email_hash, retry_at)),
         changed as (
           update mail_recipients r set
             status = case when i.kind <> 'retry' then i.kind when r.attempts >= ${MAX_ATTEMPTS} then 'failed' else 'queued' end,
             failure_reason = i.reason,
             smtp_message_id = coalesce(i.message_id, r.smtp_message_id),
             email_hash = coalesce(i.email_hash, r.email_hash),
             sent_at = case when i.kind = 'sent' then $7::timestamptz else r.sent_at end,
             final_at = case when i.kind in ('failed', 'skipped', 'cancelled') or (i.kind = 'retry' and r.attempts >= ${MAX_ATTEMPTS}) then $7::timestamptz end,
             next_attempt_at = case when i.kind = 'retry' then i.retry_at end,
             claimed_at = null, claimed_by = null
           from input i where r.id = i.id and r.status = 'sending'
           returning r.mail_id, r.status),
         counted as (
           select mail_id, count(*) filter (where status = 'sent')::int as sent, count(*) filter (where status = 'failed')::int as failed,
                  count(*) filter (where status = 'skipped')::int as skipped, count(*) filter (where status = 'cancelled')::int as cancelled
           from changed group by mail_id)
         update mails m set sent = m.sent + c.sent, failed = m.failed + c.failed, skipped = m.skipped + c.skipped, cancelled = m.cancelled + c.cancelled
         from counted c where m.id = c.mail_id
         returning m.id`,
        [
          results.map((r) => r.id),
          results.map((r) => r.kind),
          results.map((r) => (r.kind === 'sent' || r.kind === 'cancelled' ? null : r.reason.slice(0, 500))),
          results.map((r) => (r.kind === 'sent' ? r.messageId.slice(0, 250) : null)),
          results.map((r) => (r.kind === 'sent' ? r.emailHash : null)),
          results.map((r) => (r.kind === 'retry' ? r.retryAt : null)),
          at,
        ],
      );
      await finishMails(
        rows.map((r) => r.id),
        at,
      );
    },
    async releaseClaims(ids, workerId) {
      if (ids.length === 0) return 0;
      return db.execute(
        `update mail_recipients set status = 'queued', claimed_at = null, claimed_by = null, attempts = greatest(attempts - 1, 0)
         where id = any($1::bigint[]) and status = 'sending' and claimed_by = $2`,
        [ids, workerId],
      );
    },
    async requeueInFlight(orphanedAt, exceptWorkerId, at) {
      const rows = await db.query<{ mail_id: string }>(
        `update mail_recipients set status = case when attempts >= ${MAX_ATTEMPTS} then 'failed' else 'queued' end,
           final_at = case when attempts >= ${MAX_ATTEMPTS} then $3::timestamptz end, claimed_at = null, claimed_by = null
         where status = 'sending' and ${orphanedClaim('claimed_by', '$1')} and ($2::text is null or claimed_by <> $2)
         returning mail_id`,
        [orphanedAt, exceptWorkerId, at],
      );
      // A stopped mail takes nothing back: what it had in flight is cancelled, not queued again.
      await db.execute(
        `with stopped as (
           update mail_recipients r set status = 'cancelled', final_at = $2 from mails m
           where r.mail_id = m.id and m.id = any($1::uuid[]) and m.status = 'stopped' and r.status = 'queued' returning r.mail_id)
         update mails m set cancelled = m.cancelled + c.n from (select mail_id, count(*)::int as n from stopped group by mail_id) c where m.id = c.mail_id`,
        [[...new Set(rows.map((r) => r.mail_id))], at],
      );
      return rows.length;
    },
    async actionsBusy(at) {
      const [row] = await db.query<{ busy: boolean }>(
        `select exists (select 1 from targeting_runs where status = 'pending')
             or exists (select 1 from deliveries where status = 'queued' and channel = 'sms' and (next_attempt_at is null or next_attempt_at <= $1))
             or exists (select 1 from deliveries where status = 'sending' and channel = 'sms') as busy`,
        [at],
      );
      return row?.busy === true;
    },
    async findRecipient(id) {
      const [row] = await db.query<RecipientRow>(
        'select id, mail_id, participant_id, email_hash, sent_at from mail_recipients where id = $1',
        [id],
      );
      return row === undefined ? null : toRef(row);
    },
    async recordReport(recipientId, verdict, reason, matchesAddress, at) {
      const [old] = await db.query<RecipientRow & { status: string }>(
        'select id, mail_id, participant_id, email_hash, sent_at, status from mail_recipients where id = $1 for update',
        [recipientId],
      );
      if (old === undefined) return false;
      if (verdict === 'delivered') {
        if (old.status !== 'sent') return false;
        await db.execute(`update mail_recipients set status = 'delivered', final_at = $2 where id = $1`, [
          recipientId,
          at,
        ]);
        await db.execute('update mails set delivered = delivered + 1 where id = $1', [old.mail_id]);
        return true;
      }
      if (old.status !== 'sent' && old.status !== 'delivered') return false;
      await db.execute(
        `update mail_recipients set status = 'bounced', bounce_kind = $2, failure_reason = $3, final_at = $4 where id = $1`,
        [recipientId, verdict, reason.slice(0, 500), at],
      );
      await db.execute(`update mails set bounced = bounced + 1, delivered = delivered - $2 where id = $1`, [
        old.mail_id,
        old.status === 'delivered' ? 1 : 0,
      ]);
      if (verdict === 'hard' && old.participant_id !== null) {
        const [p] = await db.query<{ email: string | null }>(
          'select email from participants where id = $1 for update',
          [old.participant_id],
        );
        if (p?.email != null && matchesAddress(p.email)) {
          await db.execute('update participants set email_bounced_at = $2 where id = $1 and email_bounced_at is null', [
            old.participant_id,
            at,
          ]);
        }
      }
      return true;
    },
    async unsubscribe(recipient, matchesAddress, at) {
      let changed = false;
      if (recipient.participantId !== null) {
        const [p] = await db.query<{ email: string | null }>(
          'select email from participants where id = $1 for update',
          [recipient.participantId],
        );
        if (p?.email != null && matchesAddress(p.email)) {
          await db.execute(
            'update participants set email = null, email_confirmed_at = null, updated_at = $2 where id = $1',
            [recipient.participantId, at],
          );
          changed = true;
        }
      }
      const counted = await db.execute(
        'update mail_recipients set unsubscribed_at = $2 where id = $1 and unsubscribed_at is null',
        [recipient.id, at],
      );
      if (counted > 0)
        await db.execute('update mails set unsubscribed = unsubscribed + 1 where id = $1', [recipient.mailId]);
      return changed || counted > 0;
    },
  };
}
