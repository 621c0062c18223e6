import type { ActionGeography } from '../../domain/action/geographic-scope.js';
import type { Catalogue } from '../../domain/messages/catalogue.js';
import type { BroadcastRouting } from '../ports/broadcast-channel.js';
import type { Clock } from '../ports/clock.js';
import type { DispatchWakeup } from '../ports/dispatch-wakeup.js';
import type { IdGenerator } from '../ports/id-generator.js';
import type { Store } from '../ports/stores.js';

export interface ActionDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly catalogue: Catalogue;
  readonly wakeup: DispatchWakeup;
  /** Broadcast channels (partner webhooks …): who gets the action's events. */
  readonly broadcast: BroadcastRouting;
  /** The police regions and the limits that keep an action to its meldkamer's region and in size. */
  readonly geography: ActionGeography;
}
