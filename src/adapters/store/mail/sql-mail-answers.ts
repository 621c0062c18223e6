import type { MailAnswer, MailAnswers } from '../../../app/ports/mail-store.js';
import type { Queryable } from '../database/database.js';

interface AnswerRow {
  id: string;
  mail_id: string;
  recipient_id: number | string | null;
  text: string;
  seen_when: string | null;
  seen_where: string | null;
  photo_key: string | null;
  photo_content_type: 'image/jpeg' | 'image/webp' | null;
  photo_width: number | null;
  photo_height: number | null;
  photo_bytes: number | null;
  contact_name: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  received_at: Date;
}

function toAnswer(r: AnswerRow): MailAnswer {
  return {
    id: r.id,
    mailId: r.mail_id,
    recipientId: r.recipient_id === null ? null : Number(r.recipient_id),
    text: r.text,
    seenWhen: r.seen_when,
    seenWhere: r.seen_where,
    photo:
      r.photo_key === null || r.photo_content_type === null
        ? null
        : {
            key: r.photo_key,
            contentType: r.photo_content_type,
            width: r.photo_width ?? 0,
            height: r.photo_height ?? 0,
            bytes: r.photo_bytes ?? 0,
          },
    contact: { name: r.contact_name, phone: r.contact_phone, email: r.contact_email },
    receivedAt: new Date(r.received_at),
  };
}

export function createSqlMailAnswers(db: Queryable): MailAnswers {
  return {
    async insert(a) {
      await db.execute(
        `insert into mail_answers (id, mail_id, recipient_id, text, seen_when, seen_where, photo_key, photo_content_type, photo_width,
           photo_height, photo_bytes, contact_name, contact_phone, contact_email, received_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
        [
          a.id,
          a.mailId,
          a.recipientId,
          a.text,
          a.seenWhen,
          a.seenWhere,
          a.photo?.key ?? null,
          a.photo?.contentType ?? null,
          a.photo?.width ?? null,
          a.photo?.height ?? null,
          a.photo?.bytes ?? null,
          a.contact.name,
          a.contact.phone,
          a.contact.email,
          a.receivedAt,
        ],
      );
      await db.execute('update mails set answered = answered + 1 where id = $1', [a.mailId]);
    },
    async countForRecipient(recipientId) {
      const [row] = await db.query<{ n: number }>(
        'select count(*)::int as n from mail_answers where recipient_id = $1',
        [recipientId],
      );
      return row?.n ?? 0;
    },
    async list(mailId) {
      return (
        await db.query<AnswerRow>('select * from mail_answers where mail_id = $1 order by received_at, id', [mailId])
      ).map(toAnswer);
    },
    async find(mailId, answerId) {
      const [row] = await db.query<AnswerRow>('select * from mail_answers where mail_id = $1 and id = $2', [
        mailId,
        answerId,
      ]);
      return row === undefined ? null : toAnswer(row);
    },
  };
}
