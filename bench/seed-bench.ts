import { loadGemeenten, loadPc4Centroids } from '../src/adapters/geodata/geodata.js';
import { seedParticipants } from '../src/adapters/seed/seed-participants.js';
import { planHistory, registrationDate } from '../src/adapters/seed/history-plan.js';
import { HISTORY_MONTHS, HISTORY_NOW, HISTORY_SEED } from './dashboard-bench.js';
import type { BenchDatabase } from './bench-database.js';
import { sampleMemory, type MemoryFigures } from './memory-sampler.js';
import { startProgressBar } from './progress-bar.js';
import { round } from './stats.js';

export interface SeedFigures {
  readonly participants: number;
  readonly registrations: number;
  readonly seconds: number;
  readonly participantsPerSecond: number;
  readonly registrationsPerSecond: number;
  /**
   * The `vacuum analyze` after the load, as autovacuum would run it on the server (PGlite has none): the
   * planner learns the table sizes, and the visibility map makes targeting's index-only scans skip the heap.
   */
  readonly vacuumSeconds: number;
  readonly databaseMib: number;
  readonly memory: MemoryFigures;
}

/** The generator's seed: the same participants on every run and store. */
export const BENCH_SEED = 2026;
// A fixed creation moment keeps the data identical between runs.
const SEEDED_AT = new Date('2026-01-01T00:00:00Z');

/** Seeds `count` synthetic participants spread by population per gemeente, as `burgernet seed` does. */
export async function runSeedBench(bench: BenchDatabase, count: number): Promise<SeedFigures> {
  const [gemeenten, pc4Centroids] = await Promise.all([loadGemeenten(), loadPc4Centroids()]);
  const memory = sampleMemory();
  const bar = startProgressBar(`seed (${bench.kind})`, count);
  // Registration dates over two years, as the dashboard bench's history expects (the same on every run).
  const plan = planHistory(gemeenten, HISTORY_NOW, HISTORY_MONTHS, HISTORY_SEED);
  const started = performance.now();
  const result = await seedParticipants(bench.database, {
    count,
    seed: BENCH_SEED,
    gemeenten,
    pc4Centroids,
    at: SEEDED_AT,
    registeredAt: (index, participant) =>
      registrationDate(plan, index, HISTORY_SEED, participant.registrations[0]?.gemeenteCode ?? ''),
    onProgress: (done) => {
      bar.update(done);
      memory.sample();
    },
  });
  const seconds = (performance.now() - started) / 1000;
  bar.stop();
  const vacuumStarted = performance.now();
  await bench.database.runScript('vacuum analyze participants, registrations');
  const vacuumSeconds = (performance.now() - vacuumStarted) / 1000;
  return {
    participants: result.participants,
    registrations: result.registrations,
    seconds: round(seconds),
    participantsPerSecond: Math.round(result.participants / seconds),
    registrationsPerSecond: Math.round(result.registrations / seconds),
    vacuumSeconds: round(vacuumSeconds),
    databaseMib: await bench.sizeMib(),
    memory: memory.stop(),
  };
}
