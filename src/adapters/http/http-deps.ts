import type { Logger } from 'pino';
import type { CountryCode } from 'libphonenumber-js';
import type { ActionDeps } from '../../app/actions/action-deps.js';
import type { ParticipantDeps } from '../../app/participants/participant-deps.js';
import type { Gemeente } from '../../domain/geo/gemeente.js';
import type { Meldkamer } from '../../domain/geo/meldkamer.js';

export interface HttpDeps extends ActionDeps, ParticipantDeps {
  readonly referenceData: { readonly gemeenten: readonly Gemeente[]; readonly meldkamers: readonly Meldkamer[] };
  readonly phoneCountries: readonly CountryCode[];
  /** How often the progress stream sends fresh counts. */
  readonly progressIntervalMs: number;
  readonly logger: Logger;
}
