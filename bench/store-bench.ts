import { loadavg } from 'node:os';
import type { DatabaseKind } from '../src/adapters/store/database/database.js';
import { createStore } from '../src/adapters/store/create-store.js';
import type { Area } from '../src/domain/area/area.js';
import { createBenchDatabase } from './bench-database.js';
import type { BenchOptions } from './bench-options.js';
import { AMSTERDAM_DAM } from './bench-places.js';
import { explainFindCandidates, type CandidatePlan } from './explain-candidates.js';
import { runFanoutBench, type FanoutFigures } from './fanout-bench.js';
import { runRedirectBench, type RedirectFigures } from './redirect-bench.js';
import { runSeedBench, type SeedFigures } from './seed-bench.js';
import { runTargetingBench, type TargetingFigures } from './targeting-bench.js';
import { runVoiceBench, type VoiceFigures } from './voice-bench.js';
import { PUSH_THREAD_COUNTS, runPushBench, type PushFigures } from './push-bench.js';
import { runDashboardBench, type DashboardFigures } from './dashboard-bench.js';
import { runMailBench, type MailFigures } from './mail-bench.js';

/** What one store measured; a phase that was not run, or failed, is null with its error. */
export interface StoreResult {
  readonly store: DatabaseKind;
  readonly participants: number;
  /** Set when a kept database was reused instead of seeded. */
  readonly reusedDatabase: boolean;
  readonly seed: SeedFigures | null;
  readonly targeting: readonly TargetingFigures[] | null;
  readonly plan: CandidatePlan | null;
  readonly fanout: FanoutFigures | null;
  readonly redirect: RedirectFigures | null;
  readonly voice: VoiceFigures | null;
  readonly push: PushFigures | null;
  readonly dashboard: DashboardFigures | null;
  readonly mail: MailFigures | null;
  readonly errors: readonly string[];
  /** 1-minute load average at the start and end: other work on the machine skews every figure. */
  readonly loadAverage: { readonly start: number; readonly end: number };
  readonly seconds: number;
}

/** A few binds with a big window and no rate cap to speak of; SMPP_* and DISPATCH_* from the environment win. */
function fanoutEnv(): Record<string, string> {
  const fromEnvironment = Object.entries(process.env).filter(
    (e): e is [string, string] => e[1] !== undefined && /^(SMPP|DISPATCH)_/.test(e[0]),
  );
  return {
    SMPP_BINDS: '4',
    SMPP_WINDOW: '1000',
    SMPP_MESSAGES_PER_SECOND: '100000',
    ...Object.fromEntries(fromEnvironment),
  };
}
const FANOUT_TIMEOUT_MS = 10 * 60_000;
const VOICE_TIMEOUT_MS = 30 * 60_000;
const PUSH_TIMEOUT_MS = 10 * 60_000;
const MAIL_TIMEOUT_MS = 60 * 60_000;

export async function benchStore(store: DatabaseKind, options: BenchOptions): Promise<StoreResult> {
  const started = performance.now();
  const loadStart = loadavg()[0] ?? 0;
  const errors: string[] = [];
  const attempt = async <T>(phase: string, work: () => Promise<T>): Promise<T | null> => {
    try {
      return await work();
    } catch (error) {
      // One phase failing (say, PGlite running out of memory) must not hide the others' figures.
      errors.push(`${phase}: ${error instanceof Error ? error.message : String(error)}`);
      process.stderr.write(
        `${store} ${phase} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      return null;
    }
  };
  const bench = await createBenchDatabase(store, options.databaseUrl, options.keep);
  try {
    const [row] = await bench.database.query<{ n: number }>('select count(*)::int as n from participants');
    const present = row?.n ?? 0;
    const reusedDatabase = options.keep && present === options.participants;
    if (!reusedDatabase && present > 0)
      throw new Error(`the kept ${store} database holds ${present} participants, not ${options.participants}: drop it`);
    // Targeting and fan-out need the participants (redirect: as registered callers), so they are seeded even
    // when seeding is not measured; the voice bench brings its own.
    const needsParticipants = (['seed', 'targeting', 'fanout', 'redirect', 'dashboard'] as const).some((p) =>
      options.only.has(p),
    );
    const seed =
      reusedDatabase || !needsParticipants
        ? null
        : await attempt('seed', () => runSeedBench(bench, options.participants));
    const seeded = reusedDatabase || seed !== null;
    const database = createStore(bench.database);
    const targeting =
      seeded && options.only.has('targeting')
        ? await attempt('targeting', () => runTargetingBench(database, options.runs, store))
        : null;
    const dam2km: Area = { kind: 'circle', centre: AMSTERDAM_DAM.centre, radiusMetres: 2_000 };
    const plan =
      seeded && options.only.has('targeting')
        ? await attempt('explain', () => explainFindCandidates(bench.database, dam2km, 'Amsterdam Dam 2 km'))
        : null;
    const fanout =
      seeded && options.only.has('fanout')
        ? await attempt('fanout', () =>
            runFanoutBench(bench, {
              targetRecipients: options.fanoutRecipients,
              env: fanoutEnv(),
              timeoutMs: FANOUT_TIMEOUT_MS,
            }),
          )
        : null;
    const redirect = options.only.has('redirect')
      ? await attempt('redirect', () =>
          runRedirectBench(bench, {
            deliveries: options.redirectDeliveries,
            rates: [250, 500, 1_000, 2_000, 4_000],
            secondsPerStep: 10,
          }),
        )
      : null;
    const voice = options.only.has('voice')
      ? await attempt('voice', () =>
          runVoiceBench(bench, {
            recipients: options.voiceRecipients,
            maxConcurrentCalls: 60,
            timeoutMs: VOICE_TIMEOUT_MS,
          }),
        )
      : null;
    const push = options.only.has('push')
      ? await attempt('push', () =>
          runPushBench(bench, {
            subscriptions: options.pushSubscriptions,
            threadCounts: PUSH_THREAD_COUNTS,
            timeoutMs: PUSH_TIMEOUT_MS,
          }),
        )
      : null;
    // Last: it adds two years of actions, which the phases before should not see.
    const dashboard =
      seeded && options.only.has('dashboard')
        ? await attempt('dashboard', () =>
            runDashboardBench(bench, { runs: options.runs, actionsPerMonth: options.dashboardActionsPerMonth }),
          )
        : null;
    // After everything else: it adds its own participants (a gemeente of newsletter readers) and two actions.
    const mail = options.only.has('mail')
      ? await attempt('mail', () =>
          runMailBench(bench, { recipients: options.mailRecipients, smsRecipients: 500, timeoutMs: MAIL_TIMEOUT_MS }),
        )
      : null;
    return {
      store,
      participants: options.participants,
      reusedDatabase,
      seed: options.only.has('seed') ? seed : null,
      targeting,
      plan,
      fanout,
      redirect,
      voice,
      push,
      dashboard,
      mail,
      errors,
      loadAverage: { start: loadStart, end: loadavg()[0] ?? 0 },
      seconds: Math.round((performance.now() - started) / 1000),
    };
  } finally {
    await bench.drop();
  }
}
