import { randomBytes, randomUUID } from 'node:crypto';
import type { CountryCode } from 'libphonenumber-js';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Logger } from 'pino';
import type { Clock } from '../app/ports/clock.js';
import type { EmailChannel } from '../app/ports/email-channel.js';
import type { Geocoder } from '../app/ports/geocoder.js';
import type { SmsChannel } from '../app/ports/sms-channel.js';
import type { Store } from '../app/ports/stores.js';
import type { VoiceChannel } from '../app/ports/voice-channel.js';
import { createImportJobs } from '../app/relatiebeheer/import-jobs.js';
import { createBackgroundTasks } from '../app/self-service/background-tasks.js';
import { createHmacSelfServiceCrypto } from '../adapters/crypto/hmac-self-service-crypto.js';
import type { SelfServiceHttpDeps } from '../adapters/http/self-service/self-service-http-deps.js';
import type { Catalogue } from '../domain/messages/catalogue.js';
import type { GemeenteScope } from '../domain/staff/staff.js';
import type { Component } from './component.js';
import type { Section } from './config-section.js';

export const SELF_SERVICE_KEYS = [
  'SELF_SERVICE_SECRET',
  'CODE_LIMIT_PER_NUMBER_PER_HOUR',
  'CODE_LIMIT_PER_IP_PER_HOUR',
  'CODE_LIMIT_NATIONAL_PER_HOUR',
  'CODE_MAX_ATTEMPTS',
  'CODE_VALIDITY_MINUTES',
  'CODE_COUNTRIES',
  'PUBLIC_BASE_URL',
  'SELF_SERVICE_SESSION_MINUTES',
  'IMPORT_MAX_MEGABYTES',
  'IMPORT_MAX_ROWS',
  'IMPORT_RUNNING_PER_ACCOUNT',
  'IMPORT_RUNNING_MAX',
  'PHONE_COUNTRIES',
] as const;

/** Relatiebeheer lists the imports and changes of the last this many hours. */
const RECENT_HOURS = 24;

/**
 * Sign-up, "Mijn gegevens" and relatiebeheer. Codes go by SMS or voice; confirmation links and e-mail login
 * codes by the one e-mail channel (SMTP), like Burgernetmail.
 */
export function selfServiceComponent(
  config: Section<typeof SELF_SERVICE_KEYS>,
  deps: {
    readonly store: Store;
    readonly clock: Clock;
    readonly geocoder: Geocoder;
    readonly gemeenten: ReadonlyMap<string, GemeenteScope>;
    readonly sms: SmsChannel;
    readonly voice: VoiceChannel | null;
    readonly email: EmailChannel;
    readonly catalogue: Catalogue;
    readonly logger: Logger;
    readonly oneTimeCodes?: ((digits: number) => string) | undefined;
  },
): Component<SelfServiceHttpDeps> {
  return {
    name: 'self-service',
    async start() {
      const logger = deps.logger.child({ component: 'self-service' });
      // Without a configured key one is made once and kept in the database, so e-mail links survive a restart.
      const secret =
        config.SELF_SERVICE_SECRET ??
        (await deps.store.selfService.secret(
          'self-service',
          () => randomBytes(32).toString('base64url'),
          deps.clock.now(),
        ));
      const crypto = createHmacSelfServiceCrypto(secret, deps.oneTimeCodes);
      const background = createBackgroundTasks(logger);
      const ids = { newId: randomUUID };
      const selfService = {
        store: deps.store,
        clock: deps.clock,
        ids,
        geocoder: deps.geocoder,
        gemeenten: deps.gemeenten,
        crypto,
        sms: deps.sms,
        voice: deps.voice,
        email: deps.email,
        limits: {
          codesPerNumberPerHour: config.CODE_LIMIT_PER_NUMBER_PER_HOUR,
          codesPerIpPerHour: config.CODE_LIMIT_PER_IP_PER_HOUR,
          codesNationalPerHour: config.CODE_LIMIT_NATIONAL_PER_HOUR,
          maxAttempts: config.CODE_MAX_ATTEMPTS,
          codeValidityMinutes: config.CODE_VALIDITY_MINUTES,
        },
        codeCountries: config.CODE_COUNTRIES,
        texts: deps.catalogue.selfService,
        isMobileNumber: (msisdn: string) => parsePhoneNumberFromString(msisdn)?.getType() === 'MOBILE',
        publicBaseUrl: config.PUBLIC_BASE_URL,
        sessionMinutes: config.SELF_SERVICE_SESSION_MINUTES,
        background,
        logger,
      };
      const relatiebeheer = {
        store: deps.store,
        clock: deps.clock,
        ids,
        geocoder: deps.geocoder,
        gemeenten: deps.gemeenten,
        crypto,
        logger,
      };
      return {
        value: {
          selfService,
          relatiebeheer,
          importJobs: createImportJobs(relatiebeheer, background, {
            maxRows: config.IMPORT_MAX_ROWS,
            maxBytes: config.IMPORT_MAX_MEGABYTES * 1024 * 1024,
            perAccount: config.IMPORT_RUNNING_PER_ACCOUNT,
            running: config.IMPORT_RUNNING_MAX,
          }),
          phoneCountries: config.PHONE_COUNTRIES as CountryCode[],
          recentHours: RECENT_HOURS,
        },
        // Codes and mails handed to the background are sent before the channels close.
        stop: () => background.idle(),
      };
    },
  };
}
