import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerAddress, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { Logger } from '../../../app/ports/logger.js';
import { parseDeliveryStatus, type DsnRecipientFields } from './dsn-parser.js';

export interface InboundReport {
  /** The addresses the message was sent to (RCPT TO): our VERP return paths. */
  readonly envelopeRecipients: readonly string[];
  /** The per-recipient fields of its delivery status part(s); empty for a message that is no DSN. */
  readonly recipients: readonly DsnRecipientFields[];
}

export interface BounceListener {
  readonly host: string;
  readonly port: number;
  close(): Promise<void>;
}

export interface BounceListenerOptions {
  readonly host: string;
  readonly port: number;
  /** Only `bounce+…@<domain>` is accepted; anything else is refused at RCPT (this is no open relay). */
  readonly bounceDomain: string;
  readonly maxMessageBytes: number;
  readonly maxConnections: number;
}

const DELIVERY_STATUS = new Set(['message/delivery-status', 'message/global-delivery-status']);

/**
 * The inbound SMTP listener for bounces: where mail to the VERP return paths arrives (as the MX of the bounce
 * domain, or behind one). Each message is parsed (mailparser, keeping the delivery-status part) and its RFC 3464
 * fields handed on; the message is accepted only after they were stored, so a sending MTA retries when the
 * database could not take them (451). No authentication, no relaying, a size limit; nothing of a message is kept.
 */
export async function startBounceListener(
  options: BounceListenerOptions,
  deps: { readonly logger: Logger; readonly onReport: (report: InboundReport) => Promise<void> },
): Promise<BounceListener> {
  const local = new RegExp(
    `^bounce\\+[^@\\s]{1,60}@${options.bounceDomain.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`,
    'i',
  );
  const server = new SMTPServer({
    name: options.bounceDomain,
    banner: 'Burgernet bounce listener',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    hideDSN: true,
    size: options.maxMessageBytes,
    maxClients: options.maxConnections,
    logger: false,
    onRcptTo(address: SMTPServerAddress, _session: SMTPServerSession, callback: (error?: Error | null) => void) {
      if (!local.test(address.address))
        return callback(Object.assign(new Error('5.1.1 No such recipient here'), { responseCode: 550 }));
      callback();
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (error?: Error | null) => void) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (stream.sizeExceeded)
          return callback(Object.assign(new Error('5.3.4 Message too big'), { responseCode: 552 }));
        const envelopeRecipients = session.envelope.rcptTo.map((r) => r.address);
        handle(Buffer.concat(chunks), envelopeRecipients).then(
          () => callback(),
          (error: unknown) => {
            deps.logger.error({ err: error }, 'storing a bounce failed');
            callback(Object.assign(new Error('4.3.0 Try again later'), { responseCode: 451 }));
          },
        );
      });
    },
  });

  async function handle(raw: Buffer, envelopeRecipients: string[]): Promise<void> {
    const parsed = await simpleParser(raw, {
      keepDeliveryStatus: true,
      skipHtmlToText: true,
      skipTextToHtml: true,
      skipTextLinks: true,
      skipImageLinks: true,
    });
    const recipients = parsed.attachments
      .filter((a) => DELIVERY_STATUS.has(a.contentType.toLowerCase()))
      .flatMap((a) => parseDeliveryStatus(a.content.toString('utf8')));
    await deps.onReport({ envelopeRecipients, recipients });
  }

  server.on('error', (error: Error) => deps.logger.warn({ err: { message: error.message } }, 'bounce listener error'));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.server.address() as AddressInfo;
  return {
    host: options.host,
    port: address.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
