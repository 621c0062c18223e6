// The whole system as its own process, for tests that kill it: configured from the environment like
// src/main.ts, it prints {"url": ...} as one JSON line on stdout once it serves, logs to stderr, and stops
// gracefully on SIGTERM.
import pino from 'pino';
import { loadConfig } from '../../src/config.js';
import { startSystem } from '../../src/compose/system.js';
import { TEST_SECRETS_KEY } from './test-system.js';

// Tests start it with DEMO=false: without a SECRETS_KEY of their own, the tests' fixed key.
const config = loadConfig({ SECRETS_KEY: TEST_SECRETS_KEY, ...process.env });
const logger = pino({ level: config.LOG_LEVEL }, pino.destination(2));
const system = await startSystem(config, logger);
process.once('SIGTERM', () => {
  system.stop().then(
    () => process.exit(0),
    (error: unknown) => {
      logger.error({ err: error }, 'stopping failed');
      process.exit(1);
    },
  );
});
// Only now say where it serves: a test may stop it as soon as it reads this line, so the handler must be in place.
process.stdout.write(`${JSON.stringify({ url: system.url, pid: process.pid })}\n`);
