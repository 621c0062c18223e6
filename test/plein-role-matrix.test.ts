import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { nl } from '../src/domain/messages/nl.js';
import { ROUTE_PERMISSIONS } from '../src/adapters/http/server/route-permissions.js';
import { may } from '../src/domain/staff/permissions.js';
import { STAFF_ROLES, type StaffRole } from '../src/domain/staff/staff.js';
import { startTestSystem, type TestSystem } from './support/test-system.js';

const SCOPE: Record<StaffRole, string | undefined> = {
  centralist: 'RE05',
  'meldkamer-beheer': 'RE05',
  gemeente: 'GM0363',
  'gemeente-beheer': 'GM0363',
  'landelijk-beheer': undefined,
};

interface Endpoint {
  readonly method: string;
  /** OpenAPI form, /api/v1/actions/{id}. */
  readonly path: string;
  /** Fastify form, /api/v1/actions/:id (the key in ROUTE_PERMISSIONS). */
  readonly route: string;
}

/** Every /api/v1 endpoint, for every role, read from the OpenAPI document: allowed or refused by role. */
describe('the role matrix: every staff endpoint of the API, for every role', () => {
  let t: TestSystem;
  let endpoints: Endpoint[];
  const tokens = new Map<StaffRole, string>();

  before(async () => {
    t = await startTestSystem();
    for (const role of STAFF_ROLES) tokens.set(role, await t.staffToken(role, SCOPE[role]));
    const doc = (await (await fetch(`${t.url}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    endpoints = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/v1/'))
      .flatMap(([path, ops]) =>
        Object.entries(ops)
          // Endpoints that declare no security (or their own) are not staff endpoints: telephony platforms, the app.
          .filter(
            ([, op]) =>
              !(Array.isArray(op.security) && op.security.length === 0) && !path.startsWith('/api/v1/call-routing'),
          )
          .map(([method]) => ({ method: method.toUpperCase(), path, route: path.replace(/\{(\w+)\}/g, ':$1') })),
      );
  });
  after(() => t.stop());

  test('every staff endpoint in the OpenAPI document has exactly one permission in route-permissions.ts', () => {
    assert.ok(endpoints.length >= 20, `only ${endpoints.length} endpoints found`);
    const missing = endpoints
      .filter((e) => ROUTE_PERMISSIONS[`${e.method} ${e.route}`] === undefined)
      .map((e) => `${e.method} ${e.route}`);
    assert.deepEqual(missing, []);
  });

  test('each role reaches exactly the endpoints its permissions allow; the others are refused before any handler', async () => {
    const fill = (path: string) =>
      path.replace(/\{(\w+)\}/g, (_m, name: string) =>
        name === 'code' ? 'RE05' : name === 'type' ? 'inbraak' : randomUUID(),
      );
    const wrong: string[] = [];
    for (const e of endpoints) {
      const permission = ROUTE_PERMISSIONS[`${e.method} ${e.route}`];
      for (const role of STAFF_ROLES) {
        const allowed = permission === 'any-staff' || (permission !== undefined && may({ role }, permission));
        const controller = new AbortController();
        const response = await fetch(t.url + fill(e.path), {
          method: e.method,
          headers: {
            authorization: `Bearer ${tokens.get(role)}`,
            ...(e.method === 'GET' || e.method === 'DELETE' ? {} : { 'content-type': 'application/json' }),
          },
          ...(e.method === 'GET' || e.method === 'DELETE' ? {} : { body: '{}' }),
          signal: controller.signal,
        });
        const text = response.headers.get('content-type')?.includes('json') ? await response.text() : '';
        controller.abort();
        const refusedByRole = response.status === 403 && text.includes(nl.problemDetails.roleRefused);
        if (allowed === refusedByRole)
          wrong.push(
            `${role} ${e.method} ${e.path}: ${response.status} (${allowed ? 'should be allowed' : 'should be refused'})`,
          );
      }
    }
    assert.deepEqual(wrong, []);
  });

  test('without credentials every staff endpoint answers 401', async () => {
    for (const e of endpoints) {
      const response = await fetch(t.url + e.path.replace(/\{(\w+)\}/g, 'x'), { method: e.method });
      assert.equal(response.status, 401, `${e.method} ${e.path}`);
      await response.body?.cancel();
    }
  });
});
