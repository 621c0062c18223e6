import type { RecipientRef } from '../ports/mail-store.js';
import type { MailDeps } from './mail-deps.js';
import { emailHashOf, recipientOfLink } from './mail-links.js';

/** Whether an unsubscribe link is good, without changing anything (the page asks before it acts). */
export async function checkUnsubscribeLink(
  deps: Pick<MailDeps, 'store' | 'clock' | 'crypto'>,
  token: string,
): Promise<RecipientRef | null> {
  const id = recipientOfLink(deps.crypto, 'mail-unsubscribe', token, deps.clock.now());
  return id === null ? null : deps.store.queue.findRecipient(id);
}

/**
 * One click, no login (RFC 8058): the participant's address is removed when it is still the one the mail went to,
 * so no Burgernetmail goes to it again, and the unsubscribe counts on the mail it came from.
 */
export async function unsubscribeFromMail(
  deps: Pick<MailDeps, 'store' | 'clock' | 'crypto'>,
  token: string,
): Promise<boolean> {
  const recipient = await checkUnsubscribeLink(deps, token);
  if (recipient === null) return false;
  const at = deps.clock.now();
  await deps.store.transaction(async (s) => {
    const removed = await s.queue.unsubscribe(
      recipient,
      (email) => recipient.emailHash !== null && emailHashOf(deps.crypto, email) === recipient.emailHash,
      at,
    );
    if (removed && recipient.participantId !== null) {
      await s.audit.append({
        actorId: null,
        actorName: 'deelnemer (zelf)',
        event: 'participant.email-unsubscribed',
        subjectType: 'participant',
        subjectId: recipient.participantId,
        details: { mailId: recipient.mailId },
        at,
      });
    }
  });
  return true;
}
