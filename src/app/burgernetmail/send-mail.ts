import type { MailError } from '../../domain/mail/errors.js';
import { fail, ok, type Result } from '../../domain/result.js';

import { composeMailDocument, type MailDocument } from '../../domain/mail/mail-document.js';
import { checkFields } from '../../domain/mail/mail-fields.js';
import { maySchedule, mayStop } from '../../domain/mail/mail-status.js';
import type { Mail } from '../../domain/mail/mail.js';
import type { Staff } from '../../domain/staff/staff.js';
import type { RenderedMail } from '../ports/mail-renderer.js';
import type { MailDeps } from './mail-deps.js';
import { auditMail } from './mail-audit.js';
import { audienceSize, checkMailAudience } from './mail-audience.js';
import { senderOf } from './manage-templates.js';
import { ownMail, viewMail } from './write-mail.js';

export const MAX_SCHEDULE_DAYS = 90;
/** A moment a little in the past still means "now" (the form took a while). */
export const PAST_TOLERANCE_MS = 5 * 60_000;

/**
 * Sends a draft now or at a set time: the fields must be complete and the audience in scope and not empty. The
 * audit entry holds the audience and how many it reached at that moment; the worker queues the recipients when
 * the time comes (someone who unsubscribes meanwhile does not get it).
 */
export async function sendMail(
  deps: MailDeps,
  staff: Staff,
  id: string,
  sendAt: Date | null,
): Promise<Result<Mail, MailError>> {
  const found = await ownMail(deps, staff, id, 'send');
  if (!found.ok) return found;
  const mail = found.value;
  if (!maySchedule(mail.status)) return fail({ code: 'mail.wrong-status', status: mail.status });
  const problems = checkFields(mail.kind, mail.fields, true);
  if (Object.keys(problems).length > 0) return fail({ code: 'mail.invalid-fields', problems });
  const audience = await checkMailAudience(deps, staff, mail.audience, id);
  if (!audience.ok) return fail(audience.error);
  const now = deps.clock.now();
  const at = sendAt ?? now;
  if (
    at.getTime() < now.getTime() - PAST_TOLERANCE_MS ||
    at.getTime() > now.getTime() + MAX_SCHEDULE_DAYS * 86_400_000
  ) {
    return fail({ code: 'mail.invalid-schedule' });
  }
  const recipients = await audienceSize(deps.store, mail.owner, mail.audience, now);
  if (recipients === 0) return fail({ code: 'mail.empty-audience' });
  const scheduled = await deps.store.transaction(async (s) => {
    if (!(await s.mails.schedule(id, at, now, staff.id))) return false;
    await auditMail(
      s.audit,
      staff,
      id,
      {
        event: 'mail.scheduled',
        details: {
          number: mail.number,
          kind: mail.kind,
          subject: mail.subject,
          audience: mail.audience,
          recipients,
          sendAt: at.toISOString(),
        },
      },
      now,
    );
    return true;
  });
  if (!scheduled) return fail({ code: 'mail.stale-version' });
  deps.wake();
  return ok((await deps.store.mails.findMail(id))!);
}

/** Stops a scheduled mail or a send under way: what has not gone yet does not go. */
export async function stopMail(
  deps: Pick<MailDeps, 'store' | 'clock' | 'wake'>,
  staff: Staff,
  id: string,
): Promise<Result<Mail, MailError>> {
  const found = await ownMail(deps, staff, id, 'stop');
  if (!found.ok) return found;
  if (!mayStop(found.value.status)) return fail({ code: 'mail.wrong-status', status: found.value.status });
  const at = deps.clock.now();
  const outcome = await deps.store.transaction(async (s) => {
    const result = await s.mails.stop(id, at, staff.id);
    if (result.stopped)
      await auditMail(
        s.audit,
        staff,
        id,
        { event: 'mail.stopped', details: { number: found.value.number, cancelled: result.cancelled } },
        at,
      );
    return result;
  });
  const mail = (await deps.store.mails.findMail(id))!;
  if (!outcome.stopped) return fail({ code: 'mail.wrong-status', status: mail.status });
  // The worker drops what it claimed of this mail and has not sent yet.
  deps.wake();
  return ok(mail);
}

/** The document of a mail as its readers will get it, with the organisation's sender name. */
export async function documentOf(
  deps: Pick<MailDeps, 'store' | 'organisationName'>,
  mail: Mail,
): Promise<MailDocument> {
  const sender = await senderOf(deps, mail.owner);
  return composeMailDocument({ ...mail, senderName: sender.senderName ?? deps.organisationName(mail.owner) });
}

/** What the mail looks like, with example links in place of the personal ones. */
export async function previewMail(
  deps: MailDeps,
  staff: Staff,
  id: string,
): Promise<Result<RenderedMail & { readonly replyTo: string | null; readonly fromName: string }, MailError>> {
  const found = await viewMail(deps, staff, id);
  if (!found.ok) return found;
  const document = await documentOf(deps, found.value);
  const sender = await senderOf(deps, found.value.owner);
  const base = deps.settings.publicBaseUrl;
  const rendered = deps.renderer.prepare(document)({
    unsubscribeUrl: `${base}/burgernetmail/afmelden?t=voorbeeld`,
    answerUrl: document.asksForAnswers ? `${base}/burgernetmail/antwoord?t=voorbeeld` : null,
  });
  return ok({ ...rendered, replyTo: sender.replyTo, fromName: document.senderName });
}
