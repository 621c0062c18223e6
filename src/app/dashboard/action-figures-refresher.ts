import { countsAsSuccess } from '../../domain/action/action-result.js';
import type { Clock } from '../ports/clock.js';
import type { ComputedActionFigures, DashboardRepository, StoredActionFigures } from '../ports/dashboard-repository.js';
import type { GemeenteLocator } from '../ports/gemeente-locator.js';
import type { Logger } from '../ports/logger.js';

export interface ActionFiguresRefresher {
  /** Actions without figures yet, or whose status moved on: what a view brings up to date before it reads. */
  refreshChanged(): Promise<number>;
  /** Also the active and just-ended ones (their counts still grow). */
  refreshDue(): Promise<number>;
  /** Figures for every started action that has none (a database with history when the dashboard arrived). */
  backfill(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

export interface ActionFiguresRefresherDeps {
  readonly dashboard: DashboardRepository;
  readonly locator: GemeenteLocator;
  readonly clock: Clock;
  readonly logger: Logger;
  /** In a cluster, each periodic refresh is done by one node (src/app/cluster/periodic-jobs.ts). */
  readonly onOneNode?: (job: string, intervalMs: number, work: () => Promise<void>) => () => Promise<void>;
}

const BATCH = 200;
/** More actions than are ever active at once. */
const DUE_LIMIT = 1_000;

/** Where an action counts, and whether it succeeded, from what the store computed. */
export function storedFiguresOf(
  figures: ComputedActionFigures,
  locator: GemeenteLocator,
  at: Date,
): StoredActionFigures {
  const place = locator.gemeenteAt(figures.incident);
  return {
    ...figures,
    gemeenteCode: place?.code ?? null,
    safetyRegionCode: place?.safetyRegionCode ?? null,
    success: figures.status === 'afgesloten' && figures.result !== null ? countsAsSuccess(figures.result) : null,
    refreshedAt: at,
  };
}

/**
 * Keeps `dashboard_actions` current: every `intervalMs` the active and just-ended actions are counted again
 * (deliveries, 0800-0011 calls, tips, pushes); a view refreshes the started and ended ones first, so it never
 * shows an action as still active.
 */
export function createActionFiguresRefresher(
  deps: ActionFiguresRefresherDeps,
  options: { readonly intervalMs: number },
): ActionFiguresRefresher {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;

  const refresh = async (ids: readonly string[]): Promise<number> => {
    const at = deps.clock.now();
    const rows: StoredActionFigures[] = [];
    for (const id of ids) {
      const figures = await deps.dashboard.computeActionFigures(id);
      if (figures !== null) rows.push(storedFiguresOf(figures, deps.locator, at));
    }
    await deps.dashboard.saveActionFigures(rows);
    return rows.length;
  };

  const refreshWhile = async (next: () => Promise<string[]>): Promise<number> => {
    let total = 0;
    for (let ids = await next(); ids.length > 0 && !stopped; ids = ids.length < BATCH ? [] : await next()) {
      total += await refresh(ids);
    }
    return total;
  };

  const tick = async () => {
    try {
      const n = await refresh(
        await deps.dashboard.staleActions(deps.clock.now(), 'due', options.intervalMs, DUE_LIMIT),
      );
      if (n > 0) deps.logger.debug({ actions: n }, 'dashboard figures refreshed');
    } catch (error) {
      deps.logger.error({ err: error }, 'dashboard refresh failed');
    }
  };

  return {
    refreshChanged: () => refreshWhile(() => deps.dashboard.staleActions(deps.clock.now(), 'changed', 0, BATCH)),
    // One pass: active actions stay due, so looping until none is left would never end.
    refreshDue: async () => refresh(await deps.dashboard.staleActions(deps.clock.now(), 'due', 0, DUE_LIMIT)),
    backfill: () => refreshWhile(() => deps.dashboard.actionsWithoutFigures(BATCH)),
    start() {
      if (timer !== null) return;
      stopped = false;
      running = (async () => {
        try {
          const n = await refreshWhile(() => deps.dashboard.actionsWithoutFigures(BATCH));
          if (n > 0) deps.logger.info({ actions: n }, 'dashboard figures made for earlier actions');
        } catch (error) {
          deps.logger.error({ err: error }, 'dashboard backfill failed');
        }
      })();
      const periodic = deps.onOneNode?.('dashboard-refresh', options.intervalMs, tick) ?? tick;
      timer = setInterval(() => {
        running = running.then(periodic).catch((error: unknown) => {
          deps.logger.error({ err: error }, 'dashboard refresh failed');
        });
      }, options.intervalMs);
      timer.unref();
    },
    async stop() {
      stopped = true;
      if (timer !== null) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
