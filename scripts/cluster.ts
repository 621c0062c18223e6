// `npm run cluster -- --nodes 3`: a local cluster for trying it, on this machine's PostgreSQL, Redis and NATS.
// Node 1 (role all) migrates and seeds the demo; the others follow with roles api and worker in turn. One SMSC
// simulator, run here, is every node's SMSC (each node's own simulator would be a separate SMSC). Ctrl-C stops all.
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import pino from 'pino';
import { startSmscSimulator } from '../src/adapters/channels/sms-smpp/smsc-simulator.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    nodes: { type: 'string', default: '3' },
    'base-port': { type: 'string', default: '8080' },
    database: {
      type: 'string',
      default: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/burgernet_cluster',
    },
  },
});
const nodes = Number(values.nodes);
const basePort = Number(values['base-port']);
if (!Number.isInteger(nodes) || nodes < 1 || nodes > 16) throw new Error('--nodes: 1 tot en met 16');

/** True when something listens on host:port (Redis, NATS). */
function listening(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 1_000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** Creates the cluster's database on the server when it is not there yet. */
async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`create database "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

const roleOf = (index: number): string => (index === 0 ? 'all' : index % 2 === 1 ? 'api' : 'worker');

const children: ChildProcess[] = [];
function stopAll(): void {
  for (const child of children) child.kill('SIGTERM');
}
process.once('SIGINT', stopAll);
process.once('SIGTERM', stopAll);

await ensureDatabase(values.database);
const smsc = await startSmscSimulator({ port: 0, logger: pino({ level: 'warn' }) });
const redis = (await listening('127.0.0.1', 6379)) ? 'redis://127.0.0.1:6379' : undefined;
const nats = (await listening('127.0.0.1', 4222)) ? 'nats://127.0.0.1:4222' : undefined;
const shared: Record<string, string> = {
  DATABASE_URL: values.database,
  SMSC: 'external',
  SMPP_HOST: smsc.host,
  SMPP_PORT: String(smsc.port),
  DISPATCH_LEASE_SECONDS: '15',
  ...(redis === undefined ? {} : { REDIS_URL: redis }),
  ...(nats === undefined ? {} : { NATS_URL: nats }),
};

/** Starts node `index` and resolves once it says it runs (its first log line with a url). */
function startNode(index: number): Promise<string> {
  const role = roleOf(index);
  const env = {
    ...process.env,
    ...shared,
    NODE_ROLE: role,
    PORT: String(basePort + index),
    REDIRECT_SIP_PORT: String(5070 + index * 10),
    // Only the first node seeds the demo (participants, history, staff); the others use what it made.
    DEMO: index === 0 ? (process.env.DEMO ?? 'true') : 'false',
    // 32 bytes, base64 of "cluster-demo-niet-voor-productie": for trying only, as the name says.
    SECRETS_KEY: process.env.SECRETS_KEY ?? 'Y2x1c3Rlci1kZW1vLW5pZXQtdm9vci1wcm9kdWN0aWU=',
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'start'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const label = `[node ${index + 1} ${role}]`;
  return new Promise((resolve, reject) => {
    let served = false;
    const onLine = (line: string) => {
      process.stdout.write(`${label} ${line}\n`);
      if (!served && line.includes('"Burgernet draait"')) {
        served = true;
        resolve(`http://127.0.0.1:${basePort + index}`);
      }
    };
    for (const stream of [child.stdout, child.stderr]) {
      let rest = '';
      stream.setEncoding('utf8').on('data', (chunk: string) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) onLine(line);
      });
    }
    child.once('exit', (code) => {
      if (!served) reject(new Error(`${label} stopte (${code}) voordat hij draaide`));
      else process.stdout.write(`${label} gestopt (${code})\n`);
      if (children.every((c) => c.exitCode !== null)) void smsc.close().then(() => process.exit(0));
    });
  });
}

const addresses: string[] = [];
addresses.push(await startNode(0));
for (let i = 1; i < nodes; i++) addresses.push(await startNode(i));
process.stdout.write(
  [
    '',
    `Burgernet-cluster met ${nodes} nodes op ${values.database}`,
    `  Redis: ${redis ?? 'niet gevonden (aanwezigheid per node)'}; NATS: ${nats ?? 'niet gevonden (LISTEN/NOTIFY)'}`,
    `  SMSC-simulator: ${smsc.host}:${smsc.port}`,
    ...addresses.map((url, i) => `  node ${i + 1} (${roleOf(i)}): ${url}${roleOf(i) === 'worker' ? '/health' : ''}`),
    'Ctrl-C stopt alle nodes.',
    '',
  ].join('\n'),
);
