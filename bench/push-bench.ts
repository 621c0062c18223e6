import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import webpush from 'web-push';
import { createDeviceTokens } from '../src/adapters/auth/device-tokens.js';
import { presenceCellOf } from '../src/adapters/presence/presence-cells.js';
import type { Database } from '../src/adapters/store/database/database.js';
import type { PresenceCell } from '../src/domain/push/presence-cell.js';
import { seenDayOf } from '../src/domain/push/seen-day.js';
import { loadConfig } from '../src/config.js';
import type { LatLon } from '../src/domain/geo/lat-lon.js';
import { startSystem } from '../src/compose/system.js';
import type {
  LocalPushServiceStats,
  PushSubscriptionJson,
} from '../src/adapters/channels/web-push/local-push-service.js';
import type { BenchDatabase } from './bench-database.js';
import { clockFrom } from './bench-clock.js';
import { AMSTERDAM_DAM, BENCH_MOMENT } from './bench-places.js';
import { callApi, createCentralistToken, idOf } from './bench-staff.js';
import { sampleMemory, type MemoryFigures } from './memory-sampler.js';
import { startProgressBar } from './progress-bar.js';

export interface PushSettings {
  readonly subscriptions: number;
  /** Encryption threads of each run: 0 (the main thread) and one per core. */
  readonly threadCounts: readonly number[];
  readonly timeoutMs: number;
}

export interface PushRunFigures {
  readonly encryptionThreads: number;
  /** Round trip of POST /actions/:id/start. */
  readonly startRequestMs: number;
  /** From sending the start request to the push service accepting the first and the last push. */
  readonly firstAcceptedMs: number;
  readonly lastAcceptedMs: number;
  /** Pushes over first to last accepted. */
  readonly pushesPerSecond: number;
  /** Pushes over start request to last accepted. */
  readonly endToEndPerSecond: number;
  /** The fan-out's row in the database: what the system counted. */
  readonly stored: {
    readonly targeted: number;
    readonly accepted: number;
    readonly gone: number;
    readonly failed: number;
  };
  readonly push: LocalPushServiceStats;
  readonly tokensSigned: number;
  readonly memory: MemoryFigures;
  /** PUT …/presence over HTTP, for the sample of phones that reports its cell through the API. */
  readonly presencePerSecond: number;
}

export interface PushFigures {
  readonly subscriptions: number;
  readonly cells: number;
  readonly areaRadiusKm: number;
  /** POST /app/v1/push/subscriptions over HTTP, for the sample (once: the rows stay for the next run). */
  readonly subscribePerSecond: number;
  readonly runs: readonly PushRunFigures[];
}

const PHONES_WITHIN_METRES = 5_000;
const AREA_RADIUS_METRES = 6_000;
const CLIENT_CONCURRENCY = 64;
/** Phones that subscribe and report their cell over HTTP; the rest are set up directly (an HTTP round trip each would take longer than the fan-out). */
const HTTP_SAMPLE = 2_000;
const POLL_MS = 50;
const METRES_PER_DEGREE_LAT = 111_320;

/**
 * `push`: phones spread over 5 km around the Dam subscribe and report their cell (2,000 of them over the app's
 * API, the rest straight into the store and the presence index), then a centralist starts an action over HTTP
 * whose area holds them all, and the system sends every phone its alert through the real Web Push adapter to
 * the local push service in a child process. Once with the encryption on the main thread, once on worker
 * threads (one per core).
 */
export async function runPushBench(bench: BenchDatabase, settings: PushSettings): Promise<PushFigures> {
  const vapid = webpush.generateVAPIDKeys();
  const pushService = await startPushServiceProcess();
  try {
    const phones = await createPhones(pushService.origin, settings.subscriptions, vapid.publicKey);
    const cells = new Set(phones.map((p) => p.cell)).size;
    const runs: PushRunFigures[] = [];
    let subscribePerSecond = 0;
    let registered: RegisteredPhone[] = [];
    for (const threads of settings.threadCounts) {
      const clock = clockFrom(BENCH_MOMENT);
      const config = loadConfig({
        PORT: '0',
        SMSC_SIMULATOR_PORT: '0',
        REDIRECT_SIP_PORT: '0',
        DEMO: 'false',
        // A fresh database per run: a fresh key to seal its secrets (SECRETS_KEY is required outside the demo).
        SECRETS_KEY: randomBytes(32).toString('base64'),
        LOG_LEVEL: 'warn',
        PUSH_SIMULATOR: 'false',
        PUSH_EXTRA_SERVICE_ORIGINS: pushService.origin,
        PUSH_ENCRYPTION_THREADS: String(threads),
        PUSH_REQUESTS_PER_MINUTE: '1000000',
        APP_REQUESTS_PER_MINUTE: '100000',
        VAPID_PUBLIC_KEY: vapid.publicKey,
        VAPID_PRIVATE_KEY: vapid.privateKey,
        ...pushEnv(),
      });
      const logger = pino({ level: config.LOG_LEVEL }, pino.destination(2));
      const system = await startSystem(config, logger, { database: bench.database, clock });
      try {
        const url = system.url;
        if (url === null) throw new Error('the push bench needs a listening API');
        if (registered.length === 0) {
          // A sample subscribes over the API, as the app does (its rate is printed); the rest are written in bulk.
          const sample = phones.slice(0, Math.min(HTTP_SAMPLE, phones.length));
          const started = performance.now();
          const overHttp = await inParallel(`push subscribe (${bench.kind})`, sample, async (phone) => {
            const body = await request(url, 'POST', '/app/v1/push/subscriptions', null, {
              subscription: phone.subscription,
            });
            const created = JSON.parse(body) as { id: string; deviceToken: string };
            return { ...phone, id: created.id, deviceToken: created.deviceToken };
          });
          subscribePerSecond = Math.round(sample.length / ((performance.now() - started) / 1000));
          registered = [
            ...overHttp,
            ...(await insertSubscriptions(system.database, phones.slice(sample.length), clock.now())),
          ];
        }
        // Presence likewise: the sample over the API, the rest straight into this process's presence index.
        const sample = registered.slice(0, Math.min(HTTP_SAMPLE, registered.length));
        const presenceStarted = performance.now();
        await inParallel(`push presence (${threads} thr)`, sample, (phone) =>
          request(url, 'PUT', `/app/v1/push/subscriptions/${phone.id}/presence`, `Device ${phone.deviceToken}`, {
            cell: phone.cell,
          }),
        );
        const presencePerSecond = Math.round(sample.length / ((performance.now() - presenceStarted) / 1000));
        const tokens = createDeviceTokens();
        for (const phone of registered.slice(sample.length)) {
          const target = {
            subscriptionId: phone.id,
            endpoint: phone.subscription.endpoint,
            p256dh: phone.subscription.keys.p256dh,
            auth: phone.subscription.keys.auth,
          };
          await system.push.presence.mark(
            { target, tokenHash: tokens.hashOf(phone.deviceToken) ?? '' },
            phone.cell as PresenceCell,
            clock.now(),
          );
        }
        runs.push(await timeFanout(url, system, pushService.origin, threads, settings, presencePerSecond));
      } finally {
        await system.stop();
      }
    }
    return {
      subscriptions: settings.subscriptions,
      cells,
      areaRadiusKm: AREA_RADIUS_METRES / 1000,
      subscribePerSecond,
      runs,
    };
  } finally {
    pushService.stop();
  }
}

/** PUSH_* variables of the environment reach the system (e.g. PUSH_MAX_IN_FLIGHT, PUSH_CONNECTIONS_PER_ORIGIN). */
function pushEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      (e): e is [string, string] => e[1] !== undefined && /^PUSH_(MAX_IN_FLIGHT|CONNECTIONS_PER_ORIGIN)$/.test(e[0]),
    ),
  );
}

async function timeFanout(
  url: string,
  system: Awaited<ReturnType<typeof startSystem>>,
  origin: string,
  threads: number,
  settings: PushSettings,
  presencePerSecond: number,
): Promise<PushRunFigures> {
  const token = await createCentralistToken(system.store, 'RE05');
  const created = await callApi(url, token, 'POST', '/api/v1/actions', {
    type: 'vermissing',
    message: 'Vermist: Sanne (8), blond haar, roze jas. Gezien bij de Dam.',
    area: { kind: 'circle', centre: AMSTERDAM_DAM.centre, radiusMetres: AREA_RADIUS_METRES },
  });
  if (created.status !== 201)
    throw new Error(`creating the action failed: ${created.status} ${JSON.stringify(created.body)}`);
  const actionId = idOf(created.body);
  await fetch(`${origin}/stats/reset`, { method: 'POST' }).then((r) => r.text());

  const memory = sampleMemory(50);
  const bar = startProgressBar(`push fan-out (${threads} thr)`, settings.subscriptions);
  const startedAt = Date.now();
  const started = await callApi(url, token, 'POST', `/api/v1/actions/${actionId}/start`);
  const startRequestMs = Date.now() - startedAt;
  if (started.status !== 200)
    throw new Error(`starting the action failed: ${started.status} ${JSON.stringify(started.body)}`);
  const deadline = startedAt + settings.timeoutMs;
  let stats = await pushStats(origin);
  while (stats.accepted + stats.refused < settings.subscriptions) {
    if (Date.now() > deadline)
      throw new Error(`push fan-out not done after ${settings.timeoutMs} ms: ${stats.accepted} accepted`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    stats = await pushStats(origin);
    bar.update(stats.accepted);
  }
  bar.stop();
  const mem = memory.stop();
  await system.push.fanout.drained();
  const [row] = await system.database.query<{ targeted: number; accepted: number; gone: number; failed: number }>(
    `select targeted, accepted, gone, failed from push_fanouts where action_id = $1 and trigger = 'start'`,
    [actionId],
  );
  const first = stats.firstAcceptedAt ?? Number.NaN;
  const last = stats.lastAcceptedAt ?? Number.NaN;
  return {
    encryptionThreads: threads,
    startRequestMs,
    firstAcceptedMs: first - startedAt,
    lastAcceptedMs: last - startedAt,
    pushesPerSecond: Math.round(stats.accepted / Math.max(0.001, (last - first) / 1000)),
    endToEndPerSecond: Math.round(stats.accepted / Math.max(0.001, (last - startedAt) / 1000)),
    stored: row ?? { targeted: 0, accepted: 0, gone: 0, failed: 0 },
    push: stats,
    tokensSigned: system.push.channel.stats().tokensSigned,
    memory: mem,
    presencePerSecond,
  };
}

async function pushStats(origin: string): Promise<LocalPushServiceStats> {
  return (await (await fetch(`${origin}/stats`)).json()) as LocalPushServiceStats;
}

interface BenchPhone {
  readonly subscription: PushSubscriptionJson;
  readonly cell: string;
}

interface RegisteredPhone extends BenchPhone {
  readonly id: string;
  readonly deviceToken: string;
}

/** Subscriptions as POST /app/v1/push/subscriptions stores them, many rows per statement. */
async function insertSubscriptions(
  database: Database,
  phones: readonly BenchPhone[],
  at: Date,
): Promise<RegisteredPhone[]> {
  const tokens = createDeviceTokens();
  const registered = phones.map((phone) => ({ ...phone, id: randomUUID(), deviceToken: tokens.issue().token }));
  const bar = startProgressBar('push subscriptions', registered.length);
  for (let i = 0; i < registered.length; i += 5_000) {
    const chunk = registered.slice(i, i + 5_000);
    await database.execute(
      `insert into push_subscriptions (id, endpoint, p256dh, auth, token_hash, created_at, last_seen_on)
       select id, endpoint, p256dh, auth, token_hash, $6, $7::date
       from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[]) as s(id, endpoint, p256dh, auth, token_hash)`,
      [
        chunk.map((p) => p.id),
        chunk.map((p) => p.subscription.endpoint),
        chunk.map((p) => p.subscription.keys.p256dh),
        chunk.map((p) => p.subscription.keys.auth),
        chunk.map((p) => tokens.hashOf(p.deviceToken)),
        at,
        seenDayOf(at),
      ],
    );
    bar.update(i + chunk.length);
  }
  bar.stop();
  return registered;
}

/** Phones spread evenly over a disc round the Dam (a fixed sequence, so every run has the same cells). */
async function createPhones(origin: string, count: number, applicationServerKey: string): Promise<BenchPhone[]> {
  const response = await fetch(`${origin}/subscriptions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ count, applicationServerKey }),
  });
  if (response.status !== 201) throw new Error(`the push service made no subscriptions: ${response.status}`);
  const { subscriptions } = (await response.json()) as { subscriptions: { subscription: PushSubscriptionJson }[] };
  const centre = AMSTERDAM_DAM.centre;
  return subscriptions.map(({ subscription }, i) => {
    // A golden-angle spiral: even cover of the disc without a random generator.
    const r = PHONES_WITHIN_METRES * Math.sqrt((i + 0.5) / count);
    const angle = i * Math.PI * (3 - Math.sqrt(5));
    const at: LatLon = {
      lat: centre.lat + (r * Math.sin(angle)) / METRES_PER_DEGREE_LAT,
      lon: centre.lon + (r * Math.cos(angle)) / (METRES_PER_DEGREE_LAT * Math.cos((centre.lat * Math.PI) / 180)),
    };
    return { subscription, cell: presenceCellOf(at) };
  });
}

/** One JSON request as the app sends it; returns the body, throws on anything but 2xx. */
async function request(
  baseUrl: string,
  method: 'POST' | 'PUT',
  path: string,
  authorization: string | null,
  body: unknown,
): Promise<string> {
  const response = await fetch(baseUrl + path, {
    method,
    headers: { 'content-type': 'application/json', ...(authorization === null ? {} : { authorization }) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text;
}

/** Runs `work` for every item with a bounded number at once, in order of the items; with a progress bar. */
async function inParallel<T, R>(label: string, items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  const bar = startProgressBar(label, items.length);
  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: Math.min(CLIENT_CONCURRENCY, items.length) }, async () => {
      for (let i = next++; i < items.length; i = next++) {
        results[i] = await work(items[i]!);
        if (++done % 1_000 === 0) bar.update(done);
      }
    }),
  );
  bar.update(done);
  bar.stop();
  return results;
}

async function startPushServiceProcess(): Promise<{ readonly origin: string; stop(): void }> {
  const child: ChildProcess = spawn(
    process.execPath,
    [...process.execArgv, fileURLToPath(new URL('./push-service-process.ts', import.meta.url))],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const stdout = child.stdout;
  if (stdout === null) throw new Error('no stdout from the push service process');
  const line = await new Promise<string>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the push service process ended with ${code}`)));
    createInterface({ input: stdout }).once('line', resolve);
  });
  const { origin } = JSON.parse(line) as { origin: string };
  return { origin, stop: () => void child.kill('SIGTERM') };
}

/** 0 (the main thread) and one per core. */
export const PUSH_THREAD_COUNTS: readonly number[] = [0, availableParallelism()];
