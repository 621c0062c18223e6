import type { Command } from 'commander';
import { createStaffWithToken } from '../app/staff-auth/create-staff-with-token.js';
import type { CliContext } from './cli-context.js';
import { refusalOf } from './cli-refusal.js';
import { addStaffScopeOptions, assertKnownScope, staffScopeOf, type StaffScopeOptions } from './staff-scope-options.js';

/** `burgernet staff create`: a staff member with an API token, shown once. */
export function staffCreateCommand(staff: Command, cli: CliContext): void {
  const t = cli.catalogue.cli;
  const command = staff
    .command('create')
    .description(t.staff.create.description)
    .requiredOption('--name <naam>', t.staff.name);
  addStaffScopeOptions(command, t).action(async (options: StaffScopeOptions & { name: string }) => {
    const scope = staffScopeOf(t, options);
    await cli.withDatabase(async ({ store, geodata }) => {
      assertKnownScope(t, scope, geodata);
      const outcome = await createStaffWithToken(
        { store, clock: cli.clock, ids: cli.ids, apiTokens: cli.apiTokens },
        null,
        { ...scope, name: options.name },
      );
      if (!outcome.ok) throw refusalOf(cli.catalogue, outcome.error);
      cli.stdout.write(t.staff.create.done({ name: options.name, role: scope.role, token: outcome.value.token }));
    });
  });
}
