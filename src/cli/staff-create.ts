import type { Command } from 'commander';
import { createStaffWithToken } from '../app/staff-auth/create-staff-with-token.js';
import { MAX_API_TOKEN_DAYS } from '../domain/staff/api-token-lifetime.js';
import type { CliContext } from './cli-context.js';
import { refusalOf } from './cli-refusal.js';
import { addStaffScopeOptions, assertKnownScope, staffScopeOf, type StaffScopeOptions } from './staff-scope-options.js';

/** `burgernet staff create`: a staff member with an API token, shown once. */
export function staffCreateCommand(staff: Command, cli: CliContext): void {
  const t = cli.catalogue.cli;
  const command = staff
    .command('create')
    .description(t.staff.create.description)
    .requiredOption('--name <naam>', t.staff.name)
    // A number the use case checks (1 to 365), so a wrong one is refused in the same words as any other.
    .option(
      '--dagen <aantal>',
      t.staff.create.days({ standard: cli.config.API_TOKEN_DAYS, max: MAX_API_TOKEN_DAYS }),
      Number,
    );
  addStaffScopeOptions(command, t).action(async (options: StaffScopeOptions & { name: string; dagen?: number }) => {
    const scope = staffScopeOf(t, options);
    await cli.withDatabase(async ({ store, geodata }) => {
      assertKnownScope(t, scope, geodata);
      const outcome = await createStaffWithToken(
        { store, clock: cli.clock, ids: cli.ids, apiTokens: cli.apiTokens },
        null,
        { ...scope, name: options.name, tokenDays: options.dagen ?? cli.config.API_TOKEN_DAYS },
      );
      if (!outcome.ok) throw refusalOf(cli.catalogue, outcome.error);
      const { token, expiresAt } = outcome.value;
      cli.stdout.write(t.staff.create.done({ name: options.name, role: scope.role, token, expiresAt }));
    });
  });
}
