import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { createStore } from '../src/adapters/store/create-store.js';
import { loadConfig } from '../src/config.js';
import { startSystem } from '../src/compose/system.js';
import type { BenchDatabase } from './bench-database.js';
import { clockFrom } from './bench-clock.js';
import { AMSTERDAM_DAM, BENCH_MOMENT } from './bench-places.js';
import { callApi, createCentralistToken, idOf } from './bench-staff.js';
import { checkFanout, type FanoutOutcome } from './fanout-check.js';
import { findFanoutArea } from './fanout-area.js';
import { sampleMemory, type MemoryFigures } from './memory-sampler.js';
import { startProgressBar } from './progress-bar.js';
import { timeStatements, type StatementTiming } from './statement-timings.js';

export interface FanoutSettings {
  /** SMS recipients the area should hold. */
  readonly targetRecipients: number;
  /** Environment for loadConfig on top of the defaults (SMPP_*, DISPATCH_*). */
  readonly env: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
}

export interface FanoutFigures {
  readonly radiusKm: number;
  readonly smsRecipients: number;
  readonly config: Readonly<Record<string, string | number>>;
  /** Round trip of POST /actions/:id/start. */
  readonly startRequestMs: number;
  /** From sending the start request to the SMSC receiving the first submit_sm. */
  readonly firstSubmitMs: number;
  /** From sending the start request to the SMSC answering the last submit_sm. */
  readonly lastSubmitRespMs: number;
  /** From sending the start request to the last delivery's `submitted_at` in the database. */
  readonly lastStoredMs: number;
  /** When the bench saw no delivery queued or sending any more (polling). */
  readonly doneSeenMs: number;
  /** Messages over first submit to last response. */
  readonly messagesPerSecond: number;
  /** Messages over start request to last response. */
  readonly endToEndPerSecond: number;
  readonly memory: MemoryFigures;
  readonly outcome: FanoutOutcome;
  /** Where the system's database time went, from the start of the system to the end of the fan-out. */
  readonly statements: readonly StatementTiming[];
}

const ACTION_TYPE = 'vermissing';
const POLL_MS = 20;
const STATEMENTS_SHOWN = 12;

/** Starts an action over HTTP on the real system (SMPP to the built-in SMSC simulator) and times its fan-out. */
export async function runFanoutBench(bench: BenchDatabase, settings: FanoutSettings): Promise<FanoutFigures> {
  const clock = clockFrom(BENCH_MOMENT);
  const config = loadConfig({
    PORT: '0',
    SMSC_SIMULATOR_PORT: '0',
    REDIRECT_SIP_PORT: '0',
    DEMO: 'false',
    // A fresh database per run: a fresh key to seal its secrets (SECRETS_KEY is required outside the demo).
    SECRETS_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'warn',
    ...settings.env,
  });
  const logger = pino({ level: config.LOG_LEVEL }, pino.destination(2));
  const timed = timeStatements(bench.database);
  const system = await startSystem(config, logger, { database: timed.database, clock });
  try {
    const simulator = system.sms.simulator;
    if (simulator === null || system.url === null)
      throw new Error('the bench needs the SMSC simulator and a listening API');
    // Through an untimed store: the statement timings are the system's own.
    const target = await findFanoutArea(
      createStore(bench.database),
      AMSTERDAM_DAM,
      settings.targetRecipients,
      clock.now(),
    );
    const token = await createCentralistToken(system.store, 'RE05');
    const created = await callApi(system.url, token, 'POST', '/api/v1/actions', {
      type: ACTION_TYPE,
      message: 'Vermist: Sanne (8), blond haar, roze jas. Gezien bij de Dam.',
      area: target.area,
    });
    if (created.status !== 201)
      throw new Error(`creating the action failed: ${created.status} ${JSON.stringify(created.body)}`);
    const actionId = idOf(created.body);
    const before = simulator.messages.length;

    const memory = sampleMemory(50);
    const bar = startProgressBar(`fanout (${bench.kind})`, target.smsRecipients);
    const startedAt = Date.now();
    const clockAtStart = clock.now().getTime();
    const started = await callApi(system.url, token, 'POST', `/api/v1/actions/${actionId}/start`);
    const startRequestMs = Date.now() - startedAt;
    if (started.status !== 200)
      throw new Error(`starting the action failed: ${started.status} ${JSON.stringify(started.body)}`);

    const deadline = startedAt + settings.timeoutMs;
    let lastStoredAt: number | null = null;
    let lastCheck = 0;
    while (lastStoredAt === null) {
      if (Date.now() > deadline)
        throw new Error(`fan-out not done after ${settings.timeoutMs} ms: ${simulator.messages.length - before} sent`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      const sent = simulator.messages.length - before;
      bar.update(sent);
      // Ask the database often only once the SMSC has had them all: the count is not free, and it is busy enough.
      if (Date.now() - lastCheck >= (sent >= target.smsRecipients ? 0 : 2_000)) {
        lastCheck = Date.now();
        if (await allStored(bench, actionId)) lastStoredAt = Date.now();
      }
    }
    bar.stop();
    const mem = memory.stop();

    const messages = simulator.messages.slice(before);
    // A loop, not Math.min(...): a spread of a few hundred thousand arguments overflows the stack.
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (const m of messages) {
      first = Math.min(first, m.receivedAt.getTime());
      last = Math.max(last, m.receivedAt.getTime());
    }
    const outcome = await checkFanout(bench.database, simulator, actionId);
    const progress = await system.store.dispatch.progress(actionId);
    return {
      radiusKm: target.area.radiusMetres / 1000,
      smsRecipients: target.smsRecipients,
      config: {
        SMPP_BINDS: config.SMPP_BINDS,
        SMPP_WINDOW: config.SMPP_WINDOW,
        SMPP_MESSAGES_PER_SECOND: config.SMPP_MESSAGES_PER_SECOND,
        DISPATCH_BATCH_SIZE: config.DISPATCH_BATCH_SIZE,
        DISPATCH_MAX_IN_FLIGHT: config.DISPATCH_MAX_IN_FLIGHT,
      },
      startRequestMs,
      firstSubmitMs: first - startedAt,
      lastSubmitRespMs: last - startedAt,
      lastStoredMs: (progress.lastSubmittedAt?.getTime() ?? Number.NaN) - clockAtStart,
      doneSeenMs: lastStoredAt - startedAt,
      messagesPerSecond: Math.round(messages.length / Math.max(0.001, (last - first) / 1000)),
      endToEndPerSecond: Math.round(messages.length / Math.max(0.001, (last - startedAt) / 1000)),
      memory: mem,
      outcome,
      statements: timed.top(STATEMENTS_SHOWN),
    };
  } finally {
    await system.stop();
  }
}

/** True when none of the action's SMS deliveries waits for the channel or its answer any more (voice has no channel yet). */
async function allStored(bench: BenchDatabase, actionId: string): Promise<boolean> {
  const [row] = await bench.database.query<{ open: number; runs: number }>(
    `select (select count(*)::int from deliveries where action_id = $1 and channel = 'sms' and status in ('queued', 'sending')) as open,
            (select count(*)::int from targeting_runs where action_id = $1 and status = 'pending') as runs`,
    [actionId],
  );
  return row !== undefined && row.open === 0 && row.runs === 0;
}
