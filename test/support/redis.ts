import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { openRedis, type RedisConnection } from '../../src/adapters/redis/redis-connection.js';
import { freePort } from './sipp.js';

/** The machine's Redis (.ci/run starts it): tests share it, each under a prefix of its own, and never reconfigure it. */
export const SHARED_REDIS_URL = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379';

/** A connection to the shared Redis under a fresh prefix; `drop` deletes what the test left there. */
export async function openTestRedis(): Promise<RedisConnection & { readonly prefix: string; drop(): Promise<void> }> {
  const prefix = `test:${randomUUID()}:`;
  const redis = await openRedis({ url: SHARED_REDIS_URL, keyPrefix: prefix, logger: pino({ level: 'silent' }) });
  return Object.assign(redis, {
    prefix,
    async drop() {
      for await (const keys of redis.client.scanIterator({ MATCH: `${prefix}*`, COUNT: 1_000 }))
        if (keys.length > 0) await redis.client.unlink(keys);
      await redis.close();
    },
  });
}

/** The Debian package's server (.ci/run installs it). */
const REDIS_SERVER = '/usr/bin/redis-server';

export interface TestRedisServer {
  readonly url: string;
  /** Its working folder (where a Redis that persists would write). */
  readonly dir: string;
  /** Kills the server (SIGKILL: gone as a crashed server is, without telling its clients). */
  stop(): Promise<void>;
  /** Starts it again on the same port (empty: it keeps nothing on disk). */
  restart(): Promise<void>;
  /** Stops it for good and removes its folder. */
  dispose(): Promise<void>;
}

/**
 * A redis-server of the test's own on a free loopback port, never the machine's on 6379; memory only unless the
 * test asks for `--save` or `--appendonly` to see it refused. Its folder is a fresh temporary one.
 */
export async function startRedisServer(options: { readonly args?: readonly string[] } = {}): Promise<TestRedisServer> {
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'redis-test-'));
  let child: ChildProcess | null = null;
  const start = async () => {
    const started = spawn(
      REDIS_SERVER,
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--dir',
        dir,
        '--save',
        '',
        '--appendonly',
        'no',
        ...(options.args ?? []),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    started.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    started.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    let exited = false;
    started.once('exit', () => (exited = true));
    child = started;
    const deadline = Date.now() + 10_000;
    while (!(await accepts(port))) {
      if (exited) throw new Error(`redis-server exited at start: ${output}`);
      if (Date.now() > deadline) throw new Error('redis-server did not start listening');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const stop = async () => {
    const running = child;
    child = null;
    if (running === null || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  };
  await start();
  const dispose = async () => {
    await stop();
    await rm(dir, { recursive: true, force: true });
  };
  return { url: `redis://127.0.0.1:${port}`, dir, stop, restart: start, dispose };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
