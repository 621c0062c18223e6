import type { Command } from 'commander';
import type { CliContext } from './cli-context.js';

/** `burgernet migrate`: opening the database applies the migrations and syncs the reference data. */
export function migrateCommand(program: Command, cli: CliContext): void {
  const t = cli.catalogue.cli.migrate;
  program
    .command('migrate')
    .description(t.description)
    .action(async () => {
      await cli.withDatabase(async ({ database }) => {
        cli.stdout.write(t.done({ database: database.kind }));
      });
    });
}
