import type { AbuseLimits } from '../../domain/self-service/abuse-limit.js';
import type { SelfServiceTexts } from '../../domain/messages/self-service-texts.js';
import type { GemeenteScope } from '../../domain/staff/staff.js';
import type { Clock } from '../ports/clock.js';
import type { EmailChannel } from '../ports/email-channel.js';
import type { Geocoder } from '../ports/geocoder.js';
import type { IdGenerator } from '../ports/id-generator.js';
import type { Logger } from '../ports/logger.js';
import type { SelfServiceCrypto } from '../ports/self-service-crypto.js';
import type { SmsChannel } from '../ports/sms-channel.js';
import type { Store } from '../ports/stores.js';
import type { VoiceChannel } from '../ports/voice-channel.js';
import type { BackgroundTasks } from './background-tasks.js';

export interface SelfServiceDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly geocoder: Geocoder;
  readonly gemeenten: ReadonlyMap<string, GemeenteScope>;
  readonly crypto: SelfServiceCrypto;
  readonly sms: SmsChannel;
  /** Null while no voice channel is configured: landlines cannot be verified then. */
  readonly voice: VoiceChannel | null;
  readonly email: EmailChannel;
  readonly limits: AbuseLimits;
  /** Countries whose numbers may receive a code (the Netherlands; its neighbours when registering across the border is allowed). */
  readonly codeCountries: readonly string[];
  readonly texts: SelfServiceTexts;
  /** Whether a stored number is a mobile one (SMS needs that). */
  readonly isMobileNumber: (msisdn: string) => boolean;
  /** Where links in e-mails point, e.g. https://www.burgernet.nl (no trailing slash). */
  readonly publicBaseUrl: string;
  readonly sessionMinutes: number;
  readonly background: BackgroundTasks;
  readonly logger: Logger;
}

/** Who did it, in the audit log, when participants act themselves: never their name. */
export const SELF = { actorId: null, actorName: 'deelnemer (zelf)' } as const;
