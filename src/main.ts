import { CommanderError } from 'commander';
import pino, { type Logger } from 'pino';
import { z } from 'zod';
import { CliRefusal } from './cli/cli-refusal.js';
import { buildProgram } from './cli/program.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { nl } from './domain/messages/nl.js';
import { LOG_REDACTION } from './adapters/logging/log-redaction.js';

/** How the process ends, for scripts and service managers (sysexits.h for the last two). */
const EXIT = {
  /** The command line could not be read, or the command refused what it was asked. */
  refused: 1,
  /** Something broke: a bug or the infrastructure (EX_SOFTWARE). */
  failed: 70,
  /** The environment holds a bad configuration (EX_CONFIG). */
  badConfig: 78,
} as const;

function createLogger(config: Config): Logger {
  return pino({
    level: config.LOG_LEVEL,
    redact: LOG_REDACTION,
  });
}

/** What went wrong, in Dutch on stderr; the exit code that says what kind of failure it was. */
function report(error: unknown): number {
  const t = nl.cli.failures;
  // Commander has printed its message (or the help) already; it chose the code (0 after --help).
  if (error instanceof CommanderError) return error.exitCode;
  if (error instanceof CliRefusal) {
    process.stderr.write(`${error.message}\n`);
    return EXIT.refused;
  }
  if (error instanceof ConfigError) {
    process.stderr.write(`${t.config({ problems: error.problems })}\n`);
    return EXIT.badConfig;
  }
  process.stderr.write(
    `${t.crashed({ detail: error instanceof Error ? (error.stack ?? error.message) : String(error) })}\n`,
  );
  return EXIT.failed;
}

async function main(argv: readonly string[]): Promise<void> {
  // zod's own messages (a bad configuration value) in Dutch, like the rest of what the command line says.
  z.config(z.locales.nl());
  const config = loadConfig(process.env);
  const program = buildProgram({
    config,
    catalogue: nl,
    logger: createLogger(config),
    stdout: process.stdout,
    stderr: process.stderr,
  });
  await program.parseAsync(argv);
}

main(process.argv).catch((error: unknown) => process.exit(report(error)));
