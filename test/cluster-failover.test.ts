import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startSmscSimulator, type SmscSimulator } from '../src/adapters/channels/sms-smpp/smsc-simulator.js';
import { createClusterDatabase } from './support/cluster-database.js';
import { canMakeNetns, createNetns, startTcpRelay } from './support/netns.js';
import {
  allDelivered,
  apiAt,
  killAllSystems,
  prepareAmsterdam,
  spawnSystem,
  startAlert,
  type SystemProcess,
} from './support/system-processes.js';
import type { TestDatabase } from './support/test-database.js';
import { eventually } from './support/test-system.js';

/** Each node's window: what a node killed mid-fan-out may have handed to the SMSC without its result stored. */
const MAX_IN_FLIGHT = 100;
/** About 22,000 SMS recipients within 7 km of the Dam: the 20,000-recipient fan-out, no more (CI time). */
const PARTICIPANTS = 28_000;
const DAM = { lat: 52.3731, lon: 4.8926 };
/** Network namespaces for the cut-off test: root with iproute2 (CI runs as root). */
const NETNS = await canMakeNetns();

describe('a cluster of three nodes on one PostgreSQL', () => {
  let smsc: SmscSimulator;
  let database: TestDatabase;
  let token: string;
  let env: Record<string, string>;

  before(async () => {
    smsc = await startSmscSimulator({ port: 0 });
    database = await createClusterDatabase();
    token = await prepareAmsterdam(database.database, PARTICIPANTS, 2027);
    env = {
      DATABASE_URL: database.url!,
      SMSC: 'external',
      SMPP_HOST: smsc.host,
      SMPP_PORT: String(smsc.port),
      PORT: '0',
      REDIRECT_SIP_PORT: '0',
      DEMO: 'false',
      DISPATCH_MAX_IN_FLIGHT: String(MAX_IN_FLIGHT),
      DISPATCH_BATCH_SIZE: String(MAX_IN_FLIGHT),
      // Short leases: the work of a killed node goes to the others within seconds.
      DISPATCH_LEASE_SECONDS: '3',
      SMPP_MESSAGES_PER_SECOND: '1000',
    };
  });
  after(async () => {
    killAllSystems();
    await smsc?.close();
    await database?.drop();
  });

  /** Deliveries a node's workers hold or held (claims carry the node's host:pid). */
  async function claimedBy(node: SystemProcess): Promise<number> {
    const [row] = await database.database.query<{ n: number }>(
      `select count(*)::int as n from deliveries where claimed_by like '%:' || $1 || ':%'`,
      [String(node.pid)],
    );
    return row?.n ?? 0;
  }

  test(
    'kill -9 of one of three nodes during a 20,000-recipient fan-out: nobody lost, duplicates within its window, the others finish',
    { timeout: 240_000 },
    async (t) => {
      const api = await spawnSystem({ ...env, NODE_ROLE: 'all' });
      const workers = [
        await spawnSystem({ ...env, NODE_ROLE: 'worker' }),
        await spawnSystem({ ...env, NODE_ROLE: 'worker' }),
      ];
      const centralist = apiAt(api.url, token);
      const area = { kind: 'circle', centre: DAM, radiusMetres: 7_000 };
      const draft = { type: 'vermissing', message: 'Vermist: Noor (9), gele regenjas, roze laarzen.' };
      const alert = await startAlert(centralist, draft, area);
      const { recipients, text } = alert;
      assert.ok(recipients >= 20_000, `at least 20,000 recipients in the area, got ${recipients}`);

      const sent = () => smsc.messages.filter((m) => m.text === text);
      const victim = workers[0]!;
      await smsc.waitFor(() => sent().length >= recipients / 2, 120_000);
      assert.ok((await claimedBy(victim)) > 0, 'the node to be killed was sending');
      await victim.kill();
      const killedAt = performance.now();
      const sentAtKill = sent().length;

      await smsc.waitFor(() => new Set(sent().map((m) => m.to)).size === recipients, 120_000);
      const finishedAfterMs = performance.now() - killedAt;
      await allDelivered(centralist, alert, 60_000);
      const duplicates = sent().length - recipients;
      t.diagnostic(
        `${recipients} recipients; killed one of three nodes at ${sentAtKill} SMS; the others finished ` +
          `${(finishedAfterMs / 1000).toFixed(1)} s later; ${duplicates} SMS sent twice (window ${MAX_IN_FLIGHT})`,
      );
      assert.ok(duplicates <= MAX_IN_FLIGHT, `${duplicates} sent twice; at most ${MAX_IN_FLIGHT} were in flight there`);
      for (const node of [api, workers[1]!]) await node.stop();
    },
  );

  test(
    'a worker node cut off from PostgreSQL mid-fan-out sends nothing after its lease ran out; nobody lost; back, it goes on under a new lease',
    {
      timeout: 240_000,
      skip: NETNS ? false : 'needs root and ip netns (CI has both)',
    },
    async (t) => {
      // The node in the namespace reaches PostgreSQL and its own SMSC over two links; only the database link is cut.
      const netns = await createNetns(['db', 'smsc']);
      const dbLink = netns.link('db');
      const server = new URL(env.DATABASE_URL!);
      const relay = await startTcpRelay(
        { host: dbLink.hostAddress },
        { host: server.hostname, port: Number(server.port || 5432) },
      );
      // As a real SMSC, it keeps offering the receipts the node cannot store while it is cut off (for ten minutes here).
      const ownSmsc = await startSmscSimulator({
        host: netns.link('smsc').hostAddress,
        port: 0,
        receiptRetryMs: 1_000,
        maxReceiptAttempts: 600,
      });
      const viaRelay = new URL(env.DATABASE_URL!);
      viaRelay.hostname = dbLink.hostAddress;
      viaRelay.port = String(relay.port);
      try {
        const api = await spawnSystem({ ...env, NODE_ROLE: 'all' });
        const other = await spawnSystem({ ...env, NODE_ROLE: 'worker' });
        const cutOff = await spawnSystem(
          {
            ...env,
            NODE_ROLE: 'worker',
            DATABASE_URL: viaRelay.toString(),
            SMPP_HOST: ownSmsc.host,
            SMPP_PORT: String(ownSmsc.port),
          },
          { prefix: netns.prefix },
        );
        const centralist = apiAt(api.url, token);
        const area = { kind: 'circle', centre: DAM, radiusMetres: 3_000 };
        const draft = { type: 'vermissing', message: 'Vermist: Sem (7), groene jas, blauwe step.' };
        const alert = await startAlert(centralist, draft, area);
        const { recipients, text } = alert;

        const byCutOff = () => ownSmsc.messages.filter((m) => m.text === text);
        const all = () => [...smsc.messages.filter((m) => m.text === text), ...byCutOff()];
        await ownSmsc.waitFor(() => byCutOff().length >= 200, 120_000);
        const leaseOf = async () => {
          const [row] = await database.database.query<{ expires_at: Date }>(
            `select expires_at from worker_leases where worker_id like '%:' || $1 || ':%'`,
            [String(cutOff.pid)],
          );
          return row?.expires_at ?? null;
        };
        await dbLink.cut();
        const cutAt = Date.now();
        // Follow the lease until another node ends it: its last expiry is when the node's work became theirs.
        let lastExpiry: Date | null = null;
        await eventually(
          async () => {
            const expiry = await leaseOf();
            if (expiry !== null) lastExpiry = expiry;
            assert.equal(expiry, null, 'the cut-off node still holds its lease');
          },
          60_000,
          50,
        );
        assert.ok(lastExpiry !== null, 'the lease was seen before it ended');
        const expiredAt: Date = lastExpiry;
        const sentByCutOffAfter = byCutOff().filter((m) => m.receivedAt.getTime() > expiredAt.getTime());
        const lastSendMs = Math.max(...byCutOff().map((m) => m.receivedAt.getTime())) - cutAt;

        await smsc.waitFor(() => new Set(all().map((m) => m.to)).size === recipients, 120_000);
        await dbLink.restore();
        // Back on the network, it finds its lease gone and takes a new one.
        await eventually(async () => assert.notEqual(await leaseOf(), null), 60_000, 100);
        await allDelivered(centralist, alert, 60_000);
        const duplicates = all().length - recipients;
        t.diagnostic(
          `${recipients} recipients; the cut-off node sent ${byCutOff().length}, its last SMS ${lastSendMs} ms after ` +
            `the cut, its lease ended ${expiredAt.getTime() - cutAt} ms after the cut; ${duplicates} sent twice`,
        );
        assert.equal(sentByCutOffAfter.length, 0, 'nothing sent by the cut-off node after its lease ran out');
        assert.ok(duplicates <= MAX_IN_FLIGHT, `${duplicates} sent twice; its window is ${MAX_IN_FLIGHT}`);
        for (const node of [api, other, cutOff]) await node.stop();
      } finally {
        killAllSystems();
        await ownSmsc.close();
        await relay.close();
        await netns.remove();
      }
    },
  );
});
