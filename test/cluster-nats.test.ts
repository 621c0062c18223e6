import assert from 'node:assert/strict';
import { after, before, describe, test, type TestContext } from 'node:test';
import { openPostgresDatabase } from '../src/adapters/store/database/postgres-database.js';
import type { RelayKind } from '../src/adapters/messaging/relay.js';
import { startNatsServer, type TestNatsServer } from './support/nats-server.js';
import { circle, DAM, seedAmsterdam, sentTo, settled, type StartedAction } from './support/sms-actions.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { eventually, startTestSystem, type ApiClient, type TestSystem } from './support/test-system.js';

/**
 * Two nodes on one PostgreSQL database, as a cluster runs: A serves the API and sends nothing (NODE_ROLE=api), B
 * runs the workers (NODE_ROLE=worker). What A starts reaches B's workers over NATS, over PostgreSQL LISTEN/NOTIFY
 * while NATS is away, and by B's polling when nothing carries it; in every case each recipient gets the alert once.
 */
describe(
  'wake-ups across nodes: NATS, LISTEN/NOTIFY while NATS is away, polling as the last resort',
  {
    skip: process.env.DATABASE_URL ? false : 'two nodes share one PostgreSQL server',
    timeout: 240_000,
  },
  () => {
    let nats: TestNatsServer;
    let db: TestDatabase;
    let a: TestSystem;
    let b: TestSystem;
    let centralist: ApiClient;
    let actions = 0;

    /** Node B's database connections are its own, as another machine's would be. */
    async function startNode(env: Record<string, string>): Promise<TestSystem> {
      const own = await openPostgresDatabase(db.url!, 5);
      return startTestSystem(
        { DATABASE_URL: db.url!, DISPATCH_LEASE_SECONDS: '15', ...env },
        { testDatabase: { database: own, url: db.url, drop: () => own.close() } },
      );
    }

    const received = (node: TestSystem, kind: RelayKind) => node.system.messaging.relays!.counts().received[kind];

    /** Starts an action through A's API and waits until every recipient got it once, from B's SMSC. */
    async function sendThroughA(
      t: TestContext,
      how: string,
      api: ApiClient = centralist,
      nodes: { api: TestSystem; worker: TestSystem } = { api: a, worker: b },
    ): Promise<StartedAction> {
      actions += 1;
      const message = `Vermist: test ${actions}, rode jas.`;
      const area = circle(DAM, 400);
      const estimate = await api.post('/api/v1/reach-estimates', { area, draft: { type: 'vermissing', message } });
      assert.equal(estimate.status, 200, JSON.stringify(estimate.body));
      assert.ok(estimate.body.recipients > 0);
      const created = await api.post('/api/v1/actions', { type: 'vermissing', missingChild: false, message, area });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const action: StartedAction = {
        id: created.body.id,
        text: estimate.body.sms.text,
        recipients: estimate.body.recipients,
      };
      const simulator = nodes.worker.system.sms.simulator!;
      const startedAt = performance.now();
      const started = await api.post(`/api/v1/actions/${action.id}/start`);
      assert.equal(started.status, 200, JSON.stringify(started.body));
      await eventually(() => assert.ok(sentTo(simulator, action.text).length > 0), 15_000, 2);
      const firstSms = performance.now() - startedAt;
      await settled(api, action);
      const numbers = sentTo(simulator, action.text);
      assert.equal(numbers.length, action.recipients, 'every recipient once, from the worker node');
      assert.equal(new Set(numbers).size, numbers.length, 'nobody twice');
      assert.deepEqual(sentTo(nodes.api.system.sms.simulator!, action.text), [], 'the API node sends nothing');
      // Printed, not asserted: how long work waits for a worker on another node, by what woke it.
      t.diagnostic(`${how}: ${Math.round(firstSms)} ms from the start request to the first SMS`);
      return action;
    }

    before(async () => {
      nats = await startNatsServer();
      db = await createTestDatabase();
      a = await startNode({ NODE_ROLE: 'api', NATS_URL: nats.url });
      await seedAmsterdam(db.database, 3_000);
      b = await startNode({ NODE_ROLE: 'worker', NATS_URL: nats.url });
      centralist = a.api(await a.staffToken('centralist', 'RE05'));
    });
    after(async () => {
      await b?.stop();
      await a?.stop();
      await nats?.stop();
      await db?.drop();
    });

    test("an action started through node A's API is sent by node B's worker, woken over NATS", async (t) => {
      assert.equal(a.system.messaging.relays!.via(), 'nats');
      const before = received(b, 'nats');
      await sendThroughA(t, 'NATS');
      assert.ok(received(b, 'nats') > before, 'B heard the wake-up over NATS');
    });

    test('NATS stopped: an action started then is still sent, woken over LISTEN/NOTIFY, nothing lost', async (t) => {
      await nats.stop();
      await eventually(() => {
        assert.equal(a.system.messaging.relays!.via(), 'postgres');
        assert.equal(b.system.messaging.relays!.via(), 'postgres');
      });
      const before = received(b, 'postgres');
      await sendThroughA(t, 'LISTEN/NOTIFY (NATS down)');
      assert.ok(received(b, 'postgres') > before, 'B heard the wake-up over PostgreSQL');
      assert.ok(a.system.messaging.relays!.counts().outages >= 1);
    });

    test('NATS back: the nodes reconnect and resubscribe by themselves, and wake-ups flow over NATS again', async (t) => {
      await nats.restart();
      await eventually(() => {
        assert.equal(a.system.messaging.relays!.via(), 'nats');
        assert.equal(b.system.messaging.relays!.via(), 'nats');
      });
      const before = { nats: received(b, 'nats'), postgres: received(b, 'postgres') };
      await sendThroughA(t, 'NATS (back)');
      assert.ok(received(b, 'nats') > before.nats, 'B heard the wake-up over NATS again');
      assert.equal(received(b, 'postgres'), before.postgres, 'and not over PostgreSQL');
    });

    test('with nothing to carry wake-ups between the nodes, B polls and still sends everything', async (t) => {
      await b.stop();
      await a.stop();
      // Neither NATS_URL nor DATABASE_URL: wake-ups stay in each process, as in the embedded default.
      const own = { api: await openPostgresDatabase(db.url!, 5), worker: await openPostgresDatabase(db.url!, 5) };
      const alone = (database: typeof own.api, role: string) =>
        startTestSystem(
          { NODE_ROLE: role, DISPATCH_LEASE_SECONDS: '15' },
          { testDatabase: { database, url: db.url, drop: () => database.close() } },
        );
      a = await alone(own.api, 'api');
      b = await alone(own.worker, 'worker');
      assert.equal(a.system.messaging.relays, null);
      await sendThroughA(t, 'polling only', a.api(await a.staffToken('centralist', 'RE05')));
    });
  },
);
