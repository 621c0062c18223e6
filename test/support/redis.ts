import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { openRedis, type RedisConnection } from '../../src/adapters/redis/redis-connection.js';
import { startLoopbackServer } from './loopback-server.js';
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
  const server = await startLoopbackServer(
    'redis-server',
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
    port,
  );
  const dispose = async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  };
  return { url: `redis://127.0.0.1:${port}`, dir, ...server, dispose };
}
