import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { RecipientChannelRegistration } from '../recipient-channel-registration.js';
import { startBounceListener, type BounceListener, type InboundReport } from './bounce-listener.js';
import { loadDkimKey, type DkimKey } from './dkim-key.js';
import { createSmtpEmailChannel, type SmtpEmailChannel } from './smtp-email-channel.js';
import { startSmtpSimulator, type SmtpSimulator } from './smtp-simulator.js';

const KEYS = [
  'DEMO',
  'DATA_DIR',
  'EMAIL_SMTP',
  'EMAIL_SIMULATOR_PORT',
  'EMAIL_SIMULATOR_KEEP',
  'EMAIL_SMTP_HOST',
  'EMAIL_SMTP_PORT',
  'EMAIL_SMTP_SECURE',
  'EMAIL_SMTP_REQUIRE_TLS',
  'EMAIL_SMTP_CA_FILE',
  'EMAIL_SMTP_USERNAME',
  'EMAIL_SMTP_PASSWORD',
  'EMAIL_SMTP_CONNECTIONS',
  'EMAIL_MESSAGES_PER_SECOND',
  'EMAIL_FROM_ADDRESS',
  'EMAIL_FROM_NAME',
  'EMAIL_HELO_NAME',
  'EMAIL_DKIM_DOMAIN',
  'EMAIL_DKIM_SELECTOR',
  'EMAIL_DKIM_PRIVATE_KEY',
  'EMAIL_BOUNCE_DOMAIN',
  'EMAIL_BOUNCE_HOST',
  'EMAIL_BOUNCE_PORT',
  'EMAIL_BOUNCE_MAX_KILOBYTES',
] as const;

/** How long the relay may take to answer one command. */
const SMTP_TIMEOUT_MS = 30_000;
/** Senders of bounces connected at once. */
const BOUNCE_MAX_CONNECTIONS = 50;

export interface Email {
  /** The one SMTP channel: Burgernetmail, sign-up confirmations and e-mail login codes all go through it. */
  readonly channel: SmtpEmailChannel;
  /** The built-in relay (EMAIL_SMTP=simulator), or null. */
  readonly simulator: SmtpSimulator | null;
  readonly bounceListener: BounceListener;
  readonly dkim: DkimKey | null;
  /**
   * Who stores the delivery reports that reach the bounce listener (Burgernetmail). Until one is set, reports
   * are answered 451, so the sending MTA keeps them and tries again.
   */
  onDeliveryReport(handler: (report: InboundReport) => Promise<void>): void;
}

/** E-mail: the SMTP channel to the relay (the simulator in the demo), DKIM, and the inbound listener for bounces. */
export const emailSmtp: RecipientChannelRegistration<(typeof KEYS)[number], Email> = {
  name: 'email-smtp',
  keys: KEYS,
  async start(config, deps) {
    const logger = deps.logger.child({ component: 'email' });
    const dkim = await loadDkimKey({
      configured: config.EMAIL_DKIM_PRIVATE_KEY,
      file: config.DEMO ? join(resolve(config.DATA_DIR), 'dkim-private-key.pem') : null,
    });
    if (dkim === null) logger.warn({}, 'no DKIM key configured (EMAIL_DKIM_PRIVATE_KEY): e-mail goes out unsigned');
    else
      logger.info(
        {
          selector: config.EMAIL_DKIM_SELECTOR,
          domain: config.EMAIL_DKIM_DOMAIN,
          source: dkim.source,
          dnsRecord: dkim.dnsRecord,
        },
        'DKIM key loaded',
      );

    let reportHandler: ((report: InboundReport) => Promise<void>) | null = null;
    const bounceListener = await startBounceListener(
      {
        host: config.EMAIL_BOUNCE_HOST,
        port: config.EMAIL_BOUNCE_PORT,
        bounceDomain: config.EMAIL_BOUNCE_DOMAIN,
        maxMessageBytes: config.EMAIL_BOUNCE_MAX_KILOBYTES * 1024,
        maxConnections: BOUNCE_MAX_CONNECTIONS,
      },
      {
        logger,
        onReport: async (report) => {
          if (reportHandler === null) throw new Error('no one stores delivery reports yet');
          await reportHandler(report);
        },
      },
    );
    const simulator =
      config.EMAIL_SMTP === 'simulator'
        ? await startSmtpSimulator(
            {
              host: '127.0.0.1',
              port: config.EMAIL_SIMULATOR_PORT,
              keep: config.EMAIL_SIMULATOR_KEEP,
              reportsTo: { host: bounceListener.host, port: bounceListener.port },
              successReports: true,
            },
            { logger },
          )
        : null;
    const channel = createSmtpEmailChannel(
      {
        host: simulator?.host ?? config.EMAIL_SMTP_HOST,
        port: simulator?.port ?? config.EMAIL_SMTP_PORT,
        secure: simulator === null && config.EMAIL_SMTP_SECURE,
        requireTls: simulator === null && config.EMAIL_SMTP_REQUIRE_TLS,
        ca: config.EMAIL_SMTP_CA_FILE === undefined ? null : await readFile(config.EMAIL_SMTP_CA_FILE, 'utf8'),
        username: config.EMAIL_SMTP_USERNAME === '' || simulator !== null ? null : config.EMAIL_SMTP_USERNAME,
        password: config.EMAIL_SMTP_PASSWORD === '' ? null : config.EMAIL_SMTP_PASSWORD,
        connections: config.EMAIL_SMTP_CONNECTIONS,
        messagesPerSecond: config.EMAIL_MESSAGES_PER_SECOND,
        fromAddress: config.EMAIL_FROM_ADDRESS,
        fromName: config.EMAIL_FROM_NAME,
        heloName: config.EMAIL_HELO_NAME,
        dkim:
          dkim === null
            ? null
            : { domain: config.EMAIL_DKIM_DOMAIN, selector: config.EMAIL_DKIM_SELECTOR, privateKey: dkim.privateKey },
        timeoutMs: SMTP_TIMEOUT_MS,
      },
      { logger },
    );
    logger.info(
      {
        relay:
          simulator === null
            ? `${config.EMAIL_SMTP_HOST}:${config.EMAIL_SMTP_PORT}`
            : `simulator on port ${simulator.port}`,
        bouncePort: bounceListener.port,
      },
      'e-mail channel ready',
    );
    return {
      value: {
        channel,
        simulator,
        bounceListener,
        dkim,
        onDeliveryReport(handler) {
          reportHandler = handler;
        },
      },
      async stop() {
        await channel.close();
        await simulator?.close();
        await bounceListener.close();
      },
    };
  },
};
