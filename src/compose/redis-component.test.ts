import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import pino from 'pino';
import { ConfigError } from '../config.js';
import { startRedisServer, type TestRedisServer } from '../../test/support/redis.js';
import { redisComponent } from './redis-component.js';

const logger = pino({ level: 'silent' });
const servers: TestRedisServer[] = [];
const serve = async (args: readonly string[]) => {
  const server = await startRedisServer({ args });
  servers.push(server);
  return server;
};
const start = (url: string, checked = false) =>
  redisComponent(
    { REDIS_URL: url, REDIS_KEY_PREFIX: 'burgernet:', REDIS_PERSISTENCE_CHECKED: checked },
    { logger },
  ).start();

/** Refused at the start with a bad-configuration error that names the setting, in Dutch and in English. */
async function refused(url: string, checked: boolean, ...words: readonly string[]) {
  await assert.rejects(start(url, checked), (error: unknown) => {
    assert.ok(error instanceof ConfigError, String(error));
    const text = error.problems.join('\n');
    assert.match(text, /^REDIS_URL: /);
    for (const word of words) assert.ok(text.includes(word), `${word} in: ${text}`);
    return true;
  });
}

describe('the Redis of REDIS_URL', { timeout: 60_000 }, () => {
  after(async () => {
    for (const server of servers) await server.dispose();
  });

  test('is refused when it writes snapshots to disk', async () => {
    const server = await serve(['--save', '60 1']);
    await refused(server.url, false, 'save "60 1"', 'schrijft naar schijf', 'persists to disk');
    await refused(server.url, true, 'save "60 1"');
  });

  test('is refused when it keeps an append-only file', async () => {
    const server = await serve(['--appendonly', 'yes']);
    await refused(server.url, false, 'appendonly "yes"');
  });

  test('that does not answer CONFIG GET is refused, unless the operator says it was checked', async () => {
    const server = await serve(['--rename-command', 'CONFIG', '']);
    await refused(server.url, false, 'REDIS_PERSISTENCE_CHECKED=true', 'CONFIG GET');
    const started = await start(server.url, true);
    await started.stop();
  });

  test('that keeps nothing on disk is used', async () => {
    const server = await serve([]);
    const started = await start(server.url);
    assert.equal(await started.value.client.ping(), 'PONG');
    await started.stop();
  });

  test('that cannot be reached at the start stops the start', async () => {
    const server = await serve([]);
    await server.stop();
    await assert.rejects(start(server.url));
  });
});
