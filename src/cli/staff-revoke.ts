import type { Command } from 'commander';
import { revokeAccount } from '../app/staff-auth/manage-accounts.js';
import type { CliContext } from './cli-context.js';
import { CliRefusal, refusalOf } from './cli-refusal.js';

/** `burgernet staff revoke`: an emergency revocation; the account's sessions and API tokens stop at once. */
export function staffRevokeCommand(staff: Command, cli: CliContext): void {
  const t = cli.catalogue.cli;
  staff
    .command('revoke')
    .description(t.staff.revoke.description)
    .requiredOption('--id <uuid>', t.staff.revoke.id)
    .action(async (options: { id: string }) => {
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(options.id))
        throw new CliRefusal(t.staff.revoke.invalidId);
      await cli.withDatabase(async ({ store }) => {
        const account = await store.staffAccounts.findById(options.id);
        const outcome = await revokeAccount({ store, clock: cli.clock }, null, options.id);
        if (!outcome.ok)
          throw outcome.error.code === 'staff.not-found'
            ? new CliRefusal(t.staff.revoke.notFound)
            : refusalOf(cli.catalogue, outcome.error);
        cli.stdout.write(t.staff.revoke.done({ name: account?.staff.name ?? options.id }));
      });
    });
}
