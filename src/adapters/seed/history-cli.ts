import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { Gemeente } from '../../domain/geo/gemeente.js';
import { loadGemeenten } from '../geodata/geodata.js';
import type { Database } from '../store/database/database.js';
import { hasDashboardHistory, seedDashboardHistory, type DashboardHistoryResult } from './dashboard-history.js';

export interface HistoryRun {
  readonly months: number;
  readonly actionsPerMonth: number;
  readonly seed: number;
  readonly redateParticipants: boolean;
}

/** The dashboard's demo history with a progress bar on stderr (first demo start, `burgernet history`). */
export async function seedHistoryWithProgress(db: Database, gemeenten: readonly Gemeente[], run: HistoryRun): Promise<DashboardHistoryResult> {
  const bar = new SingleBar({ format: 'Demogeschiedenis dashboard [{bar}] {percentage}% | {value}/{total} | nog {eta}s', stream: process.stderr, hideCursor: true });
  const started = Date.now();
  let began = false;
  const result = await seedDashboardHistory(db, {
    gemeenten,
    now: new Date(),
    months: run.months,
    actionsPerMonth: run.actionsPerMonth,
    seed: run.seed,
    redateParticipants: run.redateParticipants,
    onProgress: (done, total) => {
      if (!began) bar.start(total, 0);
      began = true;
      bar.update(done);
    },
  });
  bar.stop();
  process.stderr.write(
    `Dashboard: ${result.actions} acties over ${run.months} maanden, ${result.campaigns} wervingscampagnes, ${result.leavers} afmeldingen` +
      `${result.redated > 0 ? `, aanmelddatums van ${result.redated} deelnemers verspreid` : ''} in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`,
  );
  return result;
}

/** First demo start: the history once, after the demo participants. */
export async function ensureDemoHistory(db: Database, gemeenten: readonly Gemeente[], actionsPerMonth: number): Promise<void> {
  if (actionsPerMonth === 0 || (await hasDashboardHistory(db))) return;
  await seedHistoryWithProgress(db, gemeenten, { months: 24, actionsPerMonth, seed: 2026, redateParticipants: true });
}

const count = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('Geef een geheel getal van 0 of meer.');
  return n;
};

/** `burgernet history`: the dashboard's demo history on a database with (synthetic) participants. */
export function addHistoryCommand(program: Command, withDatabase: <T>(work: (db: Database) => Promise<T>) => Promise<T>): void {
  program
    .command('history')
    .description('Demogeschiedenis voor het dashboard: acties van de afgelopen maanden, wervingscampagnes, afmeldingen')
    .option('--months <n>', 'maanden geschiedenis tot nu', count, 24)
    .option('--actions-per-month <n>', 'acties per maand, verdeeld naar inwonertal', count, 700)
    .option('--seed <n>', 'startwaarde (zelfde waarde, zelfde geschiedenis)', count, 2026)
    .option('--redate', 'geef de opgeslagen deelnemers aanmelddatums verspreid over de geschiedenis (alleen voor demodata)', false)
    .action(async (options: { months: number; actionsPerMonth: number; seed: number; redate: boolean }) => {
      if (options.months < 1 || options.months > 36) throw new InvalidArgumentError('Kies 1 tot en met 36 maanden.');
      await withDatabase(async (db) => {
        if (await hasDashboardHistory(db)) throw new InvalidArgumentError('Deze database heeft al een demogeschiedenis.');
        await seedHistoryWithProgress(db, await loadGemeenten(), { months: options.months, actionsPerMonth: options.actionsPerMonth, seed: options.seed, redateParticipants: options.redate });
      });
    });
}
