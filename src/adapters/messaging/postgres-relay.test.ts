import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { eventually } from '../../../test/support/test-system.js';
import type { Logger } from '../../app/ports/logger.js';
import { LISTEN_APPLICATION_NAME, openPostgresRelay } from './postgres-relay.js';
import type { Relay } from './relay.js';

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };

describe(
  'PostgreSQL LISTEN/NOTIFY relay',
  { skip: process.env.DATABASE_URL ? false : 'LISTEN/NOTIFY between nodes needs a PostgreSQL server', timeout: 60_000 },
  () => {
    let db: TestDatabase;
    const opened: Relay[] = [];
    const open = async (nodeId: string, channel = 'burgernet') => {
      const relay = await openPostgresRelay(
        { url: db.url!, channel, nodeId, reconnectMinMs: 20, reconnectMaxMs: 200 },
        quiet,
      );
      opened.push(relay);
      return relay;
    };

    before(async () => {
      db = await createTestDatabase();
    });
    after(async () => {
      await Promise.all(opened.map((r) => r.close()));
      await db.drop();
    });

    test('a notification reaches the other nodes on the channel, not the sender, not another channel', async () => {
      const a = await open('a');
      const b = await open('b');
      const other = await open('c', 'andere.burgernet');
      const heard: Record<string, string[]> = { a: [], b: [], other: [] };
      a.subscribe('wake.targeting', (p) => heard.a!.push(p));
      b.subscribe('wake.targeting', (p) => heard.b!.push(p));
      b.subscribe('wake.deliveries.sms', (p) => heard.b!.push(`sms ${p}`));
      other.subscribe('wake.targeting', (p) => heard.other!.push(p));
      assert.ok(a.publish('wake.targeting', 'één'));
      assert.ok(a.publish('wake.deliveries.sms', ''));
      await eventually(() => assert.deepEqual(heard.b, ['één', 'sms ']));
      assert.deepEqual(heard.a, []);
      assert.deepEqual(heard.other, []);
    });

    test('a LISTEN connection the database ends (a restart) is opened again by itself', async () => {
      const a = await open('a');
      const b = await open('b');
      const heard: string[] = [];
      b.subscribe('wake.targeting', (p) => heard.push(p));
      const listening = async () =>
        (
          await db.database.query<{ pid: number }>(
            'select pid from pg_stat_activity where datname = current_database() and application_name = $1',
            [LISTEN_APPLICATION_NAME],
          )
        ).map((r) => r.pid);
      const before = await listening();
      assert.equal(before.length, opened.length);
      // What a restart does to the listening sessions, without restarting the machine's shared server.
      await db.database.query('select pg_terminate_backend(pid) from unnest($1::int[]) as pid', [before]);
      await eventually(async () => {
        const now = await listening();
        assert.equal(now.length, before.length, 'every relay listens again');
        assert.ok(
          now.every((pid) => !before.includes(pid)),
          'on new connections',
        );
      }, 10_000);
      assert.ok(a.available() && b.available());
      await eventually(() => {
        assert.ok(a.publish('wake.targeting', 'weer'));
        assert.ok(heard.includes('weer'));
      }, 10_000);
    });
  },
);
