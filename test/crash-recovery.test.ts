import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startPartnerWebhookSimulator } from '../src/adapters/channels/partner-webhooks/partner-webhook-simulator.js';
import { generateWebhookSecret } from '../src/adapters/channels/partner-webhooks/standard-webhook-signature.js';
import { startSmscSimulator, type SmscSimulator } from '../src/adapters/channels/sms-smpp/smsc-simulator.js';
import type { Database } from '../src/adapters/store/database/database.js';
import { openDatabase } from '../src/adapters/store/open-database.js';
import { createTestDatabase } from './support/test-database.js';
import { eventually } from './support/test-system.js';
import {
  allDelivered,
  apiAt,
  killAllSystems,
  prepareAmsterdam,
  spawnSystem,
  startAlert,
} from './support/system-processes.js';

const MAX_IN_FLIGHT = 100;
const DAM = { lat: 52.3731, lon: 4.8926 };

/**
 * Where the system processes keep their data. PGlite is one process: the test may open its folder only
 * while no system process runs. On the PostgreSQL server the test keeps its own connection.
 */
interface SharedDatabase {
  readonly env: Record<string, string>;
  /** Runs `work` on the database; on PGlite only while no system process has it open. */
  use<T>(work: (db: Database) => Promise<T>): Promise<T>;
  remove(): Promise<void>;
}

async function createSharedDatabase(): Promise<SharedDatabase> {
  if (process.env.DATABASE_URL) {
    const server = await createTestDatabase();
    return { env: { DATABASE_URL: server.url! }, use: (work) => work(server.database), remove: () => server.drop() };
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'burgernet-crash-'));
  return {
    env: { DATA_DIR: dataDir },
    async use(work) {
      const db = await openDatabase({ databaseUrl: undefined, poolSize: 1, dataDir });
      try {
        return await work(db);
      } finally {
        await db.close();
      }
    },
    remove: () => rm(dataDir, { recursive: true, force: true }),
  };
}

describe('a system process that stops, by a crash or on request', () => {
  let simulator: SmscSimulator;
  let shared: SharedDatabase;
  let token: string;
  let env: Record<string, string>;
  let actionId: string;
  let alertText: string;
  let recipients: number;
  let progressAtEnd: unknown;

  before(async () => {
    simulator = await startSmscSimulator({ port: 0 });
    shared = await createSharedDatabase();
    token = await shared.use((db) => prepareAmsterdam(db, 4_000));
    env = {
      ...shared.env,
      SMSC: 'external',
      SMPP_HOST: simulator.host,
      SMPP_PORT: String(simulator.port),
      PORT: '0',
      REDIRECT_SIP_PORT: '0',
      DEMO: 'false',
      DISPATCH_MAX_IN_FLIGHT: String(MAX_IN_FLIGHT),
      SMPP_MESSAGES_PER_SECOND: '300',
    };
  });
  after(async () => {
    killAllSystems();
    await simulator?.close();
    await shared?.remove();
  });

  const sentTo = () => simulator.messages.filter((m) => m.text === alertText).map((m) => m.to);

  test(
    'killed mid-dispatch and started again, it loses nobody and resends at most what was in flight',
    { timeout: 150_000 },
    async (t) => {
      const first = await spawnSystem(env);
      const centralist = apiAt(first.url, token);
      const area = { kind: 'circle', centre: DAM, radiusMetres: 3_000 };
      const draft = { type: 'vermissing', message: 'Vermist: Jesse (11), blauwe jas, oranje fiets.' };
      const alert = await startAlert(centralist, draft, area);
      ({ actionId, recipients, text: alertText } = alert);
      assert.ok(recipients >= 1_000, `a few thousand participants put over a thousand in the area, got ${recipients}`);

      await simulator.waitFor(() => sentTo().length >= recipients / 3, 60_000);
      await first.kill();
      const sentBeforeCrash = sentTo().length;
      assert.ok(sentBeforeCrash < recipients, 'the crash came before the run was done');

      const second = await spawnSystem(env);
      await simulator.waitFor(() => new Set(sentTo()).size === recipients, 60_000);
      progressAtEnd = await allDelivered(apiAt(second.url, token), alert);
      const duplicates = sentTo().length - recipients;
      t.diagnostic(`${recipients} recipients, ${sentBeforeCrash} SMS before the crash, ${duplicates} sent twice`);
      assert.ok(
        duplicates <= MAX_IN_FLIGHT,
        `${duplicates} SMS sent twice; at most ${MAX_IN_FLIGHT} were in flight at the crash`,
      );

      await second.stop();
      const stored = await shared.use((db) =>
        db.query<{ msisdn: string; status: string }>(
          `select d.msisdn, d.status from deliveries d join action_messages m on m.id = d.message_id
         where d.action_id = $1 and m.kind = 'alert' order by d.msisdn`,
          [actionId],
        ),
      );
      assert.deepEqual(
        stored.map((d) => d.msisdn),
        [...new Set(sentTo())].sort(),
        'every number the action targeted got the SMS',
      );
      assert.ok(stored.every((d) => d.status === 'delivered'));
    },
  );

  test(
    'stopped gracefully and started again, it still has the action with its messages and counts',
    { timeout: 60_000 },
    async () => {
      assert.ok(actionId, 'the previous test ran');
      const third = await spawnSystem(env);
      try {
        const centralist = apiAt(third.url, token);
        const view = await centralist.get(`/api/v1/actions/${actionId}`);
        assert.equal(view.status, 200, JSON.stringify(view.body));
        assert.equal(view.body.status, 'actief');
        assert.deepEqual(
          view.body.messages.map((m: { kind: string; text: string }) => [m.kind, m.text]),
          [['alert', alertText]],
        );
        const progress = await centralist.get(`/api/v1/actions/${actionId}/progress`);
        assert.deepEqual(progress.body, progressAtEnd);
        const listed = await centralist.get('/api/v1/actions?status=actief');
        assert.deepEqual(
          listed.body.items.map((a: { id: string }) => a.id),
          [actionId],
        );
      } finally {
        await third.stop();
      }
    },
  );

  test(
    'killed while a partner webhook is in flight, it sends that one event again and repeats nothing else',
    { timeout: 90_000 },
    async () => {
      const secret = generateWebhookSecret();
      const partner = await startPartnerWebhookSimulator({ secrets: [secret], slowMs: 120_000 });
      const partnerEnv = {
        ...env,
        PARTNER_WEBHOOKS: JSON.stringify([
          { id: 'nieuwsdienst', name: 'Nieuwsdienst', url: partner.url, secrets: [secret], timeoutSeconds: 60 },
        ]),
      };
      try {
        const first = await spawnSystem(partnerEnv);
        const centralist = apiAt(first.url, token);
        // Uithoorn: in the centralist's region (RE05), away from the participants in Amsterdam.
        const area = { kind: 'circle', centre: { lat: 52.2376, lon: 4.8264 }, radiusMetres: 200 };
        await partner.behave('slow');
        const created = await centralist.post('/api/v1/actions', {
          type: 'diefstal',
          message: 'Gestolen: rode bakfiets met witte bak.',
          area,
        });
        assert.equal(created.status, 201, JSON.stringify(created.body));
        const id: string = created.body.id;
        assert.equal((await centralist.post(`/api/v1/actions/${id}/start`)).status, 200);
        assert.equal(
          (await centralist.post(`/api/v1/actions/${id}/updates`, { text: 'De bakfiets heeft een kinderzitje.' }))
            .status,
          202,
        );
        assert.equal((await centralist.post(`/api/v1/actions/${id}/close`, { result: 'teruggevonden' })).status, 200);
        // The first event is at the partner, unanswered; the other two wait behind it in the outbox.
        await partner.waitFor(
          () => partner.deliveries.length + partner.events.length > 0 || partner.connections > 0,
          30_000,
        );
        await eventually(() => assert.equal(partner.events.length, 1), 30_000);
        await first.kill();

        await partner.behave('healthy');
        const second = await spawnSystem(partnerEnv);
        try {
          await partner.waitFor(() => partner.events.length >= 3, 45_000);
          assert.deepEqual(
            partner.events.map((e) => [e.payload.type, e.payload.data.sequence]),
            [
              ['action.started', 1],
              ['action.updated', 2],
              ['action.closed', 3],
            ],
          );
          assert.ok(partner.duplicates <= 1, `${partner.duplicates} events repeated; only the one in flight may be`);
          assert.equal(partner.refusals.size, 0);
        } finally {
          await second.stop();
        }
      } finally {
        await partner.close();
      }
    },
  );
});
