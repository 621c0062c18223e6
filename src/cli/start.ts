import type { Command } from 'commander';
import { createArgon2PasswordHasher } from '../adapters/auth/argon2-password-hasher.js';
import { createOtplibTotp } from '../adapters/auth/otplib-totp.js';
import { ensureDemoMailAddresses } from '../adapters/burgernetmail/demo-mail-addresses.js';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, ensureDemoLogins } from '../adapters/seed/demo-logins.js';
import { ensureDemoMeldkamerPhones } from '../adapters/seed/demo-meldkamer-phones.js';
import { ensureDemoStaff, type DemoToken } from '../adapters/seed/demo-staff.js';
import type { RunningSystem } from '../compose/system.js';
import type { CliContext } from './cli-context.js';
import { ensureDemoHistory } from './history.js';
import { ensureDemoParticipants } from './seed.js';

/** `burgernet start` (the default, `npm start`): the whole system, until SIGINT or SIGTERM. */
export function startCommand(program: Command, cli: CliContext): void {
  program
    .command('start', { isDefault: true })
    .description(cli.catalogue.cli.start.description)
    .action(async () => {
      // Loaded here, so that the other commands (and --help) do without the web server and the channels.
      const { startSystem } = await import('../compose/system.js');
      // One database, one migration pass and one load of the geography: the demo data goes into the running system.
      const system = await startSystem(cli.config, cli.logger);
      const demoTokens = cli.config.DEMO ? await ensureDemoData(cli, system) : null;
      const { config } = cli;
      cli.logger.info(
        {
          url: system.url,
          openapi: `${system.url}/openapi.json`,
          docs: `${system.url}/docs/api`,
          database: system.database.kind,
          smsc: system.sms.simulator
            ? `simulator op poort ${system.sms.simulator.port}`
            : `${config.SMPP_HOST}:${config.SMPP_PORT}`,
        },
        'Burgernet draait',
      );
      if (demoTokens !== null) await printDemo(cli, system, demoTokens);
      const shutdown = async (signal: string) => {
        cli.logger.info({ signal }, 'stopping');
        await system.stop();
        process.exit(0);
      };
      process.once('SIGINT', () => void shutdown('SIGINT'));
      process.once('SIGTERM', () => void shutdown('SIGTERM'));
    });
}

/**
 * The demo (DEMO=true): synthetic participants, the dashboard's history, staff with API tokens, placeholder
 * meldkamer numbers and mail addresses, each made once.
 */
async function ensureDemoData(cli: CliContext, system: RunningSystem): Promise<readonly DemoToken[]> {
  const { database, geodata } = system;
  await ensureDemoParticipants(cli, database, geodata, cli.config.DEMO_PARTICIPANTS);
  await ensureDemoHistory(cli, database, geodata.gemeenten, cli.config.DEMO_ACTIONS_PER_MONTH);
  const tokens = await ensureDemoStaff(system.store.staff, geodata.meldkamers, cli.config.DATA_DIR, cli.clock.now());
  await ensureDemoMeldkamerPhones(system.store.meldkamers);
  await ensureDemoMailAddresses(database, cli.clock.now());
  return tokens;
}

/** What to try in the demo: the API with its tokens, the simulated phones and mail, the portal's logins. */
async function printDemo(cli: CliContext, system: RunningSystem, tokens: readonly DemoToken[]): Promise<void> {
  const t = cli.catalogue.cli.start;
  if (system.url === null) return;
  if (tokens.length > 0) {
    cli.stdout.write(t.running({ url: system.url }) + t.demoTokens({ tokens }));
    const pushService = system.push.localPushService;
    if (pushService !== null) cli.stdout.write(t.simulatedPhones({ url: `${pushService.origin}/subscriptions` }));
    const relay = system.email.simulator;
    if (relay !== null) cli.stdout.write(t.mailSimulator({ port: relay.port, url: system.url }));
  }
  const logins = await ensureDemoLogins(system.store, createArgon2PasswordHasher(), cli.clock.now());
  const totp = createOtplibTotp('Burgernet');
  cli.stdout.write(
    t.demoLogins({
      // localhost rather than 127.0.0.1, as passkeys need a domain name.
      url: system.url.replace('//127.0.0.1:', '//localhost:'),
      password: DEMO_PASSWORD,
      totpSecret: DEMO_TOTP_SECRET,
      enrolmentUri: totp.enrolmentUri(DEMO_TOTP_SECRET, 'Burgernet:demo'),
      code: await totp.codeAt(DEMO_TOTP_SECRET, cli.clock.now()),
      logins,
    }),
  );
}
