import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { createApiTokens } from '../adapters/auth/api-token.js';
import { createSecretTokens } from '../adapters/auth/secret-tokens.js';
import { databaseComponent, DATABASE_KEYS, type StoreParts } from '../compose/database-component.js';
import { sectionOf } from '../compose/config-section.js';
import type { Config } from '../config.js';
import type { Catalogue } from '../domain/messages/catalogue.js';
import { BurgernetCommand } from './burgernet-command.js';
import type { CliContext } from './cli-context.js';
import { historyCommand } from './history.js';
import { meldkamerListCommand } from './meldkamer-list.js';
import { meldkamerPhoneCommand } from './meldkamer-phone.js';
import { meldkamerRouteCommand } from './meldkamer-route.js';
import { migrateCommand } from './migrate.js';
import { seedCommand } from './seed.js';
import { staffCreateCommand } from './staff-create.js';
import { staffInviteCommand } from './staff-invite.js';
import { staffListCommand } from './staff-list.js';
import { staffRevokeCommand } from './staff-revoke.js';
import { startCommand } from './start.js';

export interface ProgramDeps {
  readonly config: Config;
  readonly catalogue: Catalogue;
  readonly logger: Logger;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

/**
 * `burgernet`: every command, each in its own file. Commander's errors are thrown (`exitOverride`), so that
 * `main.ts` alone decides what is printed and how the process exits.
 */
export function buildProgram(deps: ProgramDeps): BurgernetCommand {
  const context: CliContext = {
    ...deps,
    clock: { now: () => new Date() },
    ids: { newId: randomUUID },
    apiTokens: createApiTokens(),
    activationTokens: createSecretTokens(),
    withDatabase: (work) => withDatabase(deps.config, deps.logger, work),
  };
  const t = deps.catalogue.cli;
  const program = BurgernetCommand.program(t, 'burgernet')
    .description(t.description)
    .showHelpAfterError()
    .exitOverride();

  startCommand(program, context);
  migrateCommand(program, context);
  seedCommand(program, context);
  historyCommand(program, context);

  const staff = program.command('staff').description(t.staff.description);
  staffCreateCommand(staff, context);
  staffListCommand(staff, context);
  staffInviteCommand(staff, context);
  staffRevokeCommand(staff, context);

  const meldkamer = program.command('meldkamer').description(t.meldkamer.description);
  meldkamerListCommand(meldkamer, context);
  meldkamerRouteCommand(meldkamer, context);
  meldkamerPhoneCommand(meldkamer, context);

  return program;
}

/** The same database the running system opens (migrated, reference data synced), for one command. */
async function withDatabase<T>(config: Config, logger: Logger, work: (parts: StoreParts) => Promise<T>): Promise<T> {
  // The commands say in Dutch what they did; the log carries only what went wrong.
  const started = await databaseComponent(sectionOf(config, DATABASE_KEYS), {
    logger: logger.child({}, { level: 'warn' }),
  }).start();
  try {
    return await work(started.value);
  } finally {
    await started.stop();
  }
}
