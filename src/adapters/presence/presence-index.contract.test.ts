import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import type { PresenceIndex } from '../../app/ports/presence-index.js';
import type { PresenceCell } from '../../domain/push/presence-cell.js';
import type { RedisConnection } from '../redis/redis-connection.js';
import { openTestRedis } from '../../../test/support/redis.js';
import { createInMemoryPresenceIndex } from './in-memory-presence-index.js';
import { presenceCellOf } from './presence-cells.js';
import { createRedisPresenceIndex } from './redis-presence-index.js';

const TTL = 30 * 60_000;
const T0 = new Date('2026-11-23T09:00:00Z');
const later = (ms: number) => new Date(T0.getTime() + ms);
const device = (id: string, tokenHash = 'h') => ({
  target: { subscriptionId: id, endpoint: `https://push.example/${id}`, p256dh: 'p', auth: 'a' },
  tokenHash,
});
const DAM = presenceCellOf({ lat: 52.3731, lon: 4.8926 });
const UTRECHT = presenceCellOf({ lat: 52.0894, lon: 5.11 });
const ROTTERDAM = presenceCellOf({ lat: 51.92, lon: 4.47 });
const ids = (targets: readonly { subscriptionId: string }[]) => targets.map((t) => t.subscriptionId).sort();

/** A connection whose keys lie under a fresh part of the test's prefix: an index that starts empty. */
const scoped = (redis: RedisConnection): RedisConnection => {
  const scope = randomUUID();
  return { ...redis, key: (...parts) => redis.key(scope, ...parts) };
};

/** The same promises of every presence index: in this process's memory, and in Redis. */
for (const kind of ['in memory', 'Redis'] as const) {
  describe(`the presence index (${kind})`, () => {
    let redis: Awaited<ReturnType<typeof openTestRedis>> | null = null;
    before(async () => {
      if (kind === 'Redis') redis = await openTestRedis();
    });
    after(() => redis?.drop());
    const newIndex = (): PresenceIndex =>
      redis === null
        ? createInMemoryPresenceIndex({ ttlMs: TTL })
        : createRedisPresenceIndex(scoped(redis), { ttlMs: TTL });

    test('knows a phone in its latest cell until the time-to-live runs out', async () => {
      const index = newIndex();
      assert.equal(await index.mark(device('a'), DAM, T0), 'arrived');
      assert.equal(await index.mark(device('a'), DAM, later(60_000)), 'stayed');
      assert.deepEqual(ids(await index.presentIn(new Set([DAM]), later(TTL))), ['a'], 'the refresh extended it');
      assert.deepEqual(ids(await index.presentIn(new Set([DAM]), later(60_000 + TTL))), []);
      assert.equal(await index.mark(device('a'), DAM, later(60_000 + TTL)), 'arrived', 'after expiry it is new again');
      assert.equal(await index.mark(device('a'), UTRECHT, later(70_000 + TTL)), 'arrived');
      assert.deepEqual(ids(await index.presentIn(new Set([DAM]), later(70_000 + TTL))), []);
      assert.deepEqual(ids(await index.presentIn(new Set([DAM, UTRECHT]), later(70_000 + TTL))), ['a']);
      await index.forget('a');
      assert.equal(await index.find('a', later(70_000 + TTL)), null);
      assert.deepEqual(await index.presentIn(new Set([UTRECHT]), later(70_000 + TTL)), []);
    });

    test('finds a live device with its token hash, and a new token makes it arrive again', async () => {
      const index = newIndex();
      await index.mark(device('a', 'first'), DAM, T0);
      assert.deepEqual(await index.find('a', later(1_000)), device('a', 'first'));
      assert.equal(await index.find('a', later(TTL)), null, 'expired');
      assert.equal(await index.mark(device('a', 'second'), DAM, later(1_000)), 'arrived');
      assert.equal((await index.find('a', later(2_000)))?.tokenHash, 'second');
    });

    test('counts the live devices', async () => {
      const index = newIndex();
      await index.mark(device('a'), DAM, T0);
      await index.mark(device('b'), UTRECHT, later(TTL / 2));
      assert.equal(await index.count(later(1_000)), 2);
      assert.equal(await index.count(later(TTL)), 1);
      await index.forget('b');
      assert.equal(await index.count(later(TTL)), 0);
    });

    test('answers as a list of the latest cell per phone would (any sequence of moves)', async () => {
      const cells = [DAM, UTRECHT, ROTTERDAM];
      const move = fc.record({
        id: fc.constantFrom('a', 'b', 'c', 'd'),
        cell: fc.constantFrom(...cells),
        after: fc.nat({ max: TTL }),
      });
      await fc.assert(
        fc.asyncProperty(fc.array(move, { maxLength: 40 }), fc.subarray(cells), async (moves, asked) => {
          const index = newIndex();
          const model = new Map<string, { cell: PresenceCell; until: number }>();
          let now = T0.getTime();
          for (const m of moves) {
            now += m.after;
            await index.mark(device(m.id), m.cell, new Date(now));
            model.set(m.id, { cell: m.cell, until: now + TTL });
          }
          const expected = [...model]
            .filter(([, e]) => e.until > now && asked.includes(e.cell))
            .map(([id]) => id)
            .sort();
          assert.deepEqual(ids(await index.presentIn(new Set(asked), new Date(now))), expected);
        }),
        { numRuns: 50 },
      );
    });
  });
}
