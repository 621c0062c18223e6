import { randomBytes, randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { createMailDispatcher, type MailDispatcher } from '../app/burgernetmail/mail-dispatcher.js';
import type { MailDeps } from '../app/burgernetmail/mail-deps.js';
import { ensureNationalTemplates } from '../app/burgernetmail/manage-templates.js';
import { recordDeliveryReport } from '../app/burgernetmail/record-delivery-report.js';
import type { Clock } from '../app/ports/clock.js';
import type { DispatchWakeup } from '../app/ports/dispatch-wakeup.js';
import type { ImageSanitizer } from '../app/ports/image-sanitizer.js';
import type { PhotoStorage } from '../app/ports/photo-storage.js';
import type { Store } from '../app/ports/stores.js';
import { createMailDocumentRenderer } from '../adapters/burgernetmail/mail-document-renderer.js';
import type { Email } from '../adapters/channels/email-smtp/email-smtp.js';
import { createHmacSelfServiceCrypto } from '../adapters/crypto/hmac-self-service-crypto.js';
import type { MailHttpDeps } from '../adapters/http/burgernetmail/mail-http-deps.js';
import type { Database } from '../adapters/store/database/database.js';
import { openPostgresDatabase } from '../adapters/store/database/postgres-database.js';
import { createMailStore } from '../adapters/store/mail/create-mail-store.js';
import type { TemplateOwner } from '../domain/mail/mail-template.js';
import type { Catalogue } from '../domain/messages/catalogue.js';
import { NO_LEASE, type NodeLease } from '../app/cluster/node-lease.js';
import type { Component } from './component.js';
import type { Section } from './config-section.js';
import type { Geodata } from './database-component.js';

export const BURGERNETMAIL_KEYS = [
  'DATABASE_URL',
  'DEMO',
  'SELF_SERVICE_SECRET',
  'PUBLIC_BASE_URL',
  'PHOTO_MAX_BYTES',
  'EMAIL_FROM_NAME',
  'EMAIL_BOUNCE_DOMAIN',
  'EMAIL_DSN_ON_SUCCESS',
  'MAIL_BATCH_SIZE',
  'MAIL_MAX_IN_FLIGHT',
  'MAIL_DATABASE_POOL_SIZE',
  'MAIL_ANSWER_DAYS',
  'MAIL_ANSWERS_PER_LINK',
  'MAIL_RETRY_SECONDS',
] as const;

/** The worker looks for mail this often when nobody wakes it, and asks this often whether an action needs the way. */
const POLL_INTERVAL_MS = 1_000;
const YIELD_CHECK_MS = 200;
/** Recipients are queued in chunks of this many, so that queuing too gives way to actions. */
const QUEUE_CHUNK = 2_000;

export interface Burgernetmail {
  readonly http: MailHttpDeps;
  readonly dispatcher: MailDispatcher;
}

/**
 * Burgernetmail: the national templates, the API's use cases and the mail worker on connections of its own,
 * which gives way to every action. It sends through the one e-mail channel and stores the bounces it gets.
 */
export function burgernetmailComponent(
  config: Section<typeof BURGERNETMAIL_KEYS>,
  deps: {
    readonly database: Database;
    /** The mail worker's own database connections; default: its own pool on DATABASE_URL, or the one database (PGlite). */
    readonly mailDatabase?: Database | undefined;
    readonly store: Store;
    readonly clock: Clock;
    readonly logger: Logger;
    readonly wakeup: DispatchWakeup;
    readonly catalogue: Catalogue;
    readonly geodata: Geodata;
    readonly email: Email;
    readonly media: { readonly photos: PhotoStorage; readonly images: ImageSanitizer };
    /** This node's lease; null on an API node: the mail worker does not run there. */
    readonly lease: NodeLease | null;
  },
): Component<Burgernetmail> {
  return {
    name: 'burgernetmail',
    async start() {
      const logger = deps.logger.child({ component: 'burgernetmail' });
      const ownPool =
        deps.mailDatabase === undefined && deps.database.kind === 'postgres' && config.DATABASE_URL !== undefined;
      const mailDatabase =
        deps.mailDatabase ??
        (ownPool ? await openPostgresDatabase(config.DATABASE_URL, config.MAIL_DATABASE_POOL_SIZE) : deps.database);

      const secret =
        config.SELF_SERVICE_SECRET ??
        (await deps.store.selfService.secret(
          'burgernetmail',
          () => randomBytes(32).toString('base64url'),
          deps.clock.now(),
        ));
      const gemeenteNames = new Map(deps.geodata.gemeenten.map((g) => [g.code, g.name]));
      const meldkamerNames = new Map(deps.geodata.meldkamers.map((m) => [m.code, m.name]));
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
        clock: deps.clock,
        ids: { newId: randomUUID },
        gemeenten: deps.geodata.gemeenteScopes,
        crypto: createHmacSelfServiceCrypto(secret),
        renderer: createMailDocumentRenderer(deps.catalogue.mail),
        texts: deps.catalogue.mail,
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
      deps.email.onDeliveryReport(
        async (report) => void (await recordDeliveryReport({ ...base, store: workerStore }, report)),
      );
      const apiDeps: MailDeps = { ...base, store: createMailStore(deps.database), email: deps.email.channel };
      await ensureNationalTemplates(apiDeps);
      dispatcher = createMailDispatcher(
        { ...base, store: workerStore, email: deps.email.channel },
        {
          lease: deps.lease ?? NO_LEASE,
          batchSize: config.MAIL_BATCH_SIZE,
          maxInFlight: config.MAIL_MAX_IN_FLIGHT,
          pollIntervalMs: POLL_INTERVAL_MS,
          yieldCheckMs: YIELD_CHECK_MS,
          queueChunk: QUEUE_CHUNK,
          retryPauseMs: config.MAIL_RETRY_SECONDS * 1000,
        },
      );
      // An action starting or queuing SMS holds the mail worker at once; the database says when it may go on.
      deps.wakeup.onTargetingQueued(() => dispatcher?.actionsSignalled());
      deps.wakeup.onDeliveriesQueued((channelKind) => {
        if (channelKind === 'sms') dispatcher?.actionsSignalled();
      });
      if (deps.lease !== null) await dispatcher.start();
      const running = dispatcher;
      return {
        value: {
          http: {
            mail: apiDeps,
            media: deps.media,
            maxPhotoBytes: config.PHOTO_MAX_BYTES,
            simulator: deps.email.simulator,
            demo: config.DEMO,
            dkimDnsRecord: deps.email.dkim?.dnsRecord ?? null,
          },
          dispatcher: running,
        },
        async stop() {
          await running.stop();
          if (ownPool) await mailDatabase.close();
        },
      };
    },
  };
}
