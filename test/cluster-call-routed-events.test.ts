import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openPostgresDatabase } from '../src/adapters/store/database/postgres-database.js';
import { insertSentAction } from './support/call-routing-fixtures.js';
import { startNatsServer, type TestNatsServer } from './support/nats-server.js';
import { createStaffLogin, PortalClient } from './support/plein.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { eventually, startTestSystem, type TestSystem } from './support/test-system.js';

const TOKEN = 'platform-token-0123456789abcdef0123456789';
const CALLER = '+31612347001';

/** The console's live list of calls, as its EventSource reads it: what arrived so far, and a way to stop. */
async function openCallStream(client: PortalClient, path: string) {
  const response = await fetch(client.baseUrl + path, {
    headers: {
      accept: 'text/event-stream',
      cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    },
  });
  assert.equal(response.status, 200);
  const reader = response.body!.getReader();
  const stream = { text: '', close: () => reader.cancel().catch(() => undefined) };
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      stream.text += new TextDecoder().decode(value);
    }
  })();
  return stream;
}

const callEvents = (text: string) =>
  text
    .split('\n\n')
    .filter((block) => block.includes('event: call'))
    .map((block) => {
      const { reason, transport } = JSON.parse(/^data: (.*)$/m.exec(block)![1]!) as Record<string, string>;
      return { reason, transport };
    });

describe(
  '0800-0011: a console on node B sees a call that node A routed',
  { skip: process.env.DATABASE_URL ? false : 'two nodes share one PostgreSQL server', timeout: 120_000 },
  () => {
    let nats: TestNatsServer;
    let db: TestDatabase;
    let a: TestSystem;
    let b: TestSystem;

    async function startNode(): Promise<TestSystem> {
      const own = await openPostgresDatabase(db.url!, 5);
      return startTestSystem(
        {
          DATABASE_URL: db.url!,
          NATS_URL: nats.url,
          NODE_ROLE: 'api',
          REDIRECT_HTTP_TOKEN: TOKEN,
          REDIRECT_ALLOWED_ADDRESSES: '127.0.0.1',
          SESSION_COOKIE_SECURE: 'false',
        },
        { testDatabase: { database: own, url: db.url, drop: () => own.close() } },
      );
    }

    const routeThroughA = async () => {
      const response = await fetch(`${a.url}/api/v1/call-routing`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ caller: CALLER }),
      });
      assert.equal(response.status, 200);
      assert.equal(((await response.json()) as { reason: string }).reason, 'active-action');
    };

    before(async () => {
      nats = await startNatsServer();
      db = await createTestDatabase();
      a = await startNode();
      b = await startNode();
    });
    after(async () => {
      await b?.stop();
      await a?.stop();
      await nats?.stop();
      await db?.drop();
    });

    test('over NATS, and over LISTEN/NOTIFY while NATS is away', async () => {
      const actionId = await insertSentAction(db.database, {
        meldkamerCode: 'RE05',
        msisdns: [CALLER],
        sentAt: new Date(),
      });
      const login = await createStaffLogin(b, 'centralist', 'RE05');
      const portal = new PortalClient(b.url);
      assert.equal(await portal.logIn(login, b.clock.now()), 303);
      const stream = await openCallStream(portal, `/plein/console/acties/${actionId}/oproepen`);
      try {
        await routeThroughA();
        await eventually(() =>
          assert.deepEqual(callEvents(stream.text), [{ reason: 'active-action', transport: 'http' }]),
        );
        assert.ok(b.system.messaging.relays!.counts().received.nats >= 1, 'it came over NATS');
        await nats.stop();
        await eventually(() => assert.equal(a.system.messaging.relays!.via(), 'postgres'));
        await routeThroughA();
        await eventually(() => assert.equal(callEvents(stream.text).length, 2));
        assert.ok(b.system.messaging.relays!.counts().received.postgres >= 1, 'the second came over PostgreSQL');
      } finally {
        await stream.close();
      }
    });
  },
);
