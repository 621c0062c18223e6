import type { Gemeente } from '../../domain/geo/gemeente.js';
import type { Clock } from '../ports/clock.js';
import type { DashboardRepository } from '../ports/dashboard-repository.js';
import type { IdGenerator } from '../ports/id-generator.js';
import type { Store } from '../ports/stores.js';
import type { ActionFiguresRefresher } from './action-figures-refresher.js';

export interface DashboardDeps {
  readonly dashboard: DashboardRepository;
  /** For the audit log. */
  readonly store: Store;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Every gemeente with its population and regions (the bundled CBS data). */
  readonly gemeenten: ReadonlyMap<string, Gemeente>;
  /** Views bring the figures of actions that started or ended since the last refresh up to date before reading. */
  readonly refresher: Pick<ActionFiguresRefresher, 'refreshChanged'>;
}
