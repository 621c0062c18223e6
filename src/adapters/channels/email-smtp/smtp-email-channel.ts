import nodemailer from 'nodemailer';
import type { EmailChannel, EmailSendOutcome, OutboundEmail } from '../../../app/ports/email-channel.js';
import type { Logger } from '../../../app/ports/logger.js';

export interface SmtpRelayOptions {
  readonly host: string;
  readonly port: number;
  /** true: TLS from the first byte (port 465); false: plain, upgraded with STARTTLS. */
  readonly secure: boolean;
  /** Refuse to send unless the connection was upgraded with STARTTLS (always for a real relay). */
  readonly requireTls: boolean;
  /** PEM certificates to trust besides the system's (a relay with a private CA, the test's certificate). */
  readonly ca: string | null;
  readonly username: string | null;
  readonly password: string | null;
  readonly connections: number;
  readonly messagesPerSecond: number;
  readonly fromAddress: string;
  readonly fromName: string;
  /** The name we greet the relay with (EHLO). */
  readonly heloName: string;
  readonly dkim: { readonly domain: string; readonly selector: string; readonly privateKey: string } | null;
  readonly timeoutMs: number;
}

export interface SmtpEmailChannel extends EmailChannel {
  /** Connects and authenticates once: a wrong host, certificate or password shows at start. */
  verify(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Everything the signature covers. Besides RFC 6376's list: List-Unsubscribe-Post, which RFC 8058 requires to be
 * signed for one-click unsubscribe to be offered.
 */
const SIGNED_HEADERS = [
  'From',
  'Sender',
  'Reply-To',
  'Subject',
  'Date',
  'Message-ID',
  'To',
  'MIME-Version',
  'Content-Type',
  'Content-Transfer-Encoding',
  'List-Unsubscribe',
  'List-Unsubscribe-Post',
  'List-Id',
].join(':');

/**
 * Whether a failed send is for good (the relay refused the address or the message: 5xx) or may work later
 * (no connection, a timeout, a 4xx, refused credentials: a configuration to fix, the mail waits meanwhile).
 */
function outcomeOfError(error: unknown): EmailSendOutcome {
  const e = error as { responseCode?: number; code?: string; message?: string };
  const reason = (e.message ?? String(error)).slice(0, 300);
  // Only a refusal of this message or address is final; a TLS or login failure is the connection's, not the mail's.
  const connectionProblem =
    e.code === 'EAUTH' ||
    e.code === 'ETLS' ||
    e.code === 'ECONNECTION' ||
    e.code === 'ETIMEDOUT' ||
    e.code === 'ESOCKET';
  if (typeof e.responseCode === 'number' && e.responseCode >= 500 && !connectionProblem)
    return { kind: 'rejected', reason };
  return { kind: 'unavailable', reason };
}

/**
 * E-mail over SMTP to a relay with nodemailer: a pool of connections (STARTTLS, authentication), a rate limit
 * shared by the pool, DKIM signing (relaxed/relaxed, rsa-sha256), one-click unsubscribe headers (RFC 8058),
 * Reply-To, and the return path (VERP) and DSN parameters (RFC 3461) in the envelope. Credentials never reach a log.
 */
export function createSmtpEmailChannel(options: SmtpRelayOptions, deps: { readonly logger: Logger }): SmtpEmailChannel {
  const transport = nodemailer.createTransport({
    pool: true,
    host: options.host,
    port: options.port,
    secure: options.secure,
    requireTLS: !options.secure && options.requireTls,
    ignoreTLS: false,
    ...(options.username !== null ? { auth: { user: options.username, pass: options.password ?? '' } } : {}),
    maxConnections: options.connections,
    maxMessages: Number.POSITIVE_INFINITY,
    rateLimit: options.messagesPerSecond,
    rateDelta: 1_000,
    name: options.heloName,
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs * 3,
    tls: { minVersion: 'TLSv1.2', ...(options.ca !== null ? { ca: options.ca } : {}) },
    disableFileAccess: true,
    disableUrlAccess: true,
    logger: false,
    ...(options.dkim !== null
      ? {
          dkim: {
            domainName: options.dkim.domain,
            keySelector: options.dkim.selector,
            privateKey: options.dkim.privateKey,
            headerFieldNames: SIGNED_HEADERS,
          },
        }
      : {}),
  });
  transport.on('error', (error: Error) => deps.logger.warn({ err: { message: error.message } }, 'smtp pool error'));

  return {
    async send(email: OutboundEmail): Promise<EmailSendOutcome> {
      const headers: Record<string, string> = {};
      if (email.unsubscribeUrl !== null) {
        headers['List-Unsubscribe'] = `<${email.unsubscribeUrl}>`;
        headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
      }
      try {
        const info = await transport.sendMail({
          from: { name: email.fromName ?? options.fromName, address: options.fromAddress },
          to: email.to,
          subject: email.subject,
          text: email.text,
          ...(email.html !== undefined ? { html: email.html } : {}),
          ...(email.replyTo != null ? { replyTo: email.replyTo } : {}),
          headers,
          envelope: { from: email.returnPath ?? options.fromAddress, to: [email.to] },
          dsn: {
            ret: 'HDRS',
            notify: email.notifyOnSuccess === true ? ['SUCCESS', 'FAILURE'] : ['FAILURE'],
            recipient: email.to,
          },
          textEncoding: 'quoted-printable',
        });
        if (info.rejected.length > 0)
          return { kind: 'rejected', reason: String(info.response ?? 'rejected').slice(0, 300) };
        return { kind: 'accepted', messageId: info.messageId };
      } catch (error) {
        return outcomeOfError(error);
      }
    },
    async verify() {
      await transport.verify();
    },
    async close() {
      transport.close();
    },
  };
}
