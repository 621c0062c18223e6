import type { Command } from 'commander';
import { createAccount } from '../app/staff-auth/manage-accounts.js';
import type { CliContext } from './cli-context.js';
import { CliRefusal, refusalOf } from './cli-refusal.js';
import { addStaffScopeOptions, assertKnownScope, staffScopeOf, type StaffScopeOptions } from './staff-scope-options.js';

const HOUR_MS = 3_600_000;

/**
 * `burgernet staff invite`: a Burgernetplein account and its activation link (the first beheer account of a new
 * installation, for one); the new user chooses a password and second factor.
 */
export function staffInviteCommand(staff: Command, cli: CliContext): void {
  const t = cli.catalogue.cli;
  const command = staff
    .command('invite')
    .description(t.staff.invite.description)
    .requiredOption('--name <naam>', t.staff.name)
    .requiredOption('--email <adres>', t.staff.invite.email);
  addStaffScopeOptions(command, t).action(async (options: StaffScopeOptions & { name: string; email: string }) => {
    const scope = staffScopeOf(t, options);
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(options.email) || options.email.length > 254)
      throw new CliRefusal(t.staff.invite.invalidEmail);
    const hours = cli.config.STAFF_ACTIVATION_HOURS;
    await cli.withDatabase(async ({ store, geodata }) => {
      assertKnownScope(t, scope, geodata);
      // The operator on the command line (who has the database anyway) hands the link over; beheer never sees one.
      let token: string | null = null;
      const deps = {
        store,
        clock: cli.clock,
        ids: cli.ids,
        tokens: cli.activationTokens,
        activationMs: hours * HOUR_MS,
        activationLinks: {
          deliver: async (link: { readonly token: string }) => {
            token = link.token;
            return true;
          },
        },
      };
      const outcome = await createAccount(deps, null, { ...scope, name: options.name, email: options.email });
      if (!outcome.ok)
        throw outcome.error.code === 'staff.email-taken'
          ? new CliRefusal(t.staff.invite.emailTaken)
          : refusalOf(cli.catalogue, outcome.error);
      const portal = cli.config.WEBAUTHN_ORIGIN ?? `http://localhost:${cli.config.PORT}`;
      cli.stdout.write(
        t.staff.invite.done({
          name: options.name,
          role: scope.role,
          hours,
          link: `${portal}/plein/activeren/${token ?? ''}`,
        }),
      );
    });
  });
}
