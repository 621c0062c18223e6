import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { hasParticipants, seedParticipants } from '../adapters/seed/seed-participants.js';
import type { Geodata } from '../compose/database-component.js';
import type { Database } from '../adapters/store/database/database.js';
import type { CliContext } from './cli-context.js';
import { countOption } from './count-option.js';

/** `burgernet seed`: synthetic participants, spread over the country by population. */
export function seedCommand(program: Command, cli: CliContext): void {
  const t = cli.catalogue.cli.seed;
  program
    .command('seed')
    .description(t.description)
    .requiredOption('--participants <n>', t.participants, countOption(cli.catalogue.cli, '--participants'))
    .option('--seed <n>', t.seed, countOption(cli.catalogue.cli, '--seed'), 2026)
    .action(async (options: { participants: number; seed: number }) => {
      await cli.withDatabase(({ database, geodata }) =>
        seedWithProgress(cli, database, geodata, options.participants, options.seed),
      );
    });
}

/** First demo start: the synthetic participants, once. */
export async function ensureDemoParticipants(
  cli: CliContext,
  database: Database,
  geodata: Geodata,
  count: number,
): Promise<void> {
  if (count > 0 && !(await hasParticipants(database))) await seedWithProgress(cli, database, geodata, count, 2026);
}

/** Demo and test data only: the participants go straight into the tables (in batches), with a progress bar. */
export async function seedWithProgress(
  cli: CliContext,
  database: Database,
  geodata: Geodata,
  count: number,
  seed: number,
): Promise<void> {
  const t = cli.catalogue.cli.seed;
  const bar = new SingleBar({ format: t.progress, stream: cli.stderr, hideCursor: true });
  const started = Date.now();
  bar.start(count, 0, { rate: 0 });
  const result = await seedParticipants(database, {
    count,
    seed,
    gemeenten: geodata.gemeenten,
    pc4Centroids: geodata.pc4Centroids,
    at: cli.clock.now(),
    onProgress: (done) => bar.update(done, { rate: Math.round(done / Math.max(0.001, (Date.now() - started) / 1000)) }),
  });
  bar.stop();
  cli.stderr.write(t.done({ ...result, seconds: ((Date.now() - started) / 1000).toFixed(1) }));
}
