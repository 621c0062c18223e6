import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { createActionFiguresRefresher, type ActionFiguresRefresher } from '../../app/dashboard/action-figures-refresher.js';
import type { DashboardDeps } from '../../app/dashboard/dashboard-deps.js';
import type { Clock } from '../../app/ports/clock.js';
import type { Store } from '../../app/ports/stores.js';
import type { Gemeente } from '../../domain/geo/gemeente.js';
import { loadGemeenteLocator } from '../geodata/gemeente-locator.js';
import { createSqlDashboardRepository } from '../store/dashboard/sql-dashboard-repository.js';
import type { Queryable } from '../store/database/database.js';

export interface DashboardRuntime {
  readonly deps: DashboardDeps;
  readonly refresher: ActionFiguresRefresher;
}

/** The dashboard's store, the gemeente locator and the refresher of action figures (started by the caller). */
export async function buildDashboard(
  database: Queryable,
  deps: { readonly store: Store; readonly clock: Clock; readonly logger: Logger; readonly gemeenten: readonly Gemeente[] },
  options: { readonly refreshIntervalMs: number },
): Promise<DashboardRuntime> {
  const dashboard = createSqlDashboardRepository(database);
  const locator = await loadGemeenteLocator(deps.gemeenten);
  const refresher = createActionFiguresRefresher({ dashboard, locator, clock: deps.clock, logger: deps.logger }, { intervalMs: options.refreshIntervalMs });
  return {
    refresher,
    deps: { dashboard, store: deps.store, clock: deps.clock, ids: { newId: randomUUID }, gemeenten: new Map(deps.gemeenten.map((g) => [g.code, g])), refresher },
  };
}
