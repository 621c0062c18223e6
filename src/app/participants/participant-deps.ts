import type { GemeenteScope } from '../../domain/staff/staff.js';
import type { Clock } from '../ports/clock.js';
import type { Geocoder } from '../ports/geocoder.js';
import type { IdGenerator } from '../ports/id-generator.js';
import type { SelfServiceCrypto } from '../ports/self-service-crypto.js';
import type { Store } from '../ports/stores.js';

export interface ParticipantDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly geocoder: Geocoder;
  /** Every gemeente by code, with the meldkamer that covers it. */
  readonly gemeenten: ReadonlyMap<string, GemeenteScope>;
  /**
   * Keys the hashes under which a participant's codes and counters are kept, so that deleting them erases those
   * too; absent where self-service is not served (nothing is kept under such hashes then).
   */
  readonly crypto?: SelfServiceCrypto;
}
