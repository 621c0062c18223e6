import type { ActivationLinkDelivery } from '../../app/ports/activation-links.js';
import type { EmailChannel } from '../../app/ports/email-channel.js';
import type { Logger } from '../../app/ports/logger.js';
import type { PleinTexts } from '../../domain/messages/plein-texts.js';

const HOUR_MS = 3_600_000;

/**
 * Activation links by e-mail to the account's own address, pointing at the portal's configured origin (never the
 * origin of the request that asked for it: a Host header is the requester's to choose). The link is in the mail
 * only, never in a log line.
 */
export function createEmailActivationLinks(deps: {
  readonly email: EmailChannel;
  /** The portal's origin, e.g. https://plein.burgernet.nl (no trailing slash). */
  readonly portalBaseUrl: string;
  readonly texts: PleinTexts['activation'];
  readonly now: () => Date;
  readonly logger: Logger;
}): ActivationLinkDelivery {
  return {
    async deliver({ name, email, token, expiresAt, reason }) {
      const hours = Math.max(1, Math.round((expiresAt.getTime() - deps.now().getTime()) / HOUR_MS));
      const mail = deps.texts.mail({ name, link: `${deps.portalBaseUrl}/plein/activeren/${token}`, hours, reason });
      const outcome = await deps.email.send({
        to: email,
        subject: mail.subject,
        text: mail.text,
        unsubscribeUrl: null,
      });
      if (outcome.kind === 'accepted') return true;
      deps.logger.warn({ reason: outcome.reason, kind: outcome.kind }, 'activation link not sent');
      return false;
    },
  };
}
