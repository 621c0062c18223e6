import { randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createMailDispatcher, type MailDispatcher } from '../../app/burgernetmail/mail-dispatcher.js';
import type { MailDeps } from '../../app/burgernetmail/mail-deps.js';
import { ensureNationalTemplates } from '../../app/burgernetmail/manage-templates.js';
import { recordDeliveryReport } from '../../app/burgernetmail/record-delivery-report.js';
import type { Clock } from '../../app/ports/clock.js';
import type { DispatchWakeup } from '../../app/ports/dispatch-wakeup.js';
import type { ImageSanitizer } from '../../app/ports/image-sanitizer.js';
import type { Logger } from '../../app/ports/logger.js';
import type { PhotoStorage } from '../../app/ports/photo-storage.js';
import type { Store } from '../../app/ports/stores.js';
import type { Config } from '../../config.js';
import type { Gemeente } from '../../domain/geo/gemeente.js';
import type { Meldkamer } from '../../domain/geo/meldkamer.js';
import type { TemplateOwner } from '../../domain/mail/mail-template.js';
import type { Catalogue } from '../../domain/messages/catalogue.js';
import { startBounceListener, type BounceListener } from '../channels/email-smtp/bounce-listener.js';
import { loadDkimKey, type DkimKey } from '../channels/email-smtp/dkim-key.js';
import { createSmtpEmailChannel, type SmtpEmailChannel } from '../channels/email-smtp/smtp-email-channel.js';
import { startSmtpSimulator, type SmtpSimulator } from '../channels/email-smtp/smtp-simulator.js';
import { createHmacSelfServiceCrypto } from '../crypto/hmac-self-service-crypto.js';
import type { MailHttpDeps } from '../http/mail-http-deps.js';
import type { Database } from '../store/database/database.js';
import { openPostgresDatabase } from '../store/database/postgres-database.js';
import { createMailStore } from '../store/mail/create-mail-store.js';
import { createMailDocumentRenderer } from './mail-document-renderer.js';

export interface BurgernetMail {
  readonly http: MailHttpDeps;
  readonly channel: SmtpEmailChannel;
  /** The built-in relay (EMAIL_SMTP=simulator), or null. */
  readonly simulator: SmtpSimulator | null;
  readonly bounceListener: BounceListener;
  readonly dispatcher: MailDispatcher;
  readonly dkim: DkimKey | null;
  stop(): Promise<void>;
}

export interface BurgernetMailParts {
  readonly config: Config;
  readonly database: Database;
  /** The mail worker's own database connections; default: its own pool on DATABASE_URL, or the one database (PGlite). */
  readonly mailDatabase?: Database;
  readonly store: Store;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly wakeup: DispatchWakeup;
  readonly catalogue: Catalogue;
  readonly gemeenten: readonly Gemeente[];
  readonly meldkamers: readonly Meldkamer[];
  readonly media: { readonly photos: PhotoStorage; readonly images: ImageSanitizer };
}

/**
 * Starts Burgernetmail: the SMTP channel (and the simulator in the demo), the inbound listener for bounces, the
 * national templates, and the mail worker on connections of its own, which gives way to every action.
 */
export async function startBurgernetMail(parts: BurgernetMailParts): Promise<BurgernetMail> {
  const { config, logger } = parts;
  const ownPool = parts.mailDatabase === undefined && parts.database.kind === 'postgres' && config.DATABASE_URL !== undefined;
  const mailDatabase = parts.mailDatabase ?? (ownPool ? await openPostgresDatabase(config.DATABASE_URL!, config.MAIL_DATABASE_POOL_SIZE) : parts.database);

  const secret = config.SELF_SERVICE_SECRET ?? (await parts.store.selfService.secret('burgernetmail', () => randomBytes(32).toString('base64url'), parts.clock.now()));
  const crypto = createHmacSelfServiceCrypto(secret);
  const dkim = await loadDkimKey({ configured: config.EMAIL_DKIM_PRIVATE_KEY, file: config.DEMO ? join(resolve(config.DATA_DIR), 'dkim-private-key.pem') : null });
  if (dkim === null) logger.warn({}, 'no DKIM key configured (EMAIL_DKIM_PRIVATE_KEY): Burgernetmail goes out unsigned');
  else logger.info({ selector: config.EMAIL_DKIM_SELECTOR, domain: config.EMAIL_DKIM_DOMAIN, source: dkim.source, dnsRecord: dkim.dnsRecord }, 'DKIM key loaded');

  const gemeenteNames = new Map(parts.gemeenten.map((g) => [g.code, g.name]));
  const meldkamerNames = new Map(parts.meldkamers.map((m) => [m.code, m.name]));
  const organisationName = (owner: TemplateOwner): string => {
    switch (owner.kind) {
      case 'landelijk':
        return config.EMAIL_FROM_NAME;
      case 'gemeente':
        return `Gemeente ${gemeenteNames.get(owner.code) ?? owner.code}`;
      case 'meldkamer':
        return `Politie ${meldkamerNames.get(owner.code) ?? owner.code}`;
    }
  };

  let dispatcher: MailDispatcher | null = null;
  const base = {
    clock: parts.clock,
    ids: { newId: randomUUID },
    gemeenten: new Map(parts.gemeenten.map((g) => [g.code, { code: g.code, meldkamerCode: g.policeUnitCode }])),
    crypto,
    renderer: createMailDocumentRenderer(parts.catalogue.mail),
    texts: parts.catalogue.mail,
    logger,
    organisationName,
    settings: {
      publicBaseUrl: config.PUBLIC_BASE_URL,
      bounceDomain: config.EMAIL_BOUNCE_DOMAIN,
      answerDays: config.MAIL_ANSWER_DAYS,
      answersPerLink: config.MAIL_ANSWERS_PER_LINK,
      notifyOnSuccess: config.EMAIL_DSN_ON_SUCCESS,
    },
    wake: () => dispatcher?.wake(),
  };

  // The worker and the bounces use the mail pool; requests from staff and participants use the main one.
  const workerStore = createMailStore(mailDatabase);
  const bounceListener = await startBounceListener(
    { host: config.EMAIL_BOUNCE_HOST, port: config.EMAIL_BOUNCE_PORT, bounceDomain: config.EMAIL_BOUNCE_DOMAIN, maxMessageBytes: config.EMAIL_BOUNCE_MAX_KILOBYTES * 1024, maxConnections: 50 },
    { logger: logger, onReport: async (report) => void (await recordDeliveryReport({ ...base, store: workerStore }, report)) },
  );
  const simulator =
    config.EMAIL_SMTP === 'simulator'
      ? await startSmtpSimulator(
          { host: '127.0.0.1', port: config.EMAIL_SIMULATOR_PORT, keep: config.EMAIL_SIMULATOR_KEEP, reportsTo: { host: bounceListener.host, port: bounceListener.port }, successReports: true },
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
      dkim: dkim === null ? null : { domain: config.EMAIL_DKIM_DOMAIN, selector: config.EMAIL_DKIM_SELECTOR, privateKey: dkim.privateKey },
      timeoutMs: 30_000,
    },
    { logger },
  );

  const apiDeps: MailDeps = { ...base, store: createMailStore(parts.database), email: channel };
  await ensureNationalTemplates(apiDeps);
  dispatcher = createMailDispatcher(
    { ...base, store: workerStore, email: channel },
    {
      workerId: `${process.pid}-mail-${randomUUID()}`,
      batchSize: config.MAIL_BATCH_SIZE,
      maxInFlight: config.MAIL_MAX_IN_FLIGHT,
      pollIntervalMs: 1_000,
      yieldCheckMs: 200,
      queueChunk: 2_000,
      leaseMs: config.DISPATCH_LEASE_SECONDS * 1000,
      retryPauseMs: config.MAIL_RETRY_SECONDS * 1000,
    },
  );
  // An action starting or queuing SMS holds the mail worker at once; the database says when it may go on.
  parts.wakeup.onTargetingQueued(() => dispatcher?.actionsSignalled());
  parts.wakeup.onDeliveriesQueued((channelKind) => {
    if (channelKind === 'sms') dispatcher?.actionsSignalled();
  });
  await dispatcher.start();
  logger.info({ relay: simulator === null ? `${config.EMAIL_SMTP_HOST}:${config.EMAIL_SMTP_PORT}` : `simulator on port ${simulator.port}`, bouncePort: bounceListener.port }, 'Burgernetmail started');

  return {
    http: { mail: apiDeps, media: parts.media, maxPhotoBytes: config.PHOTO_MAX_BYTES, simulator, demo: config.DEMO, dkimDnsRecord: dkim?.dnsRecord ?? null },
    channel,
    simulator,
    bounceListener,
    dispatcher,
    dkim,
    async stop() {
      await dispatcher?.stop();
      await channel.close();
      await simulator?.close();
      await bounceListener.close();
      if (ownPool) await mailDatabase.close();
    },
  };
}
