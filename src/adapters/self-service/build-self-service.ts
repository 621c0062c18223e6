import { randomBytes, randomUUID } from 'node:crypto';
import type { CountryCode } from 'libphonenumber-js';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Clock } from '../../app/ports/clock.js';
import type { EmailChannel } from '../../app/ports/email-channel.js';
import type { Geocoder } from '../../app/ports/geocoder.js';
import type { Logger } from '../../app/ports/logger.js';
import type { SmsChannel } from '../../app/ports/sms-channel.js';
import type { Store } from '../../app/ports/stores.js';
import type { VoiceChannel } from '../../app/ports/voice-channel.js';
import { createImportJobs } from '../../app/relatiebeheer/import-jobs.js';
import { createBackgroundTasks, type BackgroundTasks } from '../../app/self-service/background-tasks.js';
import type { Config } from '../../config.js';
import type { Catalogue } from '../../domain/messages/catalogue.js';
import type { GemeenteScope } from '../../domain/staff/staff.js';
import { createHmacSelfServiceCrypto } from '../crypto/hmac-self-service-crypto.js';
import type { SelfServiceHttpDeps } from '../http/self-service-http-deps.js';

/** Wires sign-up, "Mijn gegevens" and relatiebeheer (called from the composition root). */
export async function buildSelfService(
  config: Config,
  parts: {
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
): Promise<{ readonly http: SelfServiceHttpDeps; readonly background: BackgroundTasks }> {
  // Without a configured key one is made once and kept in the database, so e-mail links survive a restart.
  const secret = config.SELF_SERVICE_SECRET ?? (await parts.store.selfService.secret('self-service', () => randomBytes(32).toString('base64url'), parts.clock.now()));
  const crypto = createHmacSelfServiceCrypto(secret, parts.oneTimeCodes);
  const background = createBackgroundTasks(parts.logger);
  const ids = { newId: randomUUID };
  const selfService = {
    store: parts.store,
    clock: parts.clock,
    ids,
    geocoder: parts.geocoder,
    gemeenten: parts.gemeenten,
    crypto,
    sms: parts.sms,
    voice: parts.voice,
    email: parts.email,
    limits: {
      codesPerNumberPerHour: config.CODE_LIMIT_PER_NUMBER_PER_HOUR,
      codesPerIpPerHour: config.CODE_LIMIT_PER_IP_PER_HOUR,
      codesNationalPerHour: config.CODE_LIMIT_NATIONAL_PER_HOUR,
      maxAttempts: config.CODE_MAX_ATTEMPTS,
      codeValidityMinutes: config.CODE_VALIDITY_MINUTES,
    },
    codeCountries: config.CODE_COUNTRIES,
    texts: parts.catalogue.selfService,
    isMobileNumber: (msisdn: string) => parsePhoneNumberFromString(msisdn)?.getType() === 'MOBILE',
    publicBaseUrl: config.PUBLIC_BASE_URL,
    sessionMinutes: config.SELF_SERVICE_SESSION_MINUTES,
    background,
    logger: parts.logger,
  };
  const relatiebeheer = { store: parts.store, clock: parts.clock, ids, geocoder: parts.geocoder, gemeenten: parts.gemeenten, crypto, logger: parts.logger };
  return {
    background,
    http: {
      selfService,
      relatiebeheer,
      importJobs: createImportJobs(relatiebeheer, background),
      importMaxBytes: config.IMPORT_MAX_MEGABYTES * 1024 * 1024,
      phoneCountries: config.PHONE_COUNTRIES as CountryCode[],
      recentHours: 24,
      secureCookies: config.PUBLIC_BASE_URL.startsWith('https:'),
    },
  };
}
