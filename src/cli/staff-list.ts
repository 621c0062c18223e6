import type { Command } from 'commander';
import type { CliContext } from './cli-context.js';

/** `burgernet staff list`: every active staff member, by name. */
export function staffListCommand(staff: Command, cli: CliContext): void {
  const t = cli.catalogue.cli.staff.list;
  staff
    .command('list')
    .description(t.description)
    .action(async () => {
      await cli.withDatabase(async ({ store }) => {
        for (const s of await store.staff.listStaff()) {
          const scope =
            s.scope.kind === 'meldkamer'
              ? s.scope.meldkamerCode
              : s.scope.kind === 'gemeente'
                ? s.scope.gemeenteCode
                : t.national;
          cli.stdout.write(t.line({ id: s.id, role: s.role, scope, name: s.name }));
        }
      });
    });
}
