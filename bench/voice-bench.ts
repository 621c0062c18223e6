import { randomBytes, randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { bulkInsertParticipants } from '../src/adapters/store/bulk-insert-participants.js';
import { loadConfig } from '../src/config.js';
import { asMsisdn } from '../src/domain/participant/msisdn.js';
import { startSystem } from '../src/compose/system.js';
import type { BenchDatabase } from './bench-database.js';
import { clockFrom } from './bench-clock.js';
import { BENCH_MOMENT } from './bench-places.js';
import { callApi, createCentralistToken, idOf } from './bench-staff.js';
import { sampleMemory, type MemoryFigures } from './memory-sampler.js';
import { startProgressBar } from './progress-bar.js';

export interface VoiceSettings {
  readonly recipients: number;
  readonly maxConcurrentCalls: number;
  readonly timeoutMs: number;
}

export interface VoiceFigures {
  readonly recipients: number;
  readonly maxConcurrentCalls: number;
  /** What was spoken, and how: the bench keeps calls short so that the run takes minutes. */
  readonly message: string;
  readonly speech: string;
  /** Audio one answered call received, ms (the same for every call). */
  readonly callAudioMs: number;
  /** Start request to the first INVITE at the simulator, and to the end of the last call. */
  readonly firstCallMs: number;
  readonly lastCallEndMs: number;
  readonly callsPerMinute: number;
  /** The most calls up at once, as the simulated trunk counted them, and as the user agent did. */
  readonly peakAtTrunk: number;
  readonly peakAtAgent: number;
  readonly limitHeld: boolean;
  readonly answered: number;
  /** Numbers called more or less than once. */
  readonly notOnce: number;
  readonly delivered: number;
  readonly memory: MemoryFigures;
}

/** An offshore point no seeded participant lives near, so the action reaches exactly the bench's own. */
const PLACE = { lat: 53.2, lon: 4.6 };
const MESSAGE = 'Test.';
const WORDS_PER_MINUTE = 450;
const POLL_MS = 50;

/**
 * `recipients` voice participants at one spot; an action over HTTP on the real system calls each of them
 * through the SIP user agent at the built-in simulator, at most `maxConcurrentCalls` at a time.
 */
export async function runVoiceBench(bench: BenchDatabase, settings: VoiceSettings): Promise<VoiceFigures> {
  const clock = clockFrom(BENCH_MOMENT);
  await bulkInsertParticipants(
    bench.database,
    Array.from({ length: settings.recipients }, (_, i) => ({
      id: randomUUID(),
      name: `Bellen ${i + 1}`,
      email: null,
      registrations: [
        {
          id: randomUUID(),
          msisdn: asMsisdn(`+3120${String(9_000_000 + i).padStart(7, '0')}`),
          channel: 'voice' as const,
          postcode: '1011AA',
          houseNumber: i + 1,
          houseNumberAddition: null,
          city: 'Zee',
          location: PLACE,
          gemeenteCode: 'GM0363',
          timeWindows: [],
        },
      ],
    })),
    clock.now(),
  );
  const config = loadConfig({
    PORT: '0',
    SMSC_SIMULATOR_PORT: '0',
    REDIRECT_SIP_PORT: '0',
    DEMO: 'false',
    // A fresh database per run: a fresh key to seal its secrets (SECRETS_KEY is required outside the demo).
    SECRETS_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'warn',
    VOICE: 'simulator',
    VOICE_MAX_CONCURRENT_CALLS: String(settings.maxConcurrentCalls),
    VOICE_TTS_WORDS_PER_MINUTE: String(WORDS_PER_MINUTE),
    VOICE_PLAYS: '1',
  });
  const logger = pino({ level: config.LOG_LEVEL }, pino.destination(2));
  const system = await startSystem(config, logger, { database: bench.database, clock });
  try {
    const simulator = system.voice.simulator;
    if (simulator === null || system.url === null)
      throw new Error('the bench needs the voice simulator and a listening API');
    const token = await createCentralistToken(system.store, 'RE05');
    const created = await callApi(system.url, token, 'POST', '/api/v1/actions', {
      type: 'inbraak',
      message: MESSAGE,
      area: { kind: 'circle', centre: PLACE, radiusMetres: 100 },
    });
    if (created.status !== 201)
      throw new Error(`creating the action failed: ${created.status} ${JSON.stringify(created.body)}`);
    const actionId = idOf(created.body);

    const memory = sampleMemory(50);
    const bar = startProgressBar('voice', settings.recipients);
    const startedAt = Date.now();
    const started = await callApi(system.url, token, 'POST', `/api/v1/actions/${actionId}/start`);
    if (started.status !== 200)
      throw new Error(`starting the action failed: ${started.status} ${JSON.stringify(started.body)}`);
    const deadline = startedAt + settings.timeoutMs;
    let delivered = 0;
    while (delivered < settings.recipients) {
      if (Date.now() > deadline) throw new Error(`calls not done after ${settings.timeoutMs} ms: ${delivered} stored`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      bar.update(simulator.calls.filter((c) => c.endedAt !== null).length);
      const [row] = await bench.database.query<{ n: number }>(
        `select count(*)::int as n from deliveries where action_id = $1 and channel = 'voice' and status in ('delivered', 'failed', 'cancelled')`,
        [actionId],
      );
      delivered = row?.n ?? 0;
    }
    bar.stop();
    const mem = memory.stop();

    const calls = simulator.calls;
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    const perNumber = new Map<string, number>();
    for (const c of calls) {
      first = Math.min(first, c.startedAt.getTime());
      last = Math.max(last, c.endedAt?.getTime() ?? Number.NaN);
      perNumber.set(c.to, (perNumber.get(c.to) ?? 0) + 1);
    }
    const [ok] = await bench.database.query<{ n: number }>(
      `select count(*)::int as n from deliveries where action_id = $1 and channel = 'voice' and status = 'delivered'`,
      [actionId],
    );
    return {
      recipients: settings.recipients,
      maxConcurrentCalls: settings.maxConcurrentCalls,
      message: MESSAGE,
      speech: `espeak-ng nl at ${WORDS_PER_MINUTE} words/min, message played once, then the closing sentence and 2 s for a key press`,
      callAudioMs: Math.round((calls[0]?.audioBytes ?? 0) / 8),
      firstCallMs: first - startedAt,
      lastCallEndMs: last - startedAt,
      callsPerMinute: Math.round((calls.length / Math.max(0.001, last - first)) * 60_000),
      peakAtTrunk: simulator.peakCalls,
      peakAtAgent: system.voice.channel.peakCalls,
      limitHeld:
        simulator.peakCalls <= settings.maxConcurrentCalls &&
        system.voice.channel.peakCalls <= settings.maxConcurrentCalls,
      answered: calls.filter((c) => c.finalStatus === 200).length,
      notOnce: [...perNumber.values()].filter((n) => n !== 1).length + (settings.recipients - perNumber.size),
      delivered: ok?.n ?? 0,
      memory: mem,
    };
  } finally {
    await system.stop();
  }
}
