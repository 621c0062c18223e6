import { createHash, randomUUID } from 'node:crypto';
import pino from 'pino';
import { hashApiToken, newApiToken } from '../../src/adapters/auth/api-token.js';
import { loadConfig } from '../../src/config.js';
import type { StaffRole } from '../../src/domain/staff/staff.js';
import { startSystem, type RunningSystem, type SystemOverrides } from '../../src/compose/system.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import { TestClock } from './test-clock.js';
import { apiTokenLifetime } from '../../src/domain/staff/api-token-lifetime.js';

export interface TestSystem {
  readonly system: RunningSystem;
  readonly clock: TestClock;
  readonly url: string;
  /** A new staff member with a token; `scope` is a meldkamer (RE..) or gemeente (GM....) code. */
  staffToken(role: StaffRole, scope?: string): Promise<string>;
  /** Sends a request as this token; JSON in and out. */
  api(token: string | null): ApiClient;
  stop(): Promise<void>;
}

export interface ApiResponse<T = any> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

export interface ApiClient {
  get<T = any>(path: string): Promise<ApiResponse<T>>;
  post<T = any>(path: string, body?: unknown): Promise<ApiResponse<T>>;
  put<T = any>(path: string, body?: unknown): Promise<ApiResponse<T>>;
  delete<T = any>(path: string): Promise<ApiResponse<T>>;
  raw(path: string, init: RequestInit): Promise<Response>;
}

/**
 * The key that seals secrets at rest in tests (SECRETS_KEY): derived from a fixed phrase, so every test system and
 * process of a run opens the same databases. Never a production key.
 */
export const TEST_SECRETS_KEY = createHash('sha256').update('burgernet test secrets key').digest('base64');

/** The whole system in this process, on a fresh database, its SMSC simulator and the API on free ports. */
export async function startTestSystem(
  env: Record<string, string> = {},
  overrides: SystemOverrides & {
    readonly clock?: TestClock;
    readonly testDatabase?: TestDatabase;
    /** Where the log lines go (a test that reads them); stdout otherwise. */
    readonly logDestination?: pino.DestinationStream;
  } = {},
): Promise<TestSystem> {
  const testDatabase = overrides.testDatabase ?? (await createTestDatabase());
  const clock = overrides.clock ?? new TestClock();
  const config = loadConfig({
    PORT: '0',
    SMSC_SIMULATOR_PORT: '0',
    REDIRECT_SIP_PORT: '0',
    DEMO: 'false',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DISPATCH_MAX_IN_FLIGHT: '200',
    // No base map tiles from the internet: the browser tests draw the bundled boundaries (a test may serve tiles).
    CONSOLE_MAP_TILE_URL: '',
    APP_MAP_TILE_URL: '',
    SECRETS_KEY: TEST_SECRETS_KEY,
    ...env,
  });
  const logger =
    overrides.logDestination === undefined
      ? pino({ level: config.LOG_LEVEL })
      : pino({ level: config.LOG_LEVEL }, overrides.logDestination);
  const system = await startSystem(config, logger, { ...overrides, clock, database: testDatabase.database });
  const url = system.url!;

  const request = async (token: string | null, method: string, path: string, body?: unknown): Promise<ApiResponse> => {
    const headers: Record<string, string> = {};
    if (token !== null) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(url + path, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    return {
      status: response.status,
      headers: response.headers,
      body: type.includes('json') && text !== '' ? JSON.parse(text) : text,
    };
  };

  return {
    system,
    clock,
    url,
    async staffToken(role, scope) {
      const id = randomUUID();
      const token = newApiToken();
      await system.store.staff.createStaff({
        id,
        name: `${role} ${scope ?? 'landelijk'}`,
        role,
        meldkamerCode: scope?.startsWith('RE') ? scope : null,
        gemeenteCode: scope?.startsWith('GM') ? scope : null,
      });
      await system.store.staff.addToken(id, hashApiToken(token), 'test', apiTokenLifetime(clock.now(), 365)!);
      return token;
    },
    api: (token) => ({
      get: (path) => request(token, 'GET', path),
      post: (path, body) => request(token, 'POST', path, body ?? {}),
      put: (path, body) => request(token, 'PUT', path, body ?? {}),
      delete: (path) => request(token, 'DELETE', path),
      raw: (path, init) => fetch(url + path, init),
    }),
    async stop() {
      await system.stop();
      if (overrides.testDatabase === undefined) await testDatabase.drop();
    },
  };
}

/** Polls until the check passes (or returns a value); fails with the last error after the deadline. */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 15_000, intervalMs = 25): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw lastError;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
