// The whole system as child processes (test/support/system-process.ts), for tests that kill a node, cut it off
// or run several side by side on one database.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { hashApiToken, newApiToken } from '../../src/adapters/auth/api-token.js';
import { loadGemeenten, loadPc4Centroids, meldkamersOf } from '../../src/adapters/geodata/geodata.js';
import { generateSyntheticParticipants } from '../../src/adapters/seed/synthetic-participants.js';
import { bulkInsertParticipants } from '../../src/adapters/store/bulk-insert-participants.js';
import { createStore } from '../../src/adapters/store/create-store.js';
import type { Database } from '../../src/adapters/store/database/database.js';
import { migrate } from '../../src/adapters/store/migrate.js';
import { syncReferenceData } from '../../src/adapters/store/sync-reference-data.js';
import { apiTokenLifetime } from '../../src/domain/staff/api-token-lifetime.js';
import { eventually, type ApiResponse } from './test-system.js';

const ENTRY = fileURLToPath(new URL('./system-process.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Migrated, with reference data, `participants` synthetic SMS participants in Amsterdam (no time windows) and a
 * centralist of RE05 with a token, which it returns.
 */
export async function prepareAmsterdam(db: Database, participants: number, seed = 2026): Promise<string> {
  await migrate(db);
  const [gemeenten, pc4Centroids] = await Promise.all([loadGemeenten(), loadPc4Centroids()]);
  await syncReferenceData(db, meldkamersOf(gemeenten), gemeenten);
  const amsterdam = gemeenten.filter((g) => g.code === 'GM0363');
  const seeded = [...generateSyntheticParticipants({ count: participants, seed, gemeenten: amsterdam, pc4Centroids })]
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
  await staff.addToken(id, hashApiToken(token), 'test', apiTokenLifetime(new Date(), 365)!);
  return token;
}

export interface SystemProcess {
  readonly url: string;
  readonly pid: number;
  /** Kills it without warning, as a power cut would. */
  kill(): Promise<void>;
  /** SIGTERM: it finishes what is in flight and closes the database. */
  stop(): Promise<void>;
  /** The last of what it logged. */
  log(): string;
}

/** System processes not yet ended: a test file kills them at its end, so that a failed test leaves none behind. */
const running = new Set<ChildProcess>();

export function killAllSystems(): void {
  for (const child of running) child.kill('SIGKILL');
}

/**
 * Starts test/support/system-process.ts as a child process with this environment (over the test's own) and
 * waits until it serves. `command` runs it another way (e.g. inside a network namespace: ['ip', 'netns', 'exec', ns]).
 */
export async function spawnSystem(
  env: Record<string, string>,
  options: { readonly prefix?: readonly string[] } = {},
): Promise<SystemProcess> {
  const childEnv: Record<string, string | undefined> = {
    ...process.env,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    ...env,
  };
  if (env.DATABASE_URL === undefined) delete childEnv.DATABASE_URL;
  const [command, ...args] = [...(options.prefix ?? []), process.execPath, '--import', 'tsx', ENTRY];
  const child = spawn(command, args, { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let log = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    log = (log + chunk).slice(-40_000);
    // With TEST_LOG_LEVEL set, the processes' logs are shown as they come.
    if (process.env.TEST_LOG_LEVEL !== undefined) process.stderr.write(chunk);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const started = await new Promise<{ url: string; pid: number }>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', (line) =>
      resolve(JSON.parse(line) as { url: string; pid: number }),
    );
    void exited.then(({ code, signal }) =>
      reject(new Error(`system process ended (${code ?? signal}) before it served:\n${log}`)),
    );
  });
  return {
    url: started.url,
    pid: started.pid,
    log: () => log,
    async kill() {
      // Through a wrapper (ip netns exec) the system is a grandchild: kill it by its own pid.
      process.kill(started.pid, 'SIGKILL');
      await exited;
    },
    async stop() {
      process.kill(started.pid, 'SIGTERM');
      assert.deepEqual(await exited, { code: 0, signal: null }, `system process did not stop cleanly:\n${log}`);
    },
  };
}

/** The API of a system process as one centralist, JSON in and out. */
export function apiAt(url: string, token: string) {
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
      signal: AbortSignal.timeout(30_000),
    });
    return { status: response.status, body: await response.json() };
  };
  return {
    get: (path: string) => request('GET', path),
    post: (path: string, body: unknown = {}) => request('POST', path, body),
  };
}

export type CentralistApi = ReturnType<typeof apiAt>;

export interface StartedAlert {
  readonly actionId: string;
  readonly recipients: number;
  /** The SMS text, to tell this alert's messages at the SMSC from others. */
  readonly text: string;
}

/** Estimates the reach (recipients and SMS text), then creates and starts the action, as the console does. */
export async function startAlert(
  centralist: CentralistApi,
  draft: { readonly type: string; readonly message: string },
  area: unknown,
): Promise<StartedAlert> {
  const estimate = await centralist.post('/api/v1/reach-estimates', { area, draft });
  assert.equal(estimate.status, 200, JSON.stringify(estimate.body));
  const created = await centralist.post('/api/v1/actions', { ...draft, area });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const actionId: string = created.body.id;
  const started = await centralist.post(`/api/v1/actions/${actionId}/start`);
  assert.equal(started.status, 200, JSON.stringify(started.body));
  return { actionId, recipients: estimate.body.recipients, text: estimate.body.sms.text };
}

/** Waits until the action's progress says every recipient's SMS was delivered and nothing else is left; returns it. */
export async function allDelivered(
  centralist: CentralistApi,
  alert: StartedAlert,
  timeoutMs = 30_000,
): Promise<unknown> {
  return eventually(async () => {
    const progress = await centralist.get(`/api/v1/actions/${alert.actionId}/progress`);
    assert.equal(progress.status, 200);
    assert.deepEqual(progress.body.totals, {
      queued: 0,
      sending: 0,
      submitted: 0,
      delivered: alert.recipients,
      failed: 0,
      expired: 0,
      cancelled: 0,
    });
    return progress.body;
  }, timeoutMs);
}
