import { z } from 'zod';

/**
 * The only reader of the environment. Every key has a default or is optional; a bad value stops startup
 * with every problem listed at once. `docs/config.md` describes the same keys.
 */
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const configSchema = z.object({
  HOST: z.string().default('127.0.0.1').describe('Address the HTTP API listens on'),
  PORT: int(0, 65_535).default(8080).describe('Port of the HTTP API (0: any free port)'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info').describe('pino log level'),
  DATABASE_URL: z.string().url().optional().describe('PostgreSQL server; without it the embedded PGlite is used'),
  DATABASE_POOL_SIZE: int(1, 200).default(10).describe('Connections to the PostgreSQL server'),
  DATA_DIR: z.string().default('var/data').describe('Folder of the embedded database (PGlite)'),
  DEMO: bool.default(true).describe('Seed demo participants and staff on first start and print demo tokens'),
  DEMO_PARTICIPANTS: int(0, 3_000_000).default(30_000).describe('Synthetic participants seeded on first start'),
  SMSC: z.enum(['simulator', 'external']).default('simulator').describe('simulator: start the built-in SMSC; external: bind to SMPP_HOST'),
  SMSC_SIMULATOR_PORT: int(0, 65_535).default(2775).describe('Port of the built-in SMSC simulator (0: any free port)'),
  SMPP_HOST: z.string().default('127.0.0.1').describe('SMSC host'),
  SMPP_PORT: int(1, 65_535).default(2775).describe('SMSC port'),
  SMPP_SYSTEM_ID: z.string().max(15).default('burgernet').describe('SMPP system_id'),
  SMPP_PASSWORD: z.string().max(8).default('secret').describe('SMPP password'),
  SMPP_SYSTEM_TYPE: z.string().max(12).default('').describe('SMPP system_type'),
  SMPP_SOURCE_ADDRESS: z.string().min(1).max(15).default('Burgernet').describe('Sender shown on the phone'),
  SMPP_BINDS: int(1, 32).default(2).describe('Parallel transceiver binds'),
  SMPP_WINDOW: int(1, 1_000).default(100).describe('Outstanding submit_sm per bind'),
  SMPP_MESSAGES_PER_SECOND: int(1, 100_000).default(20_000).describe('Rate over all binds (each SMS part counts)'),
  SMPP_ENQUIRE_LINK_SECONDS: int(5, 600).default(30).describe('Keep-alive interval'),
  SMS_VALIDITY_MINUTES: int(1, 24 * 60).default(60).describe('How long the SMSC may try to deliver an SMS'),
  DISPATCH_BATCH_SIZE: int(1, 10_000).default(500).describe('Deliveries claimed per query'),
  DISPATCH_MAX_IN_FLIGHT: int(1, 100_000).default(2_000).describe('Deliveries handed to the SMSC and not yet answered'),
  DISPATCH_LEASE_SECONDS: int(0, 3_600).default(0).describe('0: this is the only worker; otherwise take back claims older than this'),
  GEOCODER: z.enum(['pc4', 'pdok']).default('pc4').describe('pc4: bundled postcode centroids; pdok: PDOK Locatieserver (BAG)'),
  PDOK_URL: z.string().url().default('https://api.pdok.nl/bzk/locatieserver/search/v3_1').describe('PDOK Locatieserver base URL'),
  PHONE_COUNTRIES: z
    .string()
    .default('NL,BE,DE')
    .transform((s) => s.split(',').map((c) => c.trim().toUpperCase()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[A-Z]{2}$/)).min(1))
    .describe('Countries whose phone numbers may register (ISO 3166 codes)'),
});

export type Config = Readonly<z.infer<typeof configSchema>>;

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Ongeldige configuratie:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const relevant = Object.fromEntries(Object.keys(configSchema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]));
  const parsed = configSchema.safeParse(relevant);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  return Object.freeze(parsed.data);
}
