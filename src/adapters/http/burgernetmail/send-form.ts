import { z } from 'zod';
import { MAX_SCHEDULE_DAYS, PAST_TOLERANCE_MS } from '../../../app/burgernetmail/send-mail.js';
import type { MailTexts } from '../../../domain/messages/mail-texts.js';
import { amsterdamMoment } from './amsterdam-moment.js';

export type SendForm =
  | {
      readonly ok: true;
      /** Null: now. */
      readonly at: Date | null;
      /** The sender saw the confirm step (the dialog, or the page without JavaScript) and said yes. */
      readonly confirmed: boolean;
      /** As posted, for the confirm page to post back. */
      readonly wanneer: 'nu' | 'later';
      readonly moment: string;
    }
  | { readonly ok: false; readonly errors: Readonly<Record<string, string>> };

/** The latest moment a mail can be planned for. */
export const latestSchedule = (now: Date): Date => new Date(now.getTime() + MAX_SCHEDULE_DAYS * 86_400_000);

/**
 * The send form: now or a moment (a datetime-local value, Amsterdam time) that has not passed and lies within
 * MAX_SCHEDULE_DAYS. The same limits as sendMail's, checked here to say which one was missed.
 */
export function readSendForm(body: unknown, now: Date, texts: MailTexts): SendForm {
  const p = texts.portal.mail;
  const schema = z
    .object({
      wanneer: z.enum(['nu', 'later'], { error: p.chooseWhen }),
      moment: z.string().trim().max(20).default(''),
      bevestigd: z.string().max(5).optional(),
    })
    .transform((form, ctx) => {
      if (form.wanneer === 'nu') return { ...form, at: null };
      const at = amsterdamMoment(form.moment);
      const problem =
        at === null
          ? p.momentMissing
          : at.getTime() < now.getTime() - PAST_TOLERANCE_MS
            ? p.momentPast
            : at.getTime() > latestSchedule(now).getTime()
              ? p.invalidSchedule
              : null;
      if (problem !== null) {
        ctx.addIssue({ code: 'custom', path: ['moment'], message: problem });
        return z.NEVER;
      }
      return { ...form, at };
    });
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'wanneer')] ??= issue.message;
    return { ok: false, errors };
  }
  const f = parsed.data;
  return { ok: true, at: f.at, confirmed: f.bevestigd === '1', wanneer: f.wanneer, moment: f.moment };
}
