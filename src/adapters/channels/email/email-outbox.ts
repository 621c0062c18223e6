import { randomUUID } from 'node:crypto';
import type { EmailChannel, EmailSendOutcome, OutboundEmail } from '../../../app/ports/email-channel.js';

export interface KeptEmail extends OutboundEmail {
  readonly messageId: string;
  readonly at: Date;
  /** The headers a real mail would carry for one-click unsubscribe (RFC 8058). */
  readonly headers: Readonly<Record<string, string>>;
}

export interface EmailOutbox extends EmailChannel {
  readonly messages: readonly KeptEmail[];
}

/**
 * Stands in for the e-mail channel until SMTP exists: keeps every mail (tests follow the links in them) and
 * refuses addresses on the reserved domain `.invalid` (RFC 2606) so that a failure can be seen.
 */
export function createEmailOutbox(options: { readonly limit?: number } = {}): EmailOutbox {
  const limit = options.limit ?? 10_000;
  const messages: KeptEmail[] = [];
  return {
    get messages() {
      return messages;
    },
    async send(email): Promise<EmailSendOutcome> {
      if (email.to.endsWith('.invalid')) return { kind: 'rejected', reason: 'unknown domain' };
      const messageId = randomUUID();
      const headers: Record<string, string> = {};
      if (email.unsubscribeUrl !== null) {
        headers['List-Unsubscribe'] = `<${email.unsubscribeUrl}>`;
        headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
      }
      messages.push({ ...email, messageId, at: new Date(), headers });
      if (messages.length > limit) messages.shift();
      return { kind: 'accepted', messageId };
    },
  };
}
