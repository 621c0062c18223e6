import type { MailDocument } from '../../domain/mail/mail-document.js';

/** The links that differ per recipient: the only personal part of a mail. */
export interface PersonalLinks {
  readonly unsubscribeUrl: string;
  /** A buurtonderzoek's answer form, for this recipient only; null for other kinds. */
  readonly answerUrl: string | null;
}

export interface RenderedMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/**
 * Turns a mail document into its HTML and plain-text parts. `prepare` does the work once per mail; the function it
 * returns only puts one recipient's links in (a newsletter renders 200,000 times).
 */
export interface MailRenderer {
  prepare(document: MailDocument): (links: PersonalLinks) => RenderedMail;
}
