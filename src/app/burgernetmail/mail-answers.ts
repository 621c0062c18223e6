import type { MailError } from '../../domain/mail/errors.js';
import { fail, ok, type Result } from '../../domain/result.js';
import { mayReadAnswers } from '../../domain/mail/mail-access.js';
import { asksForAnswers } from '../../domain/mail/mail-kind.js';
import type { Mail } from '../../domain/mail/mail.js';
import type { Staff } from '../../domain/staff/staff.js';
import type { StoredImage } from '../../domain/photo/stored-image.js';
import type { MediaDeps } from '../media/media-deps.js';
import { storeSanitizedPhoto, withStoredPhoto } from '../media/store-sanitized-photo.js';
import type { MailAnswer, RecipientRef } from '../ports/mail-store.js';
import type { MailDeps } from './mail-deps.js';
import { auditDenied, auditMail } from './mail-audit.js';
import { recipientOfLink } from './mail-links.js';

export interface AnswerLink {
  readonly recipient: RecipientRef;
  readonly mail: Mail;
  /** Answers this link may still send. */
  readonly remaining: number;
}

/** The mail and recipient behind an answer link that is still good: signed, not expired, a buurtonderzoek that was sent. */
export async function openAnswerLink(
  deps: Pick<MailDeps, 'store' | 'clock' | 'crypto' | 'settings'>,
  token: string,
): Promise<AnswerLink | null> {
  const id = recipientOfLink(deps.crypto, 'mail-answer', token, deps.clock.now());
  if (id === null) return null;
  const recipient = await deps.store.queue.findRecipient(id);
  if (recipient === null || recipient.sentAt === null) return null;
  const mail = await deps.store.mails.findMail(recipient.mailId);
  if (mail === null || !asksForAnswers(mail.kind)) return null;
  const remaining = deps.settings.answersPerLink - (await deps.store.answers.countForRecipient(id));
  return { recipient, mail, remaining };
}

export interface AnswerInput {
  readonly text: string;
  readonly seenWhen: string | null;
  readonly seenWhere: string | null;
  readonly contact: MailAnswer['contact'];
  readonly photo: Uint8Array | null;
}

export type AnswerOutcome =
  | { readonly kind: 'stored'; readonly answer: MailAnswer }
  | { readonly kind: 'invalid-link' }
  | { readonly kind: 'too-many' }
  | { readonly kind: 'photo-refused'; readonly problem: 'photo.not-an-image' | 'photo.too-many-pixels' };

/** "Ik heb iets gezien": stores an answer (with its cleaned photo) for the mail behind the link. */
export async function submitAnswer(
  deps: Pick<MailDeps, 'store' | 'clock' | 'crypto' | 'settings' | 'ids'>,
  media: Pick<MediaDeps, 'photos' | 'images'>,
  token: string,
  input: AnswerInput,
): Promise<AnswerOutcome> {
  const link = await openAnswerLink(deps, token);
  if (link === null) return { kind: 'invalid-link' };
  if (link.remaining <= 0) return { kind: 'too-many' };
  let image: StoredImage | null = null;
  if (input.photo !== null) {
    const stored = await storeSanitizedPhoto(media, input.photo);
    if (!stored.ok)
      return {
        kind: 'photo-refused',
        problem: stored.error.code === 'photo.too-many-pixels' ? 'photo.too-many-pixels' : 'photo.not-an-image',
      };
    image = stored.value;
  }
  const answer: MailAnswer = {
    id: deps.ids.newId(),
    mailId: link.mail.id,
    recipientId: link.recipient.id,
    text: input.text,
    seenWhen: input.seenWhen,
    seenWhere: input.seenWhere,
    photo: image,
    contact: input.contact,
    receivedAt: deps.clock.now(),
  };
  const saved = await withStoredPhoto(media, image, async () => {
    await deps.store.answers.insert(answer);
    return ok(answer);
  });
  return saved.ok ? { kind: 'stored', answer } : { kind: 'invalid-link' };
}

async function readableMail(
  deps: Pick<MailDeps, 'store' | 'clock'>,
  staff: Staff,
  mailId: string,
  attempted: string,
): Promise<Result<Mail, MailError>> {
  const mail = await deps.store.mails.findMail(mailId);
  if (mail === null) return fail({ code: 'mail.not-found' });
  if (!mayReadAnswers(staff, mail)) {
    await auditDenied(deps.store.audit, staff, attempted, mailId, {}, deps.clock.now());
    return fail({ code: 'mail.outside-scope' });
  }
  return ok(mail);
}

/** The answers to a mail, for its sender's organisation and the gemeenten it reached; every read is audited. */
export async function listAnswers(
  deps: Pick<MailDeps, 'store' | 'clock'>,
  staff: Staff,
  mailId: string,
  exported: boolean,
): Promise<Result<{ mail: Mail; answers: MailAnswer[] }, MailError>> {
  const mail = await readableMail(deps, staff, mailId, exported ? 'answers.export' : 'answers.read');
  if (!mail.ok) return mail;
  const answers = await deps.store.answers.list(mailId);
  await auditMail(
    deps.store.audit,
    staff,
    mailId,
    {
      event: exported ? 'mail.answers-exported' : 'mail.answers-read',
      details: { number: mail.value.number, answers: answers.length },
    },
    deps.clock.now(),
  );
  return ok({ mail: mail.value, answers });
}

/** An answer's photo, audited like the answer itself. */
export async function answerPhoto(
  deps: Pick<MailDeps, 'store' | 'clock'>,
  media: Pick<MediaDeps, 'photos'>,
  staff: Staff,
  mailId: string,
  answerId: string,
): Promise<Result<{ bytes: Uint8Array; contentType: string } | null, MailError>> {
  const mail = await readableMail(deps, staff, mailId, 'answers.photo');
  if (!mail.ok) return mail;
  const answer = await deps.store.answers.find(mailId, answerId);
  if (answer?.photo == null) return ok(null);
  const bytes = await media.photos.read(answer.photo.key);
  if (bytes === null) return ok(null);
  await auditMail(
    deps.store.audit,
    staff,
    mailId,
    { event: 'mail.answer-photo-viewed', details: { answerId } },
    deps.clock.now(),
  );
  return ok({ bytes, contentType: answer.photo.contentType });
}
