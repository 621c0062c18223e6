import type { GemeenteScope } from '../../domain/staff/staff.js';
import type { Clock } from '../ports/clock.js';
import type { Geocoder } from '../ports/geocoder.js';
import type { IdGenerator } from '../ports/id-generator.js';
import type { Logger } from '../ports/logger.js';
import type { SelfServiceCrypto } from '../ports/self-service-crypto.js';
import type { Store } from '../ports/stores.js';

export interface RelatiebeheerDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly geocoder: Geocoder;
  readonly gemeenten: ReadonlyMap<string, GemeenteScope>;
  /** For erasing a removed participant's codes and counters (kept under keyed hashes). */
  readonly crypto: SelfServiceCrypto;
  readonly logger: Logger;
}
