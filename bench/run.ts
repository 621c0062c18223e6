import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatabaseKind } from '../src/adapters/store/database/database.js';
import { parseBenchOptions, type BenchOptions } from './bench-options.js';
import { formatReport, writeResults } from './report.js';
import { benchStore, type StoreResult } from './store-bench.js';

const RESULTS_FILE = new URL('./results/latest.json', import.meta.url);

/**
 * `npm run bench -- [--store pglite|postgres|both] [--participants N] [--only seed,targeting,fanout]`.
 * Each store runs in a process of its own, so that one's memory (PGlite keeps its database in this process)
 * and failures do not colour the other's figures.
 */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--cluster')) {
    // Several system processes on the PostgreSQL server (docs/deployment.md); a bench of its own.
    const { runClusterBench } = await import('./cluster-bench.js');
    const participants = argv.includes('--participants') ? Number(argv[argv.indexOf('--participants') + 1]) : 130_000;
    process.stdout.write(
      await runClusterBench({
        databaseUrl: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
        participants,
      }),
    );
    return;
  }
  const options = parseBenchOptions(argv);
  if (options.resultFile !== null) {
    const [store] = options.stores;
    if (store === undefined) throw new Error('no store to measure');
    await writeResults(new URL(`file://${options.resultFile}`), [await benchStore(store, options)]);
    return;
  }
  const results: StoreResult[] = [];
  for (const store of options.stores) results.push(await inChildProcess(store, options));
  process.stdout.write(formatReport(results));
  await writeResults(RESULTS_FILE, results);
  process.stdout.write(`\nFigures written to ${fileURLToPath(RESULTS_FILE)}\n`);
}

async function inChildProcess(store: DatabaseKind, options: BenchOptions): Promise<StoreResult> {
  const folder = await mkdtemp(join(tmpdir(), 'burgernet-bench-result-'));
  const resultFile = join(folder, 'result.json');
  try {
    const args = [
      ...process.execArgv,
      fileURLToPath(import.meta.url),
      '--store',
      store,
      '--participants',
      String(options.participants),
      '--only',
      [...options.only].join(','),
      '--runs',
      String(options.runs),
      '--fanout-recipients',
      String(options.fanoutRecipients),
      '--redirect-deliveries',
      String(options.redirectDeliveries),
      '--voice-recipients',
      String(options.voiceRecipients),
      '--push-subscriptions',
      String(options.pushSubscriptions),
      '--dashboard-actions-per-month',
      String(options.dashboardActionsPerMonth),
      '--mail-recipients',
      String(options.mailRecipients),
      '--database-url',
      options.databaseUrl,
      '--result-file',
      resultFile,
      ...(options.keep ? ['--keep'] : []),
    ];
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'] });
      child.on('error', reject);
      child.on('exit', (exitCode, signal) => resolve(signal === null ? exitCode : -1));
    });
    const text = await readFile(resultFile, 'utf8').catch(() => null);
    const result = text === null ? undefined : (JSON.parse(text) as { results: StoreResult[] }).results[0];
    // A crashed run (PGlite out of memory, say) still shows up in the table, with how it ended.
    return (
      result ?? failedRun(store, options, `the ${store} bench process ended with code ${code} and wrote no figures`)
    );
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

function failedRun(store: DatabaseKind, options: BenchOptions, error: string): StoreResult {
  return {
    store,
    participants: options.participants,
    reusedDatabase: false,
    seed: null,
    targeting: null,
    plan: null,
    fanout: null,
    redirect: null,
    voice: null,
    push: null,
    dashboard: null,
    mail: null,
    errors: [error],
    loadAverage: { start: 0, end: 0 },
    seconds: 0,
  };
}

await main();
