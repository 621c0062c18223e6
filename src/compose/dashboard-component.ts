import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { createActionFiguresRefresher } from '../app/dashboard/action-figures-refresher.js';
import type { DashboardDeps } from '../app/dashboard/dashboard-deps.js';
import type { Clock } from '../app/ports/clock.js';
import type { Store } from '../app/ports/stores.js';
import { loadGemeenteLocator } from '../adapters/geodata/gemeente-locator.js';
import { createSqlDashboardRepository } from '../adapters/store/dashboard/sql-dashboard-repository.js';
import type { Queryable } from '../adapters/store/database/database.js';
import type { Gemeente } from '../domain/geo/gemeente.js';
import type { PeriodicJobs } from '../app/cluster/periodic-jobs.js';
import type { Component } from './component.js';
import type { Section } from './config-section.js';

export const DASHBOARD_KEYS = ['DASHBOARD_REFRESH_SECONDS'] as const;

/** The dashboard's store, the gemeente locator and the refresher that keeps the figures of actions current. */
export function dashboardComponent(
  config: Section<typeof DASHBOARD_KEYS>,
  deps: {
    readonly database: Queryable;
    readonly store: Store;
    readonly clock: Clock;
    readonly logger: Logger;
    readonly gemeenten: readonly Gemeente[];
    /** Null on an API node: the figures are kept current by the worker nodes (one at a time). */
    readonly periodic: PeriodicJobs | null;
  },
): Component<DashboardDeps> {
  return {
    name: 'dashboard',
    async start() {
      const dashboard = createSqlDashboardRepository(deps.database);
      const locator = await loadGemeenteLocator(deps.gemeenten);
      const refresher = createActionFiguresRefresher(
        {
          dashboard,
          locator,
          clock: deps.clock,
          logger: deps.logger.child({ component: 'dashboard' }),
          onOneNode: deps.periodic?.onOneNode,
        },
        { intervalMs: config.DASHBOARD_REFRESH_SECONDS * 1000 },
      );
      if (deps.periodic !== null) refresher.start();
      return {
        value: {
          dashboard,
          store: deps.store,
          clock: deps.clock,
          ids: { newId: randomUUID },
          gemeenten: new Map(deps.gemeenten.map((g) => [g.code, g])),
          refresher,
        },
        stop: () => refresher.stop(),
      };
    },
  };
}
