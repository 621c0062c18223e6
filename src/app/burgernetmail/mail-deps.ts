import type { MailTexts } from '../../domain/messages/mail-texts.js';
import type { TemplateOwner } from '../../domain/mail/mail-template.js';
import type { GemeenteScope } from '../../domain/staff/staff.js';
import type { Clock } from '../ports/clock.js';
import type { EmailChannel } from '../ports/email-channel.js';
import type { IdGenerator } from '../ports/id-generator.js';
import type { Logger } from '../ports/logger.js';
import type { MailRenderer } from '../ports/mail-renderer.js';
import type { MailStore } from '../ports/mail-store.js';
import type { SelfServiceCrypto } from '../ports/self-service-crypto.js';

export interface MailDeps {
  readonly store: MailStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly gemeenten: ReadonlyMap<string, GemeenteScope>;
  /** Signs the personal links (answer form, unsubscribe) and the VERP return paths; keyed hashes of addresses. */
  readonly crypto: SelfServiceCrypto;
  readonly renderer: MailRenderer;
  readonly email: EmailChannel;
  readonly texts: MailTexts;
  readonly logger: Logger;
  /** The organisation's name as readers see it: "Gemeente Utrecht", "Politie Midden-Nederland". */
  readonly organisationName: (owner: TemplateOwner) => string;
  readonly settings: MailSettings;
  /** Tells the mail worker that a mail was scheduled (it also polls). */
  readonly wake: () => void;
}

export interface MailSettings {
  /** https://www.burgernet.nl: links in mails point here. */
  readonly publicBaseUrl: string;
  /** The domain of the VERP return paths (bounce+<token>@domain), where the inbound listener receives bounces. */
  readonly bounceDomain: string;
  /** How long a buurtonderzoek's answer link works unless the mail says otherwise. */
  readonly answerDays: number;
  /** Answers one personal link may send. */
  readonly answersPerLink: number;
  /** Ask relays for a notification on delivery too (RFC 3461 NOTIFY=SUCCESS). */
  readonly notifyOnSuccess: boolean;
}
