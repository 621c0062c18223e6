// `npm run bench -- --cluster`: SMS throughput of one, two and three worker nodes on PostgreSQL for one fan-out,
// CPU per node, and the time the cluster needs to finish after one of three workers is killed at 50%; beside the
// ceiling of one node's SMPP channel and the same SMSC simulator, without database, measured in the same run.
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import pino from 'pino';
import { createSmppChannel, SMPP_CHANNEL_DEFAULTS } from '../src/adapters/channels/sms-smpp/smpp-channel.js';
import { startSmscSimulator, type SmscSimulator } from '../src/adapters/channels/sms-smpp/smsc-simulator.js';
import type { Msisdn } from '../src/domain/participant/msisdn.js';
import { createTestDatabase } from '../test/support/test-database.js';
import {
  apiAt,
  killAllSystems,
  prepareAmsterdam,
  spawnSystem,
  startAlert,
  type SystemProcess,
} from '../test/support/system-processes.js';
import { startProgressBar } from './progress-bar.js';

export interface ClusterBenchSettings {
  readonly databaseUrl: string;
  /** Synthetic participants seeded in Amsterdam; the fan-out reaches the SMS ones within 7 km of the Dam (inside RE05 and its margin). */
  readonly participants: number;
}

const DAM = { lat: 52.3731, lon: 4.8926 };
const AREA = { kind: 'circle', centre: DAM, radiusMetres: 7_000 };
/** Each node's SMPP settings, the same for the ceiling. */
const BINDS = 4;
const WINDOW = 1_000;
const NODE_ENV = {
  SMPP_BINDS: String(BINDS),
  SMPP_WINDOW: String(WINDOW),
  SMPP_MESSAGES_PER_SECOND: '100000',
  DISPATCH_BATCH_SIZE: '1000',
  DISPATCH_MAX_IN_FLIGHT: '2000',
  DISPATCH_LEASE_SECONDS: '10',
  ACTION_MAX_RECIPIENTS_WITHOUT_APPROVAL: '10000000',
  LOG_LEVEL: 'warn',
};
const CLOCK_TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a process has used so far. */
async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

/** SMS per second one node's SMPP channel gets through to the simulator on its own: no database, no cluster. */
async function channelCeiling(smsc: SmscSimulator, count: number): Promise<number> {
  const channel = createSmppChannel(
    {
      ...SMPP_CHANNEL_DEFAULTS,
      profile: 'ceiling',
      host: smsc.host,
      port: smsc.port,
      systemId: 'burgernet',
      password: 'secret',
      sourceAddress: 'Burgernet',
      binds: BINDS,
      windowSize: WINDOW,
      messagesPerSecond: 100_000,
    },
    { logger: pino({ level: 'silent' }) },
  );
  await channel.ready();
  const validUntil = new Date(Date.now() + 3_600_000);
  const started = performance.now();
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const n = next++;
      await channel.submit({
        deliveryId: `ceiling-${n}`,
        to: `+3169${String(n).padStart(7, '0')}` as Msisdn,
        text: 'Burgernet plafondmeting',
        validUntil,
        receipts: 'none',
      });
    }
  };
  await Promise.all(Array.from({ length: 2_000 }, lane));
  const perSecond = count / ((performance.now() - started) / 1000);
  await channel.close();
  return Math.round(perSecond);
}

interface Run {
  readonly workers: number;
  readonly recipients: number;
  readonly seconds: number;
  readonly perSecond: number;
  /** CPU seconds per worker node during the run. */
  readonly workerCpu: readonly number[];
  readonly apiCpu: number;
  readonly duplicates: number;
}

export async function runClusterBench(settings: ClusterBenchSettings): Promise<string> {
  const loadStart = loadavg()[0] ?? 0;
  const database = await createTestDatabase(settings.databaseUrl);
  const smsc = await startSmscSimulator({ port: 0, logger: pino({ level: 'silent' }) });
  try {
    process.stderr.write(`seeding ${settings.participants} participants in Amsterdam …\n`);
    const token = await prepareAmsterdam(database.database, settings.participants, 2028);
    const ceiling = await channelCeiling(smsc, 50_000);
    const env = {
      ...NODE_ENV,
      DATABASE_URL: database.url!,
      SMSC: 'external',
      SMPP_HOST: smsc.host,
      SMPP_PORT: String(smsc.port),
      PORT: '0',
      REDIRECT_SIP_PORT: '0',
      DEMO: 'false',
    };

    const fanOut = async (workers: number, killAt: number | null) => {
      const api = await spawnSystem({ ...env, NODE_ROLE: 'api' });
      const nodes: SystemProcess[] = [];
      for (let i = 0; i < workers; i++) nodes.push(await spawnSystem({ ...env, NODE_ROLE: 'worker' }));
      const cpuBefore = await Promise.all([api, ...nodes].map((n) => cpuSeconds(n.pid)));
      const started = performance.now();
      const alert = await startAlert(
        apiAt(api.url, token),
        {
          type: 'vermissing',
          message: `Vermist: Lotte (10), rode jas. Meting ${workers}${killAt === null ? '' : ' k'}.`,
        },
        AREA,
      );
      const sent = () => smsc.messages.filter((m) => m.text === alert.text);
      const bar = startProgressBar(`${workers} worker node(s)`, alert.recipients);
      let killedAt: number | null = null;
      await smsc.waitFor(() => {
        const done = new Set(sent().map((m) => m.to)).size;
        bar.update(done);
        if (killAt !== null && killedAt === null && done >= alert.recipients * killAt) {
          killedAt = performance.now();
          void nodes[0]!.kill();
        }
        return done === alert.recipients;
      }, 1_800_000);
      bar.stop();
      const seconds = (performance.now() - started) / 1000;
      const alive = [api, ...nodes].filter((_, i) => killAt === null || i !== 1);
      const cpuAfter = await Promise.all(alive.map((n) => cpuSeconds(n.pid)));
      const cpu = alive.map((n, i) => cpuAfter[i]! - cpuBefore[[api, ...nodes].indexOf(n)]!);
      for (const node of alive) await node.stop();
      const run: Run = {
        workers,
        recipients: alert.recipients,
        seconds,
        perSecond: Math.round(alert.recipients / seconds),
        apiCpu: cpu[0]!,
        workerCpu: cpu.slice(1),
        duplicates: sent().length - alert.recipients,
      };
      return { run, afterKillSeconds: killedAt === null ? null : (performance.now() - killedAt) / 1000 };
    };

    const runs: Run[] = [];
    for (const workers of [1, 2, 3]) runs.push((await fanOut(workers, null)).run);
    const killed = await fanOut(3, 0.5);
    const loadEnd = loadavg()[0] ?? 0;
    const cpu = (s: number) => `${s.toFixed(1)} s`;
    return [
      '',
      `Cluster (PostgreSQL, one api node + N worker nodes, one SMSC simulator in the bench process), ${runs[0]!.recipients} SMS recipients`,
      `Ceiling: one node's SMPP channel alone (${BINDS} binds, window ${WINDOW}, no database) to the same simulator: ${ceiling} SMS/s`,
      '',
      '| worker nodes | seconds | SMS/s | of the ceiling | CPU per worker node | CPU api node | sent twice |',
      '|---|---|---|---|---|---|---|',
      ...runs.map(
        (r) =>
          `| ${r.workers} | ${r.seconds.toFixed(1)} | ${r.perSecond} | ${Math.round((100 * r.perSecond) / ceiling)}% | ${r.workerCpu.map(cpu).join(', ')} | ${cpu(r.apiCpu)} | ${r.duplicates} |`,
      ),
      '',
      `One of three worker nodes killed (kill -9) at 50%: all ${killed.run.recipients} reached in ${killed.run.seconds.toFixed(1)} s, ` +
        `${killed.afterKillSeconds!.toFixed(1)} s after the kill (lease ${NODE_ENV.DISPATCH_LEASE_SECONDS} s); ${killed.run.duplicates} sent twice`,
      `Load average ${loadStart.toFixed(1)} → ${loadEnd.toFixed(1)} (2 cores: the nodes, PostgreSQL and the simulator share them)`,
      '',
    ].join('\n');
  } finally {
    killAllSystems();
    await smsc.close();
    await database.drop();
  }
}
