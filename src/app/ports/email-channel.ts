/** One e-mail to one address; the caller composes it (from the catalogue). */
export interface OutboundEmail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  /**
   * The address that unsubscribes in one click (RFC 8058): sent as List-Unsubscribe with
   * List-Unsubscribe-Post, so mail programs offer it too. Null for mails that are not a subscription (codes).
   */
  readonly unsubscribeUrl: string | null;
  /** An HTML part beside the text (rendered from the same content); none: text only. */
  readonly html?: string;
  /** Where replies go (the organisation's choice); none: no Reply-To. */
  readonly replyTo?: string | null;
  /** The display name in From, e.g. "Burgernet Gemeente Utrecht"; none: the channel's default. */
  readonly fromName?: string;
  /** The envelope sender (Return-Path) that bounces come back to, e.g. a VERP address per recipient. */
  readonly returnPath?: string;
  /** Ask the relay for delivery status notifications (RFC 3461) on success too, not only on failure. */
  readonly notifyOnSuccess?: boolean;
}

export type EmailSendOutcome =
  | { readonly kind: 'accepted'; readonly messageId: string }
  /** Refused for good (bad address): do not retry. */
  | { readonly kind: 'rejected'; readonly reason: string }
  /** Not sent now (server down): safe to try again later. */
  | { readonly kind: 'unavailable'; readonly reason: string };

/** Sends e-mail: over SMTP (adapters/channels/email-smtp), or into an outbox that keeps what was sent (tests). */
export interface EmailChannel {
  send(email: OutboundEmail): Promise<EmailSendOutcome>;
}
