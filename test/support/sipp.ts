import { spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCENARIOS = fileURLToPath(new URL('../fixtures/sipp/', import.meta.url));

export interface SippOptions {
  readonly scenario: string;
  readonly transport: 'udp' | 'tcp';
  readonly calls: number;
  readonly timeoutSeconds?: number;
  readonly keys?: Readonly<Record<string, string | number>>;
  readonly args?: readonly string[];
}

export interface SippDone {
  readonly code: number | null;
  readonly log: string[];
  readonly errors: string;
}

export interface RunningSipp {
  readonly port: number;
  readonly done: Promise<SippDone>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  for (;;) {
    const server = createServer();
    const port = await new Promise<number>((resolve) =>
      server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
    );
    const udp = createSocket('udp4');
    const udpFree = await new Promise<boolean>((resolve) => {
      udp.once('error', () => resolve(false));
      udp.bind(port, '127.0.0.1', () => resolve(true));
    });
    await new Promise<void>((resolve) => server.close(() => resolve()));
    if (udpFree) {
      await new Promise<void>((resolve) => udp.close(() => resolve()));
      return port;
    }
  }
}

async function listening(port: number, transport: 'udp' | 'tcp'): Promise<boolean> {
  const table = await readFile(transport === 'udp' ? '/proc/net/udp' : '/proc/net/tcp', 'utf8');
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  return table.split('\n').some((line) => {
    const cols = line.trim().split(/\s+/);
    return cols[1]?.endsWith(`:${hex}`) === true && (transport === 'udp' ? cols[3] === '07' : cols[3] === '0A');
  });
}

export async function startSipp(options: SippOptions): Promise<RunningSipp> {
  const folder = await mkdtemp(join(tmpdir(), 'burgernet-sipp-'));
  const port = await freePort();
  const logFile = join(folder, 'log.txt');
  const errorFile = join(folder, 'errors.txt');
  const args = [
    '-sf',
    join(SCENARIOS, options.scenario),
    '-i',
    '127.0.0.1',
    '-p',
    String(port),
    '-t',
    options.transport === 'udp' ? 'u1' : 't1',
    '-m',
    String(options.calls),
    '-nostdin',
    '-trace_logs',
    '-log_file',
    logFile,
    '-trace_err',
    '-error_file',
    errorFile,
    '-timeout',
    String(options.timeoutSeconds ?? 60),
    '-timeout_error',
    ...Object.entries(options.keys ?? {}).flatMap(([k, v]) => ['-key', k, String(v)]),
    ...(options.args ?? []),
  ];
  const child = spawn('sipp', args, { cwd: folder, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => resolve(code));
  });
  const done = exited.then(async (code) => {
    const log = (await readFile(logFile, 'utf8').catch(() => '')).split('\n').filter((l) => l.trim() !== '');
    const errors = `${stderr}${await readFile(errorFile, 'utf8').catch(() => '')}`;
    await rm(folder, { recursive: true, force: true });
    return { code, log, errors };
  });
  const deadline = Date.now() + 10_000;
  let exitedEarly = false;
  void exited.then(() => (exitedEarly = true));
  while (!(await listening(port, options.transport))) {
    if (exitedEarly) throw new Error(`sipp exited at start: ${(await done).errors}`);
    if (Date.now() > deadline) throw new Error('sipp did not start listening');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return {
    port,
    done,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await done;
    },
  };
}
