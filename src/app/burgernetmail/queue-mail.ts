import type { Mail } from '../../domain/mail/mail.js';
import type { MailDeps } from './mail-deps.js';
import { inArea } from './mail-audience.js';

/**
 * Turns a mail whose time has come into recipient rows, in chunks; between two chunks it waits while an action
 * is being sent (`giveWay`). Inserting is idempotent (one row per mail and participant), so a queuing cut short by
 * a crash is simply run again. Returns the mail's status afterwards.
 */
export async function queueMail(
  deps: Pick<MailDeps, 'store' | 'clock' | 'logger'>,
  mail: Mail,
  options: { readonly chunk: number; readonly giveWay: () => Promise<void> },
): Promise<'sending' | 'sent' | 'stopped'> {
  const at = deps.clock.now();
  const { queue } = deps.store;
  if (mail.audience.kind === 'area') {
    const chosen = inArea(
      await deps.store.mails.areaCandidates(mail.audience.area, mail.owner, at),
      mail.audience.area,
    );
    for (let i = 0; i < chosen.length; i += options.chunk) {
      await options.giveWay();
      await queue.queueParticipants(mail.id, chosen.slice(i, i + options.chunk), deps.clock.now());
    }
  } else {
    let after: string | null = null;
    for (;;) {
      await options.giveWay();
      const chunk = await queue.audienceChunk(mail.audience, mail.owner, at, after, options.chunk);
      if (chunk.length === 0) break;
      await queue.queueParticipants(mail.id, chunk, deps.clock.now());
      after = chunk[chunk.length - 1]!.participantId;
      if (chunk.length < options.chunk) break;
    }
  }
  const finishedAt = deps.clock.now();
  const status = await deps.store.transaction(async (s) => {
    const result = await s.queue.finishQueuing(mail.id, finishedAt);
    const queued = await s.mails.findMail(mail.id);
    await s.audit.append({
      actorId: null,
      actorName: 'Burgernetmail',
      event: 'mail.queued',
      subjectType: 'mail',
      subjectId: mail.id,
      details: { number: mail.number, recipients: queued?.figures.recipients ?? 0, status: result },
      at: finishedAt,
    });
    return result;
  });
  deps.logger.info({ mailId: mail.id, status }, 'mail recipients queued');
  return status;
}
