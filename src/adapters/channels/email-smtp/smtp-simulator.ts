import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { SMTPServer, type SMTPServerAddress, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { Logger } from '../../../app/ports/logger.js';
import { buildDsn, type DsnRecipient } from './dsn-message.js';

export interface SimulatedMessage {
  readonly id: string;
  readonly receivedAt: Date;
  /** MAIL FROM: the return path (a VERP address for Burgernetmail). */
  readonly from: string;
  readonly to: readonly string[];
  /** The message as it arrived (headers and body, CRLF). */
  readonly raw: string;
  /** Whether the client had upgraded the connection with STARTTLS. */
  readonly secure: boolean;
  readonly user: string | null;
}

export interface SmtpSimulator {
  readonly host: string;
  readonly port: number;
  /** The last messages (up to `keep`), oldest first. */
  readonly messages: readonly SimulatedMessage[];
  /** Messages received since the start, also those no longer kept. */
  readonly received: number;
  /** How many messages each recipient address got (duplicates show as more than one). */
  readonly perRecipient: ReadonlyMap<string, number>;
  /** Called for each message as it arrives. */
  onMessage(listener: (message: SimulatedMessage) => void): () => void;
  close(): Promise<void>;
}

export interface SmtpSimulatorOptions {
  readonly host: string;
  readonly port: number;
  /** Messages kept in memory (the demo page shows them); older ones are dropped. */
  readonly keep: number;
  /** STARTTLS with this certificate; none: plain SMTP only. */
  readonly tls?: { readonly key: string; readonly cert: string };
  /** Require AUTH with these credentials; none: no authentication. */
  readonly auth?: { readonly username: string; readonly password: string };
  /** Where delivery status notifications go (our bounce listener); none: no notifications at all. */
  readonly reportsTo?: { readonly host: string; readonly port: number };
  /** Send a notification of delivery when the envelope asks for one (NOTIFY=SUCCESS). */
  readonly successReports?: boolean;
}

const REPORTING_MTA = 'smtp-simulator.burgernet.test';

/**
 * The relay the demo and the tests send to: a real SMTP server on a local port that keeps every message. It can
 * fail in named ways, by the recipient's address:
 * - a domain ending in `.invalid`: accepted, then bounced (5.1.1, no such user) to the return path;
 * - a local part starting with `vol`: accepted, then bounced (5.2.2, mailbox full: a soft bounce);
 * - a local part starting with `weigeren`: refused at RCPT TO (550 5.1.1);
 * - otherwise delivered, with a notification of delivery when asked for (NOTIFY=SUCCESS) and `successReports` is on.
 */
export async function startSmtpSimulator(
  options: SmtpSimulatorOptions,
  deps: { readonly logger: Logger },
): Promise<SmtpSimulator> {
  const messages: SimulatedMessage[] = [];
  const perRecipient = new Map<string, number>();
  const listeners = new Set<(message: SimulatedMessage) => void>();
  let received = 0;
  const reporter =
    options.reportsTo === undefined
      ? null
      : nodemailer.createTransport({
          host: options.reportsTo.host,
          port: options.reportsTo.port,
          secure: false,
          ignoreTLS: true,
          pool: true,
          maxConnections: 2,
          logger: false,
        });
  let reporting: Promise<unknown> = Promise.resolve();

  const server = new SMTPServer({
    name: REPORTING_MTA,
    banner: 'Burgernet SMTP simulator',
    logger: false,
    hideDSN: false,
    size: 10 * 1024 * 1024,
    ...(options.tls === undefined
      ? { disabledCommands: options.auth === undefined ? ['STARTTLS', 'AUTH'] : ['STARTTLS'] }
      : { key: options.tls.key, cert: options.tls.cert }),
    ...(options.auth === undefined
      ? { authOptional: true }
      : { authMethods: ['PLAIN', 'LOGIN'], allowInsecureAuth: false }),
    onAuth(auth, _session, callback) {
      const ok =
        options.auth !== undefined &&
        auth.username === options.auth.username &&
        auth.password === options.auth.password;
      callback(
        ok ? null : Object.assign(new Error('5.7.8 Authentication failed'), { responseCode: 535 }),
        ok ? { user: auth.username } : undefined,
      );
    },
    onRcptTo(address: SMTPServerAddress, _session: SMTPServerSession, callback: (error?: Error | null) => void) {
      if (/^weigeren/i.test(address.address))
        return callback(
          Object.assign(new Error('5.1.1 Recipient address rejected: User unknown'), { responseCode: 550 }),
        );
      callback();
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (error?: Error | null) => void) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      // The session's envelope is reset once the message is answered: take what we need first.
      const rcpts = [...session.envelope.rcptTo];
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const message: SimulatedMessage = {
          id: randomUUID(),
          receivedAt: new Date(),
          from: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
          to: rcpts.map((r) => r.address),
          raw,
          secure: session.secure,
          user: typeof session.user === 'string' ? session.user : null,
        };
        received += 1;
        for (const to of message.to) perRecipient.set(to.toLowerCase(), (perRecipient.get(to.toLowerCase()) ?? 0) + 1);
        if (options.keep > 0) {
          messages.push(message);
          if (messages.length > options.keep) messages.shift();
        }
        callback();
        for (const listener of listeners) listener(message);
        report(message, rcpts);
      });
    },
  });

  function report(message: SimulatedMessage, rcpts: readonly SMTPServerAddress[]): void {
    if (reporter === null || message.from === '') return;
    const recipients: DsnRecipient[] = [];
    for (const rcpt of rcpts) {
      const [localPart = '', domain = ''] = rcpt.address.toLowerCase().split('@');
      if (domain.endsWith('.invalid'))
        recipients.push({
          address: rcpt.address,
          action: 'failed',
          status: '5.1.1',
          diagnostic: `550 5.1.1 <${rcpt.address}>: Recipient address rejected: User unknown`,
        });
      else if (localPart.startsWith('vol'))
        recipients.push({
          address: rcpt.address,
          action: 'failed',
          status: '5.2.2',
          diagnostic: `552 5.2.2 <${rcpt.address}>: Mailbox full`,
        });
      else if (options.successReports === true && rcpt.dsn?.notify?.includes('SUCCESS'))
        recipients.push({ address: rcpt.address, action: 'delivered', status: '2.0.0', diagnostic: null });
    }
    if (recipients.length === 0) return;
    const headerEnd = message.raw.indexOf('\r\n\r\n');
    const raw = buildDsn({
      reportingMta: REPORTING_MTA,
      to: message.from,
      recipients,
      originalHeaders: message.raw.slice(0, headerEnd < 0 ? 4_000 : headerEnd),
      at: new Date(),
    });
    // One after the other, as an MTA's queue would; a failure is logged (the simulator has no queue to retry from).
    reporting = reporting.then(() =>
      reporter
        .sendMail({ envelope: { from: `MAILER-DAEMON@${REPORTING_MTA}`, to: [message.from] }, raw })
        .catch((error: unknown) => {
          deps.logger.warn(
            { err: { message: error instanceof Error ? error.message : String(error) } },
            'smtp simulator could not deliver a report',
          );
        }),
    );
  }

  server.on('error', (error: Error) => deps.logger.warn({ err: { message: error.message } }, 'smtp simulator error'));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;

  return {
    host: options.host,
    port,
    get messages() {
      return messages;
    },
    get received() {
      return received;
    },
    perRecipient,
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      await reporting;
      reporter?.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
