import { loadavg } from 'node:os';
import type { DatabaseKind } from '../src/adapters/store/database/database.js';
import { createStore } from '../src/adapters/store/create-store.js';
import type { Area } from '../src/domain/area/area.js';
import { createBenchDatabase } from './bench-database.js';
import type { BenchOptions } from './bench-options.js';
import { AMSTERDAM_DAM } from './bench-places.js';
import { explainFindCandidates, type CandidatePlan } from './explain-candidates.js';
import { runFanoutBench, type FanoutFigures } from './fanout-bench.js';
import { runSeedBench, type SeedFigures } from './seed-bench.js';
import { runTargetingBench, type TargetingFigures } from './targeting-bench.js';

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
  return { SMPP_BINDS: '4', SMPP_WINDOW: '1000', SMPP_MESSAGES_PER_SECOND: '100000', ...Object.fromEntries(fromEnvironment) };
}
const FANOUT_TIMEOUT_MS = 10 * 60_000;

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
      process.stderr.write(`${store} ${phase} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      return null;
    }
  };
  const bench = await createBenchDatabase(store, options.databaseUrl, options.keep);
  try {
    const [row] = await bench.database.query<{ n: number }>('select count(*)::int as n from participants');
    const present = row?.n ?? 0;
    const reusedDatabase = options.keep && present === options.participants;
    if (!reusedDatabase && present > 0) throw new Error(`the kept ${store} database holds ${present} participants, not ${options.participants}: drop it`);
    // Targeting and fan-out need the participants, so they are seeded even when seeding is not measured.
    const seed = reusedDatabase ? null : await attempt('seed', () => runSeedBench(bench, options.participants));
    const seeded = reusedDatabase || seed !== null;
    const database = createStore(bench.database);
    const targeting = seeded && options.only.has('targeting') ? await attempt('targeting', () => runTargetingBench(database, options.runs, store)) : null;
    const dam2km: Area = { kind: 'circle', centre: AMSTERDAM_DAM.centre, radiusMetres: 2_000 };
    const plan = seeded && options.only.has('targeting') ? await attempt('explain', () => explainFindCandidates(bench.database, dam2km, 'Amsterdam Dam 2 km')) : null;
    const fanout = seeded && options.only.has('fanout')
      ? await attempt('fanout', () => runFanoutBench(bench, { targetRecipients: options.fanoutRecipients, env: fanoutEnv(), timeoutMs: FANOUT_TIMEOUT_MS }))
      : null;
    return {
      store,
      participants: options.participants,
      reusedDatabase,
      seed: options.only.has('seed') ? seed : null,
      targeting,
      plan,
      fanout,
      errors,
      loadAverage: { start: loadStart, end: loadavg()[0] ?? 0 },
      seconds: Math.round((performance.now() - started) / 1000),
    };
  } finally {
    await bench.drop();
  }
}
