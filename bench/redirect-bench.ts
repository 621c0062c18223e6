import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pino } from 'pino';
import { createAddressAllowList } from '../src/adapters/call-routing/address-allow-list.js';
import { startSipRedirectServer } from '../src/adapters/call-routing/sip-redirect-server.js';
import { createBatchedCallRoutingLog } from '../src/adapters/store/batched-call-routing-log.js';
import {
  callRoutingStatements,
  createSqlCallRoutingRepository,
} from '../src/adapters/store/sql-call-routing-repository.js';
import { createRouteCaller } from '../src/app/call-routing/route-caller.js';
import { loadScenario } from '../test/support/redirect-scenarios.js';
import { runSipp } from '../test/support/sipp-client.js';
import type { BenchDatabase } from './bench-database.js';
import { startProgressBar } from './progress-bar.js';
import { percentile } from './stats.js';

export interface RedirectSettings {
  /** Deliveries in the table (the history the lookup searches through). */
  readonly deliveries: number;
  /** INVITEs per second offered by SIPp, one step each. */
  readonly rates: readonly number[];
  readonly secondsPerStep: number;
}

export interface RedirectStep {
  readonly offeredPerSecond: number;
  readonly calls: number;
  readonly failed: number;
  /** Calls answered over the step's wall time (SIPp start to exit). */
  readonly answeredPerSecond: number;
  /** INVITE sent to 302 received, as SIPp measured it. */
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** The routing decision inside the server (lookup in the database), p50 and p99 in ms with µs precision. */
  readonly decisionP50Ms: number;
  readonly decisionP99Ms: number;
  /** Calls sent to the national target without a lookup (overloaded) or after a slow one (lookup-failed). */
  readonly shed: number;
}

export interface RedirectFigures {
  readonly deliveries: number;
  readonly actions: { readonly active: number; readonly closed: number };
  /** Share of callers per kind (of an active action, registered without one, unknown). */
  readonly callers: { readonly ofActiveAction: number; readonly registered: number; readonly unknown: number };
  /** The plan of the lookup of one caller (EXPLAIN ANALYZE). */
  readonly plan: readonly string[];
  readonly planUsesIndex: boolean;
  readonly steps: readonly RedirectStep[];
  readonly reasons: Readonly<Record<string, number>>;
  /** What the server counted over all steps (INVITEs, retransmissions answered again, ACKs…). */
  readonly server: Readonly<Record<string, number>>;
}

const ACTIONS = 60;
/** 097 (machine-to-machine) numbers: seeded participants never have one. */
const NUMBER_BASE = 31_970_000_000;
const CHUNK = 50_000;
const LOOKBACK_HOURS = 12;

/**
 * INVITEs per second the 0800-0011 redirect server answers (SIPp over UDP as the platform), with the
 * response times SIPp measures, on a database holding `deliveries` deliveries of 60 actions (half active).
 * A number gets one action's alert, every tenth also a second one from another meldkamer.
 */
export async function runRedirectBench(bench: BenchDatabase, settings: RedirectSettings): Promise<RedirectFigures> {
  const db = bench.database;
  const now = new Date();
  const actions = await insertActions(db, now);
  const actionIds = actions.map((a) => a.actionId);
  const numbers = Math.ceil(settings.deliveries / 1.1);
  const bar = startProgressBar('redirect deliveries', settings.deliveries);
  let inserted = 0;
  for (let from = 0; from < numbers; from += CHUNK) {
    const to = Math.min(numbers, from + CHUNK);
    inserted += await db.execute(
      `insert into deliveries (action_id, message_id, message_ordinal, msisdn, channel, distance_m, status, queued_at)
       select ($5::uuid[])[pick.k + 1], ($6::uuid[])[pick.k + 1], 1, '+' || ($3::bigint + n)::text, 'sms', 100, 'delivered',
              $4::timestamptz - make_interval(secs => ((n::bigint * 7919) % 86400)::int)
       from generate_series($1::int, $2::int - 1) as n
       cross join lateral unnest(case when n % 10 = 0 then array[n % ${ACTIONS}, (n + 1) % ${ACTIONS}] else array[n % ${ACTIONS}] end) as pick(k)`,
      [from, to, NUMBER_BASE, now, actions.map((a) => a.actionId), actions.map((a) => a.messageId)],
    );
    bar.update(inserted);
  }
  bar.stop();
  await db.execute('analyze deliveries');

  // Callers: numbers of active actions sent within the lookback, registered numbers, and unknown ones.
  const active = await db.query<{ msisdn: string }>(
    `select d.msisdn from deliveries d join actions a on a.id = d.action_id
     where a.status = 'actief' and d.queued_at > $1 and d.msisdn like '+3197%' order by d.id limit 20000`,
    [new Date(now.getTime() - LOOKBACK_HOURS * 3_600_000)],
  );
  const registered = await db.query<{ msisdn: string }>('select msisdn from registrations order by id limit 5000');
  const unknown = Array.from({ length: 5_000 }, (_, i) => `+3188${String(i).padStart(7, '0')}`);
  if (registered.length === 0)
    throw new Error('no registrations: the redirect phase needs seeded participants as registered callers');
  const callers = interleave([active.map((r) => r.msisdn), registered.map((r) => r.msisdn), unknown], [6, 2, 2]);

  // The plans of the statements the lookup function runs: one caller of an active action, one registered caller.
  const [actionsSql = '', registeredSql = ''] = await callRoutingStatements(db);
  const since = new Date(now.getTime() - LOOKBACK_HOURS * 3_600_000);
  const explain = async (sql: string, params: unknown[]) =>
    (await db.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${sql}`, params)).map((r) => r['QUERY PLAN']);
  const plan = [
    ...(await explain(actionsSql, [active[0]?.msisdn ?? '+31600000000', since])),
    '',
    ...(await explain(registeredSql, [registered[0]?.msisdn ?? '+31600000000'])),
  ];

  const logger = pino({ level: 'warn' }, pino.destination(2));
  const log = createBatchedCallRoutingLog(db, { flushIntervalMs: 50, maxBatch: 500, maxPending: 100_000 }, logger);
  const decisionTimes: number[] = [];
  const decide = createRouteCaller(
    {
      calls: createSqlCallRoutingRepository(db),
      log,
      clock: { now: () => new Date() },
      listener: { callRouted: () => undefined },
      logger,
    },
    {
      lookbackMs: LOOKBACK_HOURS * 3_600_000,
      nationalTarget: 'sip:meldkamer-landelijk@politie.nl',
      lookupTimeoutMs: 500,
      maxConcurrentLookups: 64,
    },
  );
  const routeCaller: typeof decide = async (caller, transport) => {
    const started = performance.now();
    const decision = await decide(caller, transport);
    decisionTimes.push(performance.now() - started);
    return decision;
  };
  const server = await startSipRedirectServer(
    {
      host: '127.0.0.1',
      port: 0,
      limits: { maxMessageBytes: 16_384, maxHeaders: 64, maxHeaderLineBytes: 2_048 },
      allowed: createAddressAllowList(['127.0.0.1']),
      maxTransactions: 200_000,
    },
    { routeCaller, logger },
  );
  const steps: RedirectStep[] = [];
  let serverStats: Record<string, number>;
  try {
    for (const rate of settings.rates) {
      const shedBefore = await shedCount(db, log);
      decisionTimes.length = 0;
      const measured = await runStep(server.port, rate, settings.secondsPerStep, callers);
      const step = {
        ...measured,
        decisionP50Ms: round3(percentile(decisionTimes, 50)),
        decisionP99Ms: round3(percentile(decisionTimes, 99)),
        shed: (await shedCount(db, log)) - shedBefore,
      };
      steps.push(step);
      process.stderr.write(
        `redirect ${rate}/s offered: ${step.answeredPerSecond}/s answered, p50 ${step.p50Ms} ms, p99 ${step.p99Ms} ms (decision p50 ${step.decisionP50Ms}, p99 ${step.decisionP99Ms} ms), ${step.failed} failed, ${step.shed} shed\n`,
      );
      // Past saturation the figures only describe the queue.
      if (step.failed > step.calls / 100 || step.shed > step.calls / 100 || step.p99Ms > 200) break;
    }
    serverStats = { ...server.stats };
  } finally {
    await server.close();
    await log.close();
  }
  const reasons = Object.fromEntries(
    (
      await db.query<{ reason: string; n: number }>(
        'select reason, count(*)::int as n from call_routings group by reason order by reason',
      )
    ).map((r) => [r.reason, r.n]),
  );
  await removeBenchData(db, actionIds);
  return {
    deliveries: inserted,
    actions: { active: ACTIONS / 2, closed: ACTIONS / 2 },
    callers: { ofActiveAction: 0.6, registered: 0.2, unknown: 0.2 },
    plan,
    planUsesIndex:
      plan.some((line) => line.includes('deliveries_msisdn_recent')) &&
      plan.some((line) => line.includes('registrations_msisdn')),
    steps,
    reasons,
    server: serverStats,
  };
}

async function shedCount(db: BenchDatabase['database'], log: { flush(): Promise<void> }): Promise<number> {
  await log.flush();
  const [row] = await db.query<{ n: number }>(
    "select count(*)::int as n from call_routings where reason in ('overloaded', 'lookup-failed')",
  );
  return row?.n ?? 0;
}

async function runStep(
  port: number,
  rate: number,
  seconds: number,
  callers: readonly string[],
): Promise<Omit<RedirectStep, 'shed' | 'decisionP50Ms' | 'decisionP99Ms'>> {
  const calls = rate * seconds;
  const injection = `SEQUENTIAL\n${Array.from({ length: Math.min(calls, callers.length) }, (_, i) => `${callers[i % callers.length]};`).join('\n')}\n`;
  const started = performance.now();
  const run = await runSipp({
    scenario: loadScenario(),
    host: '127.0.0.1',
    port,
    transport: 'udp',
    calls,
    rate,
    limit: Math.max(100, rate),
    timeoutSeconds: seconds * 4 + 30,
    extraArgs: [
      '-trace_rtt',
      '-rtt_freq',
      '1',
      '-inf',
      'callers.csv',
      '-trace_stat',
      '-stf',
      'stats.csv',
      '-fd',
      '1',
      '-max_socket',
      '1024',
    ],
    beforeStart: (dir) => writeFile(join(dir, 'callers.csv'), injection),
  });
  const elapsedSeconds = (performance.now() - started) / 1000;
  try {
    const rttFile = (await readdir(run.dir)).find((f) => f.endsWith('_rtt.csv'));
    const times = rttFile === undefined ? [] : parseRtt(await readFile(join(run.dir, rttFile), 'utf8'));
    const counts = parseStats(await readFile(join(run.dir, 'stats.csv'), 'utf8').catch(() => ''));
    if (counts === null || times.length === 0)
      throw new Error(`SIPp measured no call (exit ${run.code}):\n${run.output.slice(-2_000)}`);
    return {
      offeredPerSecond: rate,
      calls,
      failed: counts.failed,
      answeredPerSecond: Math.round(counts.successful / elapsedSeconds),
      p50Ms: round(percentile(times, 50)),
      p99Ms: round(percentile(times, 99)),
      maxMs: round(Math.max(...times)),
    };
  } finally {
    await run.cleanup();
  }
}

/** The last row of SIPp's statistics file (-trace_stat): cumulative successful and failed calls. */
function parseStats(text: string): { successful: number; failed: number } | null {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const head = lines[0]?.split(';') ?? [];
  const last = lines.at(-1)?.split(';') ?? [];
  const successful = Number(last[head.indexOf('SuccessfulCall(C)')]);
  const failed = Number(last[head.indexOf('FailedCall(C)')]);
  return lines.length < 2 || !Number.isFinite(successful) || !Number.isFinite(failed) ? null : { successful, failed };
}

/** SIPp's rtt file: "Date_ms;response_time_ms;rtd_no" rows after the header line (whole milliseconds). */
function parseRtt(text: string): number[] {
  return text
    .split('\n')
    .slice(1)
    .map((line) => line.split(';'))
    .filter((cols) => cols.length >= 3)
    .map((cols) => Number(cols[1]))
    .filter((n) => Number.isFinite(n));
}

const round = (n: number) => Math.round(n * 100) / 100;
const round3 = (n: number) => Math.round(n * 1000) / 1000;

function interleave(lists: readonly (readonly string[])[], weights: readonly number[]): string[] {
  const out: string[] = [];
  const index = lists.map(() => 0);
  const total = Math.max(...lists.map((l, i) => (l.length === 0 ? 0 : Math.ceil(l.length / (weights[i] ?? 1)))));
  for (let round = 0; round < total; round++) {
    lists.forEach((list, i) => {
      for (let w = 0; w < (weights[i] ?? 1) && list.length > 0; w++) out.push(list[index[i]!++ % list.length]!);
    });
  }
  return out;
}

async function insertActions(
  db: BenchDatabase['database'],
  now: Date,
): Promise<{ actionId: string; messageId: string }[]> {
  const staff = crypto.randomUUID();
  const meldkamers = (await db.query<{ code: string }>('select code from meldkamers order by code')).map((r) => r.code);
  await db.execute("insert into staff (id, name, role) values ($1, 'Redirect bench', 'landelijk-beheer')", [staff]);
  const actions: { actionId: string; messageId: string }[] = [];
  for (let k = 0; k < ACTIONS; k++) {
    const actionId = crypto.randomUUID();
    const messageId = crypto.randomUUID();
    const closed = k % 2 === 1;
    const at = new Date(now.getTime() - (k % 24) * 3_600_000);
    await db.execute(
      `insert into actions (id, number, type, meldkamer_code, status, priority, message, area, result, created_at, created_by, started_at, started_by, updated_at)
       values ($1, $2, 'vermissing', $3, $4, 1, 'Bench', '{"kind":"circle","centre":{"lat":52.37,"lon":4.89},"radiusMetres":1000}', $5, $6, $7, $6, $7, $6)`,
      [
        actionId,
        `BENCH-${k}-${actionId.slice(0, 6)}`,
        meldkamers[k % meldkamers.length],
        closed ? 'afgesloten' : 'actief',
        closed ? 'gevonden' : null,
        at,
        staff,
      ],
    );
    await db.execute(
      "insert into action_messages (id, action_id, ordinal, kind, text, created_at, created_by) values ($1, $2, 1, 'alert', 'Bench', $3, $4)",
      [messageId, actionId, at, staff],
    );
    actions.push({ actionId, messageId });
  }
  return actions;
}

/** A kept bench database (--keep) must not carry this phase's rows into the next run. */
async function removeBenchData(db: BenchDatabase['database'], actionIds: readonly string[]): Promise<void> {
  await db.execute('delete from call_routings');
  await db.execute('delete from deliveries where action_id = any($1::uuid[])', [actionIds]);
  await db.execute('delete from action_messages where action_id = any($1::uuid[])', [actionIds]);
  await db.execute('delete from actions where id = any($1::uuid[])', [actionIds]);
  await db.execute("delete from staff where name = 'Redirect bench'");
}
