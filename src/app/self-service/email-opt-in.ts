import { normalizeEmail } from './code-target.js';
import { SELF, type SelfServiceDeps } from './self-service-deps.js';

const CONFIRM_DAYS = 7;
/** Unsubscribe links keep working as long as anyone may still have the mail. */
const UNSUBSCRIBE_DAYS = 3_650;

/**
 * Links carry the participant id and a keyed hash of the address, signed: no e-mail address in a URL, and a link
 * stops working once the participant has another address.
 */
function linkPayload(deps: SelfServiceDeps, participantId: string, email: string): string {
  return `${participantId}.${deps.crypto.digest('email-link', normalizeEmail(email)).slice(0, 32)}`;
}

export function unsubscribeUrl(deps: SelfServiceDeps, participantId: string, email: string): string {
  const expires = new Date(deps.clock.now().getTime() + UNSUBSCRIBE_DAYS * 86_400_000);
  return `${deps.publicBaseUrl}/e-mail/afmelden?t=${deps.crypto.sign('email-unsubscribe', linkPayload(deps, participantId, email), expires)}`;
}

/** Double opt-in: a mail with a link; the address gets Burgernetmail only once that link is followed. */
export async function sendEmailConfirmation(
  deps: SelfServiceDeps,
  participantId: string,
  email: string,
): Promise<void> {
  const expires = new Date(deps.clock.now().getTime() + CONFIRM_DAYS * 86_400_000);
  const confirmUrl = `${deps.publicBaseUrl}/e-mail/bevestigen?t=${deps.crypto.sign('email-confirm', linkPayload(deps, participantId, email), expires)}`;
  const mail = deps.texts.confirmEmail({ confirmUrl, days: CONFIRM_DAYS });
  const outcome = await deps.email.send({
    to: email,
    subject: mail.subject,
    text: mail.text,
    unsubscribeUrl: unsubscribeUrl(deps, participantId, email),
  });
  if (outcome.kind !== 'accepted')
    deps.logger.warn({ participantId, reason: outcome.reason }, 'e-mail confirmation not sent');
}

type LinkPurpose = 'email-confirm' | 'email-unsubscribe';

/** Whether a link is (still) good, without changing anything: the page asks before it acts. */
export async function checkEmailLink(
  deps: SelfServiceDeps,
  purpose: LinkPurpose,
  token: string,
): Promise<{ participantId: string; email: string } | null> {
  const payload = deps.crypto.open(purpose, token, deps.clock.now());
  if (payload === null) return null;
  const [participantId = '', hash = ''] = payload.split('.');
  const participant = /^[0-9a-f-]{36}$/.test(participantId)
    ? await deps.store.participants.findParticipant(participantId)
    : null;
  if (participant?.email == null || linkPayload(deps, participantId, participant.email) !== `${participantId}.${hash}`)
    return null;
  return { participantId, email: participant.email };
}

export async function confirmEmail(deps: SelfServiceDeps, token: string): Promise<boolean> {
  const link = await checkEmailLink(deps, 'email-confirm', token);
  if (link === null) return false;
  const at = deps.clock.now();
  const done = await deps.store.selfService.confirmEmail(link.participantId, link.email, at);
  if (done)
    await deps.store.audit.append({
      ...SELF,
      event: 'participant.email-confirmed',
      subjectType: 'participant',
      subjectId: link.participantId,
      details: {},
      at,
    });
  return done;
}

/** One click, no login: the address is removed, so no Burgernetmail goes to it again. */
export async function unsubscribeEmail(deps: SelfServiceDeps, token: string): Promise<boolean> {
  const link = await checkEmailLink(deps, 'email-unsubscribe', token);
  if (link === null) return false;
  const at = deps.clock.now();
  const done = await deps.store.selfService.removeEmail(link.participantId, link.email, at);
  if (done)
    await deps.store.audit.append({
      ...SELF,
      event: 'participant.email-unsubscribed',
      subjectType: 'participant',
      subjectId: link.participantId,
      details: {},
      at,
    });
  return done;
}
