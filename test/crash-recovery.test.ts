import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { hashApiToken, newApiToken } from '../src/adapters/auth/api-token.js';
import { startPartnerWebhookSimulator } from '../src/adapters/channels/partner-webhooks/partner-webhook-simulator.js';
import { generateWebhookSecret } from '../src/adapters/channels/partner-webhooks/standard-webhook-signature.js';
import { startSmscSimulator, type SmscSimulator } from '../src/adapters/channels/sms-smpp/smsc-simulator.js';
import { loadGemeenten, loadPc4Centroids, meldkamersOf } from '../src/adapters/geodata/geodata.js';
import { generateSyntheticParticipants } from '../src/adapters/seed/synthetic-participants.js';
import { bulkInsertParticipants } from '../src/adapters/store/bulk-insert-participants.js';
import { createStore } from '../src/adapters/store/create-store.js';
import type { Database } from '../src/adapters/store/database/database.js';
import { migrate } from '../src/adapters/store/migrate.js';
import { openDatabase } from '../src/adapters/store/open-database.js';
import { syncReferenceData } from '../src/adapters/store/sync-reference-data.js';
import { createTestDatabase } from './support/test-database.js';
import { eventually, type ApiResponse } from './support/test-system.js';

const ENTRY = fileURLToPath(new URL('./support/system-process.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));
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

/** Migrated, with reference data, a few thousand SMS participants in Amsterdam (no time windows) and a centralist's token. */
async function prepare(db: Database, participants: number): Promise<string> {
  await migrate(db);
  const [gemeenten, pc4Centroids] = await Promise.all([loadGemeenten(), loadPc4Centroids()]);
  await syncReferenceData(db, meldkamersOf(gemeenten), gemeenten);
  const amsterdam = gemeenten.filter((g) => g.code === 'GM0363');
  const seeded = [
    ...generateSyntheticParticipants({ count: participants, seed: 2026, gemeenten: amsterdam, pc4Centroids }),
  ]
    .filter((p) => p.registrations.every((r) => r.channel === 'sms'))
    .map((p) => ({ ...p, registrations: p.registrations.map((r) => ({ ...r, timeWindows: [] })) }));
  await db.transaction((tx) => bulkInsertParticipants(tx, seeded, new Date()));
  const staff = createStore(db).staff;
  const id = randomUUID();
  const token = newApiToken();
  await staff.createStaff({
    id,
    name: 'Centralist Amsterdam',
    role: 'centralist',
    meldkamerCode: 'RE05',
    gemeenteCode: null,
  });
  await staff.addToken(id, hashApiToken(token), 'test');
  return token;
}

interface SystemProcess {
  readonly url: string;
  /** Kills it without warning, as a power cut would. */
  kill(): Promise<void>;
  /** SIGTERM: it finishes what is in flight and closes the database. */
  stop(): Promise<void>;
}

/** System processes not yet ended: killed when the file ends, so that a failed test leaves none behind. */
const running = new Set<ChildProcess>();

/** Starts test/support/system-process.ts as a child process and waits until it serves. */
async function spawnSystem(env: Record<string, string>): Promise<SystemProcess> {
  const childEnv: Record<string, string | undefined> = {
    ...process.env,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    ...env,
  };
  if (env.DATABASE_URL === undefined) delete childEnv.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
    cwd: ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let log = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    log = (log + chunk).slice(-20_000);
    // With TEST_LOG_LEVEL set, the processes' logs are shown as they come.
    if (process.env.TEST_LOG_LEVEL !== undefined) process.stderr.write(chunk);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', (line) => resolve((JSON.parse(line) as { url: string }).url));
    void exited.then(({ code, signal }) =>
      reject(new Error(`system process ended (${code ?? signal}) before it served:\n${log}`)),
    );
  });
  return {
    url,
    async kill() {
      child.kill('SIGKILL');
      assert.equal((await exited).signal, 'SIGKILL');
    },
    async stop() {
      child.kill('SIGTERM');
      assert.deepEqual(await exited, { code: 0, signal: null }, `system process did not stop cleanly:\n${log}`);
    },
  };
}

function apiAt(url: string, token: string) {
  const request = async (
    method: string,
    path: string,
    body?: unknown,
  ): Promise<Pick<ApiResponse, 'status' | 'body'>> => {
    const response = await fetch(url + path, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: await response.json() };
  };
  return {
    get: (path: string) => request('GET', path),
    post: (path: string, body: unknown = {}) => request('POST', path, body),
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
    token = await shared.use((db) => prepare(db, 4_000));
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
    for (const child of running) child.kill('SIGKILL');
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
      const estimate = await centralist.post('/api/v1/reach-estimates', { area, draft });
      assert.equal(estimate.status, 200, JSON.stringify(estimate.body));
      recipients = estimate.body.recipients;
      alertText = estimate.body.sms.text;
      assert.ok(recipients >= 1_000, `a few thousand participants put over a thousand in the area, got ${recipients}`);
      const created = await centralist.post('/api/v1/actions', { ...draft, area });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      actionId = created.body.id;
      assert.equal((await centralist.post(`/api/v1/actions/${actionId}/start`)).status, 200);

      await simulator.waitFor(() => sentTo().length >= recipients / 3, 60_000);
      await first.kill();
      const sentBeforeCrash = sentTo().length;
      assert.ok(sentBeforeCrash < recipients, 'the crash came before the run was done');

      const second = await spawnSystem(env);
      await simulator.waitFor(() => new Set(sentTo()).size === recipients, 60_000);
      const progress = await eventually(async () => {
        const p = await apiAt(second.url, token).get(`/api/v1/actions/${actionId}/progress`);
        assert.deepEqual(p.body.totals, {
          queued: 0,
          sending: 0,
          submitted: 0,
          delivered: recipients,
          failed: 0,
          expired: 0,
          cancelled: 0,
        });
        return p.body;
      }, 30_000);
      progressAtEnd = progress;
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
