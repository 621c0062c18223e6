import type { PresenceCell } from '../../domain/push/presence-cell.js';
import type { Clock } from '../ports/clock.js';
import type { DeviceTokens } from '../ports/device-tokens.js';
import type { IdGenerator } from '../ports/id-generator.js';
import type { NotifiedDevices } from '../ports/notified-devices.js';
import type { PresenceIndex } from '../ports/presence-index.js';
import type { PushTarget } from '../ports/push-channel.js';
import type { Store } from '../ports/stores.js';

/** What the phone-facing push use cases need. */
export interface PushDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly tokens: DeviceTokens;
  readonly presence: PresenceIndex;
  readonly notified: NotifiedDevices;
  /** Told when a phone comes into a cell (the fan-out service pushes active actions covering it). */
  readonly onArrival: (target: PushTarget, cell: PresenceCell) => void;
}
