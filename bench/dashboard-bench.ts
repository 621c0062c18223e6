import pino from 'pino';
import { dashboardComponent } from '../src/compose/dashboard-component.js';
import { loadGemeenten } from '../src/adapters/geodata/geodata.js';
import { hasDashboardHistory, seedDashboardHistory } from '../src/adapters/seed/dashboard-history.js';
import { createStore } from '../src/adapters/store/create-store.js';
import { viewActions } from '../src/app/dashboard/action-views.js';
import { viewBenchmark, viewMap } from '../src/app/dashboard/benchmark-views.js';
import { viewEmail, viewParticipants, viewTrend } from '../src/app/dashboard/participant-views.js';
import { addDays, amsterdamDate, type DayPeriod } from '../src/domain/dashboard/dashboard-period.js';
import { nl } from '../src/domain/messages/nl.js';
import type { Staff } from '../src/domain/staff/staff.js';
import { dashboardTables, gemeenteDashboardMain } from '../src/adapters/http/dashboard/dashboard-page.js';
import type { BenchDatabase } from './bench-database.js';
import { startProgressBar } from './progress-bar.js';
import { round, summarize } from './stats.js';

export interface DashboardViewFigures {
  readonly view: string;
  readonly gemeente: string;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  readonly runs: number;
}

export interface DashboardFigures {
  readonly participants: number;
  readonly actions: number;
  /** Null when a kept database had its history already. */
  readonly historySeconds: number | null;
  readonly views: readonly DashboardViewFigures[];
  /** The aim: every view under this (p95). */
  readonly aimMs: number;
}

/** The history ends at this moment on every run (the seed phase's registration dates use the same plan). */
export const HISTORY_NOW = new Date('2026-01-01T00:00:00Z');
export const HISTORY_MONTHS = 24;
export const HISTORY_SEED = 2026;
const AIM_MS = 300;
const LANDELIJK: Staff = {
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Bench',
  role: 'landelijk-beheer',
  scope: { kind: 'landelijk' },
};

/**
 * The dashboard on the full data set: the seeded participants (registration dates over two years), two years of
 * actions (`actionsPerMonth`, spread by population, 11 % success), campaigns and departures; then each view of the
 * largest and a small gemeente, `runs` times after one warm-up, as the use cases answer it, and the whole page
 * (every view at once, rendered to HTML, as /plein/dashboard/<code> does).
 */
export async function runDashboardBench(
  bench: BenchDatabase,
  options: { readonly runs: number; readonly actionsPerMonth: number },
): Promise<DashboardFigures> {
  const gemeenten = await loadGemeenten();
  const [row] = await bench.database.query<{ n: number }>('select count(*)::int as n from participants');
  const participants = row?.n ?? 0;
  const total = options.actionsPerMonth * HISTORY_MONTHS;
  const started = performance.now();
  // A kept database (--keep) has its history already: measure it again as it is.
  let actions: number;
  const kept = await hasDashboardHistory(bench.database);
  if (kept) {
    const [row] = await bench.database.query<{ n: number }>('select count(*)::int as n from dashboard_actions');
    actions = row?.n ?? 0;
  } else {
    const bar = startProgressBar(`history (${bench.kind})`, total + gemeenten.length);
    const history = await seedDashboardHistory(bench.database, {
      gemeenten,
      now: HISTORY_NOW,
      months: HISTORY_MONTHS,
      actionsPerMonth: options.actionsPerMonth,
      seed: HISTORY_SEED,
      redateParticipants: false,
      onProgress: (done) => bar.update(done),
    });
    bar.stop();
    actions = history.actions;
  }
  await bench.database.runScript(
    'vacuum analyze dashboard_actions, dashboard_participant_days, dashboard_participants, actions',
  );
  const historySeconds = (performance.now() - started) / 1000;

  const dashboard = await dashboardComponent(
    { DASHBOARD_REFRESH_SECONDS: 60 },
    {
      database: bench.database,
      store: createStore(bench.database),
      clock: { now: () => new Date() },
      logger: pino({ level: 'silent' }),
      gemeenten,
      periodic: null,
    },
  ).start();
  const deps = dashboard.value;
  const to = amsterdamDate(new Date(HISTORY_NOW.getTime() - 86_400_000));
  const periods: Record<string, DayPeriod> = {
    '3 months': { from: addDays(to, -91), to },
    '12 months': { from: addDays(to, -365), to },
    '24 months': { from: addDays(to, -730), to },
  };
  const amsterdam = 'GM0363';
  const small = 'GM0088'; // Schiermonnikoog
  const cases: { view: string; gemeente: string; run: () => Promise<unknown> }[] = [];
  for (const code of [amsterdam, small]) {
    cases.push(
      { view: 'participants', gemeente: code, run: () => viewParticipants(deps, LANDELIJK, code) },
      {
        view: 'trend by day, 3 months',
        gemeente: code,
        run: () => viewTrend(deps, LANDELIJK, code, periods['3 months']!, 'day'),
      },
      {
        view: 'trend by week, 12 months',
        gemeente: code,
        run: () => viewTrend(deps, LANDELIJK, code, periods['12 months']!, 'week'),
      },
      {
        view: 'trend by month, 24 months',
        gemeente: code,
        run: () => viewTrend(deps, LANDELIJK, code, periods['24 months']!, 'month'),
      },
      {
        view: 'actions, 12 months',
        gemeente: code,
        run: () => viewActions(deps, LANDELIJK, code, periods['12 months']!),
      },
      {
        view: 'actions, 24 months',
        gemeente: code,
        run: () => viewActions(deps, LANDELIJK, code, periods['24 months']!),
      },
      { view: 'benchmark', gemeente: code, run: () => viewBenchmark(deps, code) },
      { view: 'email, 12 months', gemeente: code, run: () => viewEmail(deps, LANDELIJK, code, periods['12 months']!) },
      { view: 'whole page (HTML), 12 months', gemeente: code, run: () => wholePage(deps, code, periods['12 months']!) },
    );
  }
  cases.push({ view: 'map (all gemeenten)', gemeente: 'NL', run: () => viewMap(deps) });

  const views: DashboardViewFigures[] = [];
  const timing = startProgressBar(`dashboard (${bench.kind})`, cases.length * (options.runs + 1));
  let done = 0;
  for (const c of cases) {
    await c.run(); // warm-up: plans cached, pages in memory
    timing.update(++done);
    const times: number[] = [];
    for (let i = 0; i < options.runs; i++) {
      const t0 = performance.now();
      await c.run();
      times.push(performance.now() - t0);
      timing.update(++done);
    }
    const s = summarize(times);
    views.push({
      view: c.view,
      gemeente: c.gemeente,
      p50: round(s.p50),
      p95: round(s.p95),
      max: round(s.max),
      runs: s.runs,
    });
  }
  timing.stop();
  return { participants, actions, historySeconds: kept ? null : round(historySeconds), views, aimMs: AIM_MS };
}

async function wholePage(deps: Parameters<typeof viewMap>[0], code: string, period: DayPeriod): Promise<number> {
  const [participants, trend, actions, benchmark, map, email] = await Promise.all([
    viewParticipants(deps, LANDELIJK, code),
    viewTrend(deps, LANDELIJK, code, period, 'week'),
    viewActions(deps, LANDELIJK, code, period),
    viewBenchmark(deps, code),
    viewMap(deps),
    viewEmail(deps, LANDELIJK, code, period),
  ]);
  if (!participants.ok || !trend.ok || !actions.ok || !benchmark.ok || !email.ok)
    throw new Error('a dashboard view failed');
  const provinces = new Map([...deps.gemeenten.values()].map((g) => [g.provinceCode, g.provinceName]));
  const d = {
    gemeente: participants.value.gemeente,
    period,
    requestedInterval: 'week' as const,
    participants: participants.value,
    trend: trend.value,
    actions: actions.value,
    benchmark: benchmark.value,
    map,
    email: email.value,
    provinces,
  };
  const page = gemeenteDashboardMain(d, nl, { csrf: 'x', mayManageCampaigns: false, campaignErrors: {}, query: '' });
  return page.value.length + dashboardTables(d, nl).length;
}
