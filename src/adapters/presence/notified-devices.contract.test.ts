import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { NotifiedDevices } from '../../app/ports/notified-devices.js';
import type { RedisConnection } from '../redis/redis-connection.js';
import { openTestRedis } from '../../../test/support/redis.js';
import { createInMemoryNotifiedDevices } from './in-memory-notified-devices.js';
import { createRedisNotifiedDevices } from './redis-notified-devices.js';

const target = (id: string) => ({ subscriptionId: id, endpoint: `https://push.example/${id}`, p256dh: 'p', auth: 'a' });
const ids = (targets: readonly { subscriptionId: string }[]) => targets.map((t) => t.subscriptionId).sort();
const scoped = (redis: RedisConnection): RedisConnection => {
  const scope = randomUUID();
  return { ...redis, key: (...parts) => redis.key(scope, ...parts) };
};

/** The same promises of every notified set: in this process's memory, and in Redis. */
for (const kind of ['in memory', 'Redis'] as const) {
  describe(`the notified phones (${kind})`, () => {
    let redis: Awaited<ReturnType<typeof openTestRedis>> | null = null;
    before(async () => {
      if (kind === 'Redis') redis = await openTestRedis();
    });
    after(() => redis?.drop());
    const newSets = (): NotifiedDevices =>
      redis === null ? createInMemoryNotifiedDevices() : createRedisNotifiedDevices(scoped(redis));

    test('adds a phone once per action, and lists exactly the phones of that action', async () => {
      const notified = newSets();
      assert.equal(await notified.add('x', target('a')), true);
      assert.equal(await notified.add('x', target('a')), false, 'there already');
      assert.equal(await notified.add('y', target('a')), true, 'another action is another set');
      assert.deepEqual(
        (await notified.addNew('x', [target('a'), target('b'), target('c'), target('b')])).map((t) => t.subscriptionId),
        ['b', 'c'],
        'only the new ones, in order, each once',
      );
      assert.deepEqual(ids(await notified.of('x')), ['a', 'b', 'c']);
      assert.deepEqual(
        await notified.of('x').then((targets) => targets.find((t) => t.subscriptionId === 'b')),
        target('b'),
      );
      assert.equal(await notified.has('x', 'b'), true);
      assert.equal(await notified.has('x', 'd'), false);
      assert.deepEqual(await notified.of('nothing'), []);
    });

    test('removes a phone from one action, a device from every action, an action whole', async () => {
      const notified = newSets();
      await notified.addNew('x', [target('a'), target('b'), target('c')]);
      await notified.addNew('y', [target('a'), target('b')]);
      await notified.remove('x', 'c');
      assert.deepEqual(ids(await notified.of('x')), ['a', 'b']);
      assert.equal(await notified.add('x', target('c')), true, 'a removed phone can be added again');
      await notified.forgetDevice('a');
      assert.deepEqual(ids(await notified.of('x')), ['b', 'c']);
      assert.deepEqual(ids(await notified.of('y')), ['b']);
      await notified.forgetAction('x');
      assert.deepEqual(await notified.of('x'), []);
      assert.deepEqual(ids(await notified.of('y')), ['b'], 'the other action keeps its phones');
      await notified.forgetDevice('b');
      assert.deepEqual(await notified.of('y'), []);
    });

    test('adds thousands of phones at once', async () => {
      const notified = newSets();
      const many = Array.from({ length: 2_500 }, (_, i) => target(`p${i}`));
      assert.equal((await notified.addNew('x', many)).length, 2_500);
      assert.equal((await notified.addNew('x', many)).length, 0);
      assert.equal((await notified.of('x')).length, 2_500);
    });
  });
}
