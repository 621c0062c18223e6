import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { hasDashboardHistory, seedDashboardHistory } from '../adapters/seed/dashboard-history.js';
import type { Database } from '../adapters/store/database/database.js';
import type { Gemeente } from '../domain/geo/gemeente.js';
import type { CliContext } from './cli-context.js';
import { CliRefusal } from './cli-refusal.js';
import { countOption } from './count-option.js';

interface HistoryRun {
  readonly months: number;
  readonly actionsPerMonth: number;
  readonly seed: number;
  readonly redateParticipants: boolean;
}

/** `burgernet history`: the dashboard's demo history on a database with (synthetic) participants. */
export function historyCommand(program: Command, cli: CliContext): void {
  const t = cli.catalogue.cli.history;
  program
    .command('history')
    .description(t.description)
    .option('--months <n>', t.months, countOption(cli.catalogue.cli, '--months'), 24)
    .option('--actions-per-month <n>', t.actionsPerMonth, countOption(cli.catalogue.cli, '--actions-per-month'), 700)
    .option('--seed <n>', t.seed, countOption(cli.catalogue.cli, '--seed'), 2026)
    .option('--redate', t.redate, false)
    .action(async (options: { months: number; actionsPerMonth: number; seed: number; redate: boolean }) => {
      if (options.months < 1 || options.months > 36) throw new CliRefusal(t.monthsOutOfRange);
      await cli.withDatabase(async ({ database, geodata }) => {
        if (await hasDashboardHistory(database)) throw new CliRefusal(t.alreadySeeded);
        await seedHistoryWithProgress(cli, database, geodata.gemeenten, {
          months: options.months,
          actionsPerMonth: options.actionsPerMonth,
          seed: options.seed,
          redateParticipants: options.redate,
        });
      });
    });
}

/** First demo start: two years of history once, after the demo participants. */
export async function ensureDemoHistory(
  cli: CliContext,
  database: Database,
  gemeenten: readonly Gemeente[],
  actionsPerMonth: number,
): Promise<void> {
  if (actionsPerMonth === 0 || (await hasDashboardHistory(database))) return;
  await seedHistoryWithProgress(cli, database, gemeenten, {
    months: 24,
    actionsPerMonth,
    seed: 2026,
    redateParticipants: true,
  });
}

/** Demo data only: written straight into the tables, with a progress bar on stderr. */
async function seedHistoryWithProgress(
  cli: CliContext,
  database: Database,
  gemeenten: readonly Gemeente[],
  run: HistoryRun,
): Promise<void> {
  const t = cli.catalogue.cli.history;
  const bar = new SingleBar({ format: t.progress, stream: cli.stderr, hideCursor: true });
  const started = Date.now();
  let began = false;
  const result = await seedDashboardHistory(database, {
    gemeenten,
    now: cli.clock.now(),
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
  cli.stderr.write(t.done({ ...result, months: run.months, seconds: ((Date.now() - started) / 1000).toFixed(1) }));
}
