import { isIP } from 'node:net';
import { z } from 'zod';
import { oidcClientSecretsSchema, oidcProvidersSchema } from './config-oidc.js';
import { partnerWebhooksSchema } from './adapters/channels/partner-webhooks/partner-webhook-config.js';
import {
  MAX_SMSC_PRIORITY,
  primaryProfileNameSchema,
  secondaryProfilesSchema,
} from './adapters/channels/sms-smpp/smsc-profile-config.js';
import { SMSC_HEALTH_DEFAULTS } from './domain/delivery/smsc-health.js';
import { RECEIPT_SAMPLE } from './domain/delivery/smsc-observations.js';

/**
 * The only reader of the environment. Every key has a default or is optional; a bad value stops startup
 * with every problem listed at once. `docs/config.md` describes the same keys.
 */
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
/** A 256-bit key as base64 (standard or url-safe alphabet). */
const key256 = z
  .string()
  .trim()
  .refine(
    (v) => /^[A-Za-z0-9+/_-]{43}=?$/.test(v) && Buffer.from(v, 'base64').length === 32,
    'geen base64 van 32 bytes',
  );
/** "192.0.2.10", "198.51.100.0/24", "2001:db8::/32". */
const isAddressOrCidr = (entry: string): boolean => {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  return (
    family !== 0 &&
    rest.length === 0 &&
    (prefix === undefined || (/^[0-9]{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128)))
  );
};

/** The Dutch government's open base map (Kadaster's BRT-Achtergrondkaart through PDOK): no key, web mercator. */
const PDOK_TILE_URL = 'https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png';
/** BRT is CC BY 4.0 with "Kadaster" named. */
const PDOK_TILE_ATTRIBUTION = 'Kaartgegevens © Kadaster (BRT-Achtergrondkaart, CC BY 4.0) via PDOK';
/** A tile URL template; PDOK's base map by default, an empty value for none (null). */
const tileUrl = (pattern: RegExp) =>
  z
    .union([z.literal(''), z.string().regex(pattern)])
    .default(PDOK_TILE_URL)
    .transform((url) => (url === '' ? null : url));

export const configSchema = z.object({
  HOST: z.string().default('127.0.0.1').describe('Address the HTTP API listens on'),
  PORT: int(0, 65_535).default(8080).describe('Port of the HTTP API (0: any free port)'),
  TRUST_PROXY: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().refine(isAddressOrCidr, 'geen IP-adres of CIDR-blok')))
    .describe(
      "Reverse proxies (IP or CIDR, comma-separated) whose X-Forwarded-For names the client; none: the connection's address is the client",
    ),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('pino log level'),
  DATABASE_URL: z.string().url().optional().describe('PostgreSQL server; without it the embedded PGlite is used'),
  DATABASE_POOL_SIZE: int(1, 200).default(10).describe('Connections to the PostgreSQL server'),
  DATA_DIR: z.string().default('var/data').describe('Folder of the embedded database (PGlite)'),
  REDIS_URL: z
    .string()
    .url()
    .refine((url) => /^rediss?:\/\//.test(url), 'geen redis:// of rediss:// adres')
    .optional()
    .describe(
      'Redis server for the state shared by several nodes but never stored: presence, the notified phones, rate limits (redis:// or rediss://); without it this process keeps them in its own memory. It must not persist to disk (save and appendonly off): the system refuses to start otherwise',
    ),
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_.-]{1,64}$/)
    .default('burgernet:')
    .describe('Prefix of every key this system puts in Redis; the nodes of one system share it'),
  REDIS_PERSISTENCE_CHECKED: bool
    .default(false)
    .describe(
      'Set true only for a managed Redis that refuses CONFIG GET, after checking that it keeps nothing on disk (no RDB snapshots, no AOF); without it such a Redis is refused',
    ),
  NATS_URL: z
    .string()
    .url()
    .refine((url) => /^(nats|tls):\/\//.test(url), 'geen nats:// of tls:// adres')
    .optional()
    .describe(
      'NATS server (nats:// or tls://) that wakes the workers of every node and carries live events between nodes; without it PostgreSQL LISTEN/NOTIFY does (on DATABASE_URL), else this process alone. Only a hint: workers also poll every second',
    ),
  NATS_SUBJECT_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/, 'geen NATS-onderwerp (woorden met punten ertussen)')
    .max(40)
    .default('burgernet')
    .describe(
      'Put before every NATS subject (burgernet.wake.targeting …) and names the LISTEN/NOTIFY channel, so that two systems can share one NATS or database',
    ),
  DEMO: bool.default(true).describe('Seed demo participants and staff on first start and print demo tokens'),
  DEMO_PARTICIPANTS: int(0, 3_000_000).default(100_000).describe('Synthetic participants seeded on first start'),
  DEMO_ACTIONS_PER_MONTH: int(0, 5_000)
    .default(700)
    .describe('Demo history: Burgernetacties per month over the last two years, spread by population (0: no history)'),
  ACTION_REGION_MARGIN_METRES: int(0, 50_000)
    .default(5_000)
    .describe(
      "How far an action's area may reach beyond its meldkamer's police region; further into another region needs a centralist of that meldkamer to approve it",
    ),
  ACTION_MAX_AREA_KM2: int(1, 20_000)
    .default(1_000)
    .describe('An action with a larger area (km²) needs a second centralist of the same meldkamer to approve it'),
  ACTION_MAX_RECIPIENTS_WITHOUT_APPROVAL: int(1, 20_000_000)
    .default(100_000)
    .describe(
      'An action that would reach more participants needs a second centralist of the same meldkamer to approve it; a widening or move may not pass it',
    ),
  DASHBOARD_REFRESH_SECONDS: int(1, 3_600)
    .default(30)
    .describe('How often the dashboard counts active and just-ended actions again (recipients, 0800-0011 calls, tips)'),
  SESSION_IDLE_MINUTES: int(1, 24 * 60)
    .default(30)
    .describe('A staff login ends after this long without a request'),
  SESSION_ABSOLUTE_HOURS: int(1, 48)
    .default(12)
    .describe('A staff login ends this long after it began, however active (a shift)'),
  SESSION_COOKIE_SECURE: bool
    .default(true)
    .describe(
      'Session cookies (staff, "Mijn gegevens") and the CSRF cookie only over HTTPS (Secure, named __Host-…; browsers treat http://localhost as secure); false only for plain-http development on another host than localhost',
    ),
  STAFF_STREAMS_PER_STAFF: int(1, 100)
    .default(6)
    .describe(
      'Live event streams (progress, tips, routed calls, import progress) one staff member may have open at once; more are refused with 429 (a console tab with a live action uses three)',
    ),
  STAFF_STREAM_CHECK_SECONDS: int(1, 60)
    .default(5)
    .describe(
      'How often an open event stream checks that its session or API token is still valid; logout and revocation in the portal end it at once',
    ),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: int(1, 100)
    .default(10)
    .describe(
      'Failed logins (password, code or passkey) an account may have in LOGIN_ACCOUNT_WINDOW_MINUTES before its logins are slowed down (never locked; a browser that logged in to the account before is slowed only by its own failures)',
    ),
  LOGIN_ACCOUNT_WINDOW_MINUTES: int(1, 24 * 60)
    .default(15)
    .describe("Window for counting an account's failed logins"),
  LOGIN_ACCOUNT_DELAY_SECONDS: int(1, 60)
    .default(1)
    .describe(
      "How long a slowed account's next attempt waits after its latest failure; doubles with every further failure",
    ),
  LOGIN_ACCOUNT_MAX_DELAY_SECONDS: int(1, 60 * 60)
    .default(300)
    .describe("The longest a slowed account's attempt waits, however many failures"),
  LOGIN_MAX_FAILURES_PER_ADDRESS: int(1, 10_000)
    .default(50)
    .describe('Failed logins from one client address after which it must wait'),
  LOGIN_ADDRESS_WINDOW_MINUTES: int(1, 24 * 60)
    .default(15)
    .describe("Window for counting a client address's failed logins"),
  STAFF_ACTIVATION_HOURS: int(1, 24 * 14)
    .default(72)
    .describe("How long a new account's activation link works"),
  API_TOKEN_DAYS: int(1, 365)
    .default(90)
    .describe('How long a new API token works (burgernet staff create --dagen chooses per token, at most 365)'),
  WEBAUTHN_RP_ID: z
    .string()
    .regex(/^[a-z0-9.-]+$/)
    .default('localhost')
    .describe("Passkey relying party ID: the portal's domain (not an IP address)"),
  WEBAUTHN_ORIGIN: z
    .string()
    .url()
    .optional()
    .describe(
      "Origin passkeys are used on, e.g. https://plein.burgernet.nl (none: the request's own origin, if its host is WEBAUTHN_RP_ID)",
    ),
  OIDC_PROVIDERS: oidcProvidersSchema
    .optional()
    .describe(
      'Single sign-on per organisation: a JSON array of OpenID Connect providers (id, name, issuer, clientId, meldkamers/gemeenten/landelijk, claims; see README, *Single sign-on*); none: password login only',
    ),
  OIDC_CLIENT_SECRETS: oidcClientSecretsSchema
    .optional()
    .describe('JSON object: provider id → client secret, one for every provider in OIDC_PROVIDERS (never logged)'),
  OIDC_REDIRECT_ORIGIN: z
    .string()
    .url()
    .optional()
    .describe(
      "Origin identity providers send staff back to, e.g. https://plein.burgernet.nl (none: the request's own origin)",
    ),
  CONSOLE_MAP_TILE_URL: tileUrl(/^https?:\/\/[^\s'"]+\{z\}[^\s'"]*$/).describe(
    'Base map tiles under the meldkamer console, {z}/{x}/{y} in web mercator (default: the PDOK BRT-Achtergrondkaart; empty: no tiles, the bundled gemeente boundaries only)',
  ),
  CONSOLE_MAP_ATTRIBUTION: z
    .string()
    .max(200)
    .default(PDOK_TILE_ATTRIBUTION)
    .describe('Attribution shown with CONSOLE_MAP_TILE_URL tiles'),
  SMSC: z
    .enum(['simulator', 'external'])
    .default('simulator')
    .describe('simulator: start the built-in SMSC; external: bind to SMPP_HOST'),
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
  SMPP_PROFILE: primaryProfileNameSchema.describe(
    'Name of the SMSC connection profile at SMPP_HOST, stored with every SMS part sent there so that its receipts find it; empty: host:port:system_id (set one that stays when the SMSC moves)',
  ),
  SMPP_SECONDARY_PROFILES: secondaryProfilesSchema.describe(
    'JSON array of further SMSC connection profiles ({"name", "host", "port", "systemId", "password", "systemType", "priority"}): SMS go to them while the profiles of higher priority are down (failover); "priority": 1-99 (default: the order listed, after SMPP_HOST) or "none" (bound only for the receipts of what went there before, e.g. the previous provider after a change); never logged',
  ),
  SMPP_PRIORITY: int(1, MAX_SMSC_PRIORITY)
    .default(1)
    .describe('Priority of the SMSC connection profile at SMPP_HOST among SMPP_SECONDARY_PROFILES (1: tried first)'),
  SMSC_FAILOVER_RECEIPT_SECONDS: int(1, 24 * 3_600)
    .default(SMSC_HEALTH_DEFAULTS.receiptTimeoutMs / 1_000)
    .describe('An SMS part without a delivery receipt this long after it was submitted counts as missing its receipt'),
  SMSC_FAILOVER_MISSING_PERCENT: int(1, 100)
    .default(SMSC_HEALTH_DEFAULTS.maxMissingShare * 100)
    .describe('An SMSC with at least this share of its latest parts missing their receipt is down (failover)'),
  SMSC_FAILOVER_MIN_SAMPLE: int(1, RECEIPT_SAMPLE)
    .default(SMSC_HEALTH_DEFAULTS.minSample)
    .describe('Parts due a receipt needed before SMSC_FAILOVER_MISSING_PERCENT decides anything'),
  SMSC_FAILOVER_ERROR_ANSWERS: int(1, 1_000)
    .default(SMSC_HEALTH_DEFAULTS.maxErrorAnswers)
    .describe('An SMSC that answers this many submits in a row with an error of its own (not throttling) is down'),
  SMSC_FAILOVER_UNBOUND_SECONDS: int(1, 3_600)
    .default(SMSC_HEALTH_DEFAULTS.unboundGraceMs / 1_000)
    .describe('An SMSC with no bind up for this long is down (a refused bind makes it down at once)'),
  SMSC_FAILOVER_PROBE_SECONDS: int(1, 3_600)
    .default(SMSC_HEALTH_DEFAULTS.probeAfterMs / 1_000)
    .describe('A down SMSC gets trial messages after this long (doubling after each failed check, up to 10 minutes)'),
  SMSC_FAILOVER_TRIAL_MESSAGES: int(1, 100)
    .default(SMSC_HEALTH_DEFAULTS.trialMessages)
    .describe('Trial messages a down SMSC must take, with their receipts, before it gets traffic again'),
  SMSC_FAILOVER_HEALTHY_SECONDS: int(1, 24 * 3_600)
    .default(SMSC_HEALTH_DEFAULTS.minHealthyMs / 1_000)
    .describe('A down SMSC gets traffic again no sooner than this after its trial messages began'),
  SMS_VALIDITY_MINUTES: int(1, 24 * 60)
    .default(60)
    .describe('How long the SMSC may try to deliver an SMS'),
  SMS_RECEIPT_WINDOW_HOURS: int(1, 30 * 24)
    .default(72)
    .describe(
      'A delivery receipt matches only an SMS part sent to the same SMSC at most this long before it (an SMSC reuses its message ids)',
    ),
  DISPATCH_BATCH_SIZE: int(1, 10_000).default(500).describe('Deliveries claimed per query'),
  DISPATCH_MAX_IN_FLIGHT: int(1, 100_000).default(2_000).describe('Deliveries handed to the SMSC and not yet answered'),
  DISPATCH_LEASE_SECONDS: int(0, 3_600)
    .default(0)
    .describe(
      "A node's lease on the work it claimed. 0: this node is the only one (at start it takes back every claim of an earlier run). In a cluster set it on every node (e.g. 15): work of a node whose lease ran out goes to the others, and that node stores nothing more of it",
    ),
  NODE_ROLE: z
    .enum(['all', 'api', 'worker'])
    .default('all')
    .describe(
      'What this node does: all (API, pages and workers), api (API, pages and the 0800-0011 redirect; no workers) or worker (workers and periodic jobs; HTTP only for its health)',
    ),
  GEOCODER: z
    .enum(['pc4', 'pdok'])
    .default('pc4')
    .describe(
      "pc4: bundled postcode centroids and place names (offline); pdok: PDOK Locatieserver (BAG), also for the console's address search",
    ),
  PDOK_URL: z
    .string()
    .url()
    .default('https://api.pdok.nl/bzk/locatieserver/search/v3_1')
    .describe('PDOK Locatieserver base URL'),
  PHONE_COUNTRIES: z
    .string()
    .default('NL,BE,DE')
    .transform((s) =>
      s
        .split(',')
        .map((c) => c.trim().toUpperCase())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[A-Z]{2}$/)).min(1))
    .describe('Countries whose phone numbers may register (ISO 3166 codes)'),
  APP_RECENT_HOURS: int(1, 24 * 30)
    .default(48)
    .describe('The app lists ended public actions for this many hours after they ended'),
  APP_MAP_TILE_URL: tileUrl(/^(https:\/\/|http:\/\/(127\.0\.0\.1|localhost)[:/])[^\s'"]+\{z\}[^\s'"]*$/).describe(
    'Base map tiles for the app and the public action page, {z}/{x}/{y} in web mercator, over HTTPS (HTTP only on loopback) (default: the PDOK BRT-Achtergrondkaart; empty: no tiles, the bundled gemeente boundaries only)',
  ),
  APP_MAP_ATTRIBUTION: z
    .string()
    .max(200)
    .default(PDOK_TILE_ATTRIBUTION)
    .describe('Attribution shown with APP_MAP_TILE_URL tiles'),
  APP_FALLBACK_POLICE_PHONE: z
    .string()
    .regex(/^\+[1-9][0-9]{6,14}$/)
    .default('+319008844')
    .describe('Number "Bel politie" dials when a meldkamer has no public number of its own (0900-8844)'),
  APP_REQUESTS_PER_MINUTE: int(1, 100_000).default(120).describe('Requests per minute one address may make to /app/v1'),
  APP_TIPS_PER_HOUR: int(1, 1_000).default(10).describe('Tips per hour one address or device may send'),
  PHOTO_MAX_BYTES: int(1_024, 100 * 1024 * 1024)
    .default(10 * 1024 * 1024)
    .describe('Largest photo upload'),
  PHOTO_MAX_PIXELS: int(10_000, 1_000_000_000)
    .default(64_000_000)
    .describe('Largest photo in pixels (width × height), checked before decoding'),
  PHOTO_MAX_SIDE: int(320, 8_192)
    .default(2_048)
    .describe('Photos are scaled down to at most this many pixels on their longer side'),
  MEDIA_RETENTION_DAYS: int(1, 365)
    .default(30)
    .describe('Days photos and tips are kept after their action ended (an action may set its own)'),
  MEDIA_HOUSEKEEPING_MINUTES: int(1, 24 * 60)
    .default(60)
    .describe('How often photos and tips past their retention are deleted'),
  VOICE: z
    .enum(['simulator', 'trunk'])
    .default('simulator')
    .describe('simulator: call the built-in SIP endpoint; trunk: place calls through VOICE_TRUNK_HOST'),
  VOICE_SIMULATOR_PORT: int(0, 65_535)
    .default(0)
    .describe('UDP and TCP port of the built-in SIP endpoint (0: any free port)'),
  VOICE_TRUNK_HOST: z.string().min(1).default('127.0.0.1').describe('SIP trunk (outbound proxy) host'),
  VOICE_TRUNK_PORT: int(1, 65_535).default(5060).describe('SIP trunk port'),
  VOICE_TRUNK_TRANSPORT: z.enum(['udp', 'tcp']).default('udp').describe('SIP transport to the trunk'),
  VOICE_TRUNK_DOMAIN: z.string().default('').describe('Domain in the request URIs (empty: the trunk host)'),
  VOICE_TRUNK_USERNAME: z
    .string()
    .max(200)
    .default('')
    .describe('Digest authentication user at the trunk (empty: none)'),
  VOICE_TRUNK_PASSWORD: z
    .string()
    .max(200)
    .default('')
    .describe('Digest authentication password at the trunk (never logged)'),
  VOICE_CALLER_ID: z
    .string()
    .regex(/^\+[1-9][0-9]{6,14}$/)
    .default('+318000011')
    .describe('Number shown to the callee (From, P-Asserted-Identity): 0800-0011'),
  VOICE_CALLER_NAME: z
    .string()
    .regex(/^[A-Za-z0-9 .-]{0,40}$/)
    .default('Burgernet')
    .describe('Display name shown with the number'),
  VOICE_LOCAL_HOST: z
    .string()
    .default('')
    .describe('Address the trunk reaches us on, for Via, Contact and SDP (empty: that of the socket to the trunk)'),
  VOICE_SIP_LOCAL_PORT: int(0, 65_535).default(0).describe('Local SIP port (0: any free port)'),
  VOICE_RTP_PORT_MIN: int(0, 65_535)
    .default(0)
    .describe('Lowest local RTP port (0 with VOICE_RTP_PORT_MAX 0: any free port)'),
  VOICE_RTP_PORT_MAX: int(0, 65_535).default(0).describe('Highest local RTP port'),
  VOICE_MAX_CONCURRENT_CALLS: int(1, 10_000).default(60).describe('Simultaneous calls the trunk allows'),
  VOICE_RING_TIMEOUT_SECONDS: int(5, 300)
    .default(30)
    .describe('A call not answered within this is cancelled (no answer)'),
  VOICE_MAX_CALL_SECONDS: int(10, 3_600).default(300).describe('A call is ended after this, whatever the callee does'),
  VOICE_RETRIES: int(0, 10).default(2).describe('Extra calls after busy or no answer, while the action is active'),
  VOICE_RETRY_PAUSE_SECONDS: int(1, 86_400)
    .default(300)
    .describe('Pause before calling a busy or unanswered number again'),
  VOICE_PLAYS: int(1, 5).default(2).describe('How often a call plays its message (then the closing sentence)'),
  VOICE_QUIET_HOURS: z
    .string()
    .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9]$/)
    .default('21:00-08:00')
    .describe('Amsterdam time in which closing messages are not called (they wait until the end); equal times: none'),
  VOICE_TTS_ENGINE: z
    .enum(['auto', 'program', 'wasm'])
    .default('auto')
    .describe(
      'Which espeak-ng speaks: auto: the program (Debian espeak-ng) when it runs, else the WebAssembly build from npm; program or wasm: that one',
    ),
  VOICE_TTS_VOICE: z
    .string()
    .regex(/^[A-Za-z0-9+_/-]{1,40}$/)
    .default('nl')
    .describe('espeak-ng voice'),
  VOICE_TTS_WORDS_PER_MINUTE: int(80, 450).default(150).describe('Speaking rate of the calls'),
  VOICE_TTS_CACHE_MB: int(1, 4_096).default(64).describe('Memory for rendered speech (least recently used goes first)'),
  VOICE_TTS_DISK_CACHE: bool.default(false).describe('Also keep rendered speech in DATA_DIR/tts (8 kHz WAV per text)'),
  REDIRECT_SIP_HOST: z
    .string()
    .min(1)
    .default('127.0.0.1')
    .describe('Address the 0800-0011 SIP redirect server listens on (UDP and TCP)'),
  REDIRECT_SIP_PORT: int(0, 65_535)
    .default(5070)
    .describe('Port of the 0800-0011 SIP redirect server, UDP and TCP (0: any free port)'),
  SIP_UDP_RECEIVE_BUFFER_BYTES: int(65_536, 256 * 1024 * 1024)
    .default(4 * 1024 * 1024)
    .describe(
      'Receive buffer asked for the SIP UDP sockets (0800-0011 redirect server, voice trunk); the kernel caps it at net.core.rmem_max, and a smaller buffer granted is logged as a warning',
    ),
  REDIRECT_ALLOWED_ADDRESSES: z
    .string()
    .default('127.0.0.1,::1')
    .transform((s) =>
      s
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().refine(isAddressOrCidr, 'geen IP-adres of CIDR-blok')).min(1))
    .describe(
      'Telephony platform addresses (IP or CIDR, comma-separated) that may ask where a 0800-0011 call goes; others are ignored',
    ),
  REDIRECT_NATIONAL_TARGET: z
    .string()
    .regex(/^(sips?:[^\s@<>"]+@[^\s<>"]+|\+[1-9][0-9]{6,14})$/)
    .default('sip:meldkamer-landelijk@politie.nl')
    .describe('Where 0800-0011 puts a caller through when no meldkamer fits (SIP URI or +E.164 number)'),
  REDIRECT_LOOKBACK_HOURS: int(1, 168)
    .default(12)
    .describe('Messages of active actions sent this many hours back count for routing a caller'),
  REDIRECT_LOOKUP_TIMEOUT_MS: int(10, 10_000)
    .default(500)
    .describe('A routing lookup slower than this sends the caller to the national target'),
  REDIRECT_MAX_CONCURRENT_LOOKUPS: int(1, 10_000)
    .default(64)
    .describe('Routing lookups under way beyond which further callers go to the national target at once (overload)'),
  REDIRECT_MAX_MESSAGE_BYTES: int(1_024, 65_535)
    .default(16_384)
    .describe('Largest SIP message the redirect server reads; larger ones are dropped'),
  REDIRECT_HTTP_TOKEN: z
    .string()
    .min(32)
    .max(200)
    .optional()
    .describe('Bearer token of platforms that ask over HTTP (POST /api/v1/call-routing); none: that endpoint is off'),
  PUSH_SIMULATOR: bool
    .default(true)
    .describe('Start the built-in push service on loopback: simulated phones for the demo and tests'),
  PUSH_SIMULATOR_PORT: int(0, 65_535).default(0).describe('Port of the built-in push service (0: any free port)'),
  PUSH_SERVICE_HOSTS: z
    .string()
    .default(
      'fcm.googleapis.com,updates.push.services.mozilla.com,push.services.mozilla.com,web.push.apple.com,notify.windows.com',
    )
    .transform((v) =>
      v
        .split(',')
        .map((e) => e.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[a-z0-9.-]+$/)))
    .describe('Push services a phone may subscribe with: https endpoints on these hosts or their subdomains'),
  PUSH_EXTRA_SERVICE_ORIGINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((e) => e.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^https?:\/\/[a-z0-9.:[\]-]+$/)))
    .describe('Further push service origins, plain http allowed (a push service on loopback for tests)'),
  VAPID_PUBLIC_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{87}$/)
    .optional()
    .describe('VAPID public key, base64url (none: generated; kept in DATA_DIR when DEMO is on)'),
  VAPID_PRIVATE_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/)
    .optional()
    .describe('VAPID private key, base64url (never logged)'),
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:[^\s@]+@[^\s@]+|https:\/\/\S+)$/)
    .default('mailto:beheer@burgernet.nl')
    .describe('Contact of the sender in the VAPID token (mailto: or https:)'),
  PUSH_PRESENCE_MINUTES: int(5, 24 * 60)
    .default(30)
    .describe("How long the server keeps a phone's cell in memory after the phone last sent it"),
  PUSH_ENCRYPTION_THREADS: int(0, 64)
    .optional()
    .describe('Worker threads that encrypt pushes (0: the main thread; none: one per core)'),
  PUSH_MAX_IN_FLIGHT: int(1, 10_000).default(500).describe('Pushes sent and not yet answered, over all push services'),
  PUSH_CONNECTIONS_PER_ORIGIN: int(1, 1_000).default(64).describe('Keep-alive connections per push service'),
  PUSH_REQUESTS_PER_MINUTE: int(1, 1_000_000)
    .default(60)
    .describe('Requests per minute one address may make to /app/v1/push'),
  PUSH_SUBSCRIPTION_IDLE_DAYS: int(7, 3_650)
    .default(90)
    .describe('Subscriptions of phones not seen for this many days are removed'),
  PUBLIC_BASE_URL: z
    .string()
    .url()
    .default('http://localhost:8080')
    .transform((u) => u.replace(/\/+$/, ''))
    .describe('Address of the public site, for links in e-mails'),
  SELF_SERVICE_SECRET: z
    .string()
    .min(32)
    .optional()
    .describe(
      'Key for hashing one-time codes and signing e-mail links (never logged; none: made once and kept in the database)',
    ),
  SECRETS_KEY: key256
    .optional()
    .describe(
      'Key-encryption key for secrets at rest (TOTP seeds, signing secrets): base64 of 32 random bytes from the secret store, never logged. Required when DEMO is false; the demo makes one and keeps it in DATA_DIR/secrets-key',
    ),
  SECRETS_PREVIOUS_KEYS: z
    .string()
    .transform((v) => v.split(',').filter((k) => k.trim() !== ''))
    .pipe(z.array(key256))
    .optional()
    .describe(
      'Earlier SECRETS_KEY values, comma-separated, accepted while rotating: at start their data keys are wrapped anew under SECRETS_KEY (docs/security.md, "Rotating the secrets key")',
    ),
  CODE_COUNTRIES: z
    .string()
    .default('NL')
    .transform((v) =>
      v
        .split(',')
        .map((c) => c.trim().toUpperCase())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[A-Z]{2}$/)).min(1))
    .describe('Countries whose numbers get sign-up and login codes; add BE,DE to allow registering across the border'),
  CODE_VALIDITY_MINUTES: int(1, 60).default(10).describe('How long a one-time code works'),
  CODE_MAX_ATTEMPTS: int(1, 20).default(5).describe('Wrong tries after which a code stops working'),
  CODE_LIMIT_PER_NUMBER_PER_HOUR: int(1, 1_000)
    .default(3)
    .describe('Codes one phone number or e-mail address may get per hour'),
  CODE_LIMIT_PER_IP_PER_HOUR: int(1, 100_000)
    .default(10)
    .describe('Codes that may be asked for from one IP address per hour'),
  CODE_LIMIT_NATIONAL_PER_HOUR: int(1, 10_000_000)
    .default(5_000)
    .describe('Codes sent per hour in total (a brake on SMS pumping)'),
  SELF_SERVICE_SESSION_MINUTES: int(5, 24 * 60)
    .default(20)
    .describe('How long a login to "Mijn gegevens" lasts'),
  IMPORT_MAX_MEGABYTES: int(1, 200).default(20).describe('Largest CSV file relatiebeheer may import'),
  IMPORT_MAX_ROWS: int(1_000, 1_000_000)
    .default(100_000)
    .describe('Most rows one relatiebeheer CSV import may have (larger files are refused whole, 413)'),
  IMPORT_RUNNING_PER_ACCOUNT: int(1, 10)
    .default(1)
    .describe('Relatiebeheer imports (checks included) one account may run at once (more: 429)'),
  IMPORT_RUNNING_MAX: int(1, 100)
    .default(4)
    .describe('Relatiebeheer imports this process runs at once over all accounts (more: 429)'),
  EMAIL_SMTP: z
    .enum(['simulator', 'relay'])
    .default('simulator')
    .describe(
      'simulator: send to the built-in SMTP server that keeps every message; relay: send through EMAIL_SMTP_HOST',
    ),
  EMAIL_SIMULATOR_PORT: int(0, 65_535)
    .default(0)
    .describe('Port of the built-in SMTP simulator (0: any free port; the start log names it)'),
  EMAIL_SIMULATOR_KEEP: int(0, 100_000)
    .default(1_000)
    .describe('Messages the SMTP simulator keeps in memory for its demo page'),
  EMAIL_SMTP_HOST: z.string().min(1).default('127.0.0.1').describe('SMTP relay host'),
  EMAIL_SMTP_PORT: int(1, 65_535)
    .default(587)
    .describe('SMTP relay port (587: submission with STARTTLS; 465 with EMAIL_SMTP_SECURE)'),
  EMAIL_SMTP_SECURE: bool
    .default(false)
    .describe('TLS from the first byte (port 465); false: plain, upgraded with STARTTLS'),
  EMAIL_SMTP_REQUIRE_TLS: bool.default(true).describe('Refuse to send to the relay unless STARTTLS succeeded'),
  EMAIL_SMTP_CA_FILE: z
    .string()
    .optional()
    .describe('PEM file of certificates to trust for the relay besides the system ones (a private CA)'),
  EMAIL_SMTP_USERNAME: z
    .string()
    .max(200)
    .default('')
    .describe('SMTP AUTH user at the relay (empty: no authentication)'),
  EMAIL_SMTP_PASSWORD: z.string().max(200).default('').describe('SMTP AUTH password (never logged)'),
  EMAIL_SMTP_CONNECTIONS: int(1, 100).default(5).describe('Pooled connections to the relay'),
  EMAIL_MESSAGES_PER_SECOND: int(1, 100_000)
    .default(100)
    .describe('Mails per second to the relay, over all connections'),
  EMAIL_FROM_ADDRESS: z
    .string()
    .regex(/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/)
    .default('burgernetmail@burgernet.nl')
    .describe('From address of Burgernetmail'),
  EMAIL_FROM_NAME: z
    .string()
    .regex(/^[^\r\n<>"]{1,80}$/)
    .default('Burgernet')
    .describe('Display name in From when the organisation has none of its own'),
  EMAIL_HELO_NAME: z
    .string()
    .regex(/^[a-z0-9.-]+$/)
    .default('burgernet.nl')
    .describe('Name we greet the relay with (EHLO)'),
  EMAIL_DKIM_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+$/)
    .default('burgernet.nl')
    .describe('DKIM signing domain (d=)'),
  EMAIL_DKIM_SELECTOR: z
    .string()
    .regex(/^[a-z0-9._-]+$/)
    .default('burgernet')
    .describe('DKIM selector (s=): the key is published at <selector>._domainkey.<domain>'),
  EMAIL_DKIM_PRIVATE_KEY: z
    .string()
    .min(100)
    .optional()
    .describe(
      'DKIM private key, PEM (\\n for new lines allowed; never logged). None: in the demo a key made once in DATA_DIR; otherwise mails go unsigned',
    ),
  EMAIL_BOUNCE_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+$/)
    .default('bounce.burgernet.nl')
    .describe('Domain of the VERP return paths (bounce+<token>@domain); its MX must reach the bounce listener'),
  EMAIL_BOUNCE_HOST: z
    .string()
    .min(1)
    .default('127.0.0.1')
    .describe('Address the inbound SMTP listener for bounces listens on'),
  EMAIL_BOUNCE_PORT: int(0, 65_535)
    .default(0)
    .describe('Port of the inbound SMTP listener for bounces (0: any free port)'),
  EMAIL_BOUNCE_MAX_KILOBYTES: int(16, 10_240).default(512).describe('Largest bounce message the listener takes'),
  EMAIL_DSN_ON_SUCCESS: bool
    .default(true)
    .describe('Ask relays for a delivery notification (RFC 3461 NOTIFY=SUCCESS) too: the "delivered" figure'),
  MAIL_BATCH_SIZE: int(1, 5_000).default(100).describe('Burgernetmail recipients claimed per query'),
  MAIL_MAX_IN_FLIGHT: int(1, 10_000)
    .default(20)
    .describe('Mails handed to the relay and not yet answered (also what still goes out after an action starts)'),
  MAIL_DATABASE_POOL_SIZE: int(1, 50)
    .default(2)
    .describe('Connections of the mail worker to the PostgreSQL server, apart from DATABASE_POOL_SIZE'),
  MAIL_ANSWER_DAYS: int(1, 90).default(14).describe('How long the answer link of a buurtonderzoek works'),
  MAIL_ANSWERS_PER_LINK: int(1, 50).default(5).describe('Answers one personal answer link may send'),
  MAIL_RETRY_SECONDS: int(1, 86_400)
    .default(300)
    .describe('Pause before a mail the relay could not take is tried again'),
  BROADCAST_RETRY_MAX_SECONDS: int(1, 3_600)
    .default(60)
    .describe(
      'Broadcast channels (partner webhooks …): the longest pause before an event a destination could not take is tried again (the pause starts at 1 s and doubles)',
    ),
  BROADCAST_MAX_AGE_HOURS: int(1, 24 * 14)
    .default(24)
    .describe(
      'Broadcast channels: an event a destination has not taken after this long is given up (expired) so the next ones can go',
    ),
  PARTNER_WEBHOOKS: partnerWebhooksSchema,
});

export type Config = Readonly<z.infer<typeof configSchema>>;

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Ongeldige configuratie:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const relevant = Object.fromEntries(
    Object.keys(configSchema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]),
  );
  const parsed = configSchema.safeParse(relevant);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  return Object.freeze(parsed.data);
}
