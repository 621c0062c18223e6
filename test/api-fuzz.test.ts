import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { HOSTILE_CSV, HOSTILE_FILES } from './support/hostile-uploads.js';
import { HostileDraw, urlEncoded } from './support/hostile-values.js';
import { probe } from './support/http-probe.js';
import { readOperations, urlOf, type JsonSchema, type Operation } from './support/openapi-operations.js';
import { createApiObjects } from './support/api-objects.js';
import {
  exampleBody,
  exampleQuery,
  exampleRequest,
  formInit,
  inSafeOrder,
  pathValue,
  UPLOADS,
  type ApiObjects,
  type FileToSend,
} from './support/api-examples.js';
import { edgeValues, schemaAt } from './support/schema-example.js';
import { changedTables, settledRows, storedRows } from './support/stored-rows.js';
import { startTestSystem, type TestSystem } from './support/test-system.js';

/**
 * Repeatable: FUZZ_SEED=<n> npm test -- api-fuzz replays a run; FUZZ_REQUESTS=<n> searches longer (more hostile
 * values per field); FUZZ_VERBOSE=1 lists each operation's baseline answer.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_611);
const MAX_REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 3_000);
const TIMEOUT_MS = 5_000;

/** One request of the fuzz, as sent. */
interface FuzzRequest {
  readonly op: Operation;
  readonly point: string;
  readonly url: string;
  readonly init: RequestInit;
}

/** Every place a value sits in a JSON body ('area', 'area/centre', 'area/centre/lat'); of an array, its first item. */
function fieldPaths(value: unknown, prefix: readonly string[] = []): string[][] {
  if (typeof value !== 'object' || value === null) return [];
  const entries = Object.entries(value);
  return (Array.isArray(value) ? entries.slice(0, 1) : entries).flatMap(([key, child]) => [
    [...prefix, key],
    ...fieldPaths(child, [...prefix, key]),
  ]);
}

function valueAt(root: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root);
}

/** The edge values of a path or query parameter, as the text a URL carries. */
function edgeStrings(schema: JsonSchema): string[] {
  return edgeValues(schema, null).map(String);
}

function withValueAt(root: unknown, path: readonly string[], value: unknown): unknown {
  const copy = structuredClone(root) as Record<string, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path.at(-1)!] = value;
  return copy;
}

/** A place to put hostile values: how many it takes, and the requests for them. */
interface Point {
  readonly name: string;
  readonly requests: (count: number) => FuzzRequest[];
}

function pointsOf(op: Operation, f: ApiObjects, token: string, draw: HostileDraw): Point[] {
  const key = `${op.method} ${op.path}`;
  const upload = UPLOADS[key];
  const auth: Record<string, string> = op.path.startsWith('/app/v1/push/subscriptions/{id}')
    ? { authorization: `Device ${f.subscription.deviceToken}` }
    : op.anonymous
      ? {}
      : { authorization: `Bearer ${token}` };
  const pathValues = Object.fromEntries(
    op.pathParams.map((p) => [p.name, encodeURIComponent(pathValue(op, p.name, f))]),
  );
  const query = exampleQuery(op, f).map(([name, value]): [string, string] => [name, urlEncoded(value)]);
  const json = (body: unknown, type = 'application/json'): RequestInit => ({
    method: op.method,
    headers: { ...auth, 'content-type': type },
    body: typeof body === 'string' && type !== 'application/json' ? body : JSON.stringify(body),
  });
  const rawJson = (text: string): RequestInit => ({
    method: op.method,
    headers: { ...auth, 'content-type': 'application/json' },
    body: text,
  });
  const form = (fields: Readonly<Record<string, string>>, file: FileToSend | null): RequestInit =>
    formInit(
      op.method,
      auth,
      fields,
      file === null || typeof upload !== 'object' ? null : { field: upload.file, file },
    );
  const csv = (text: string): RequestInit => ({
    method: op.method,
    headers: { ...auth, 'content-type': 'text/csv' },
    body: text,
  });
  const baseBody = exampleBody(op, f);
  const baseInit = exampleRequest(op, f, auth).init;
  const url = (values = pathValues, q = query) => urlOf(op, values, q);
  const request = (point: string, target: string, init: RequestInit): FuzzRequest => ({ op, point, url: target, init });

  const points: Point[] = [{ name: 'baseline', requests: () => [request('baseline', url(), baseInit)] }];
  // A header holds bytes only: what of the hostile string is printable ASCII.
  const headerValue = (s: string) => s.replace(/[^\x20-\x7e]/g, '');
  const scheme = auth.authorization?.startsWith('Device ') ? 'Device' : 'Bearer';
  points.push({
    name: 'header authorization',
    requests: () =>
      draw.strings(1).map((s) =>
        request('header authorization', url(), {
          ...baseInit,
          headers: { ...(baseInit.headers as Record<string, string>), authorization: `${scheme} ${headerValue(s)}` },
        }),
      ),
  });
  for (const p of op.pathParams) {
    points.push({
      name: `path ${p.name}`,
      requests: (n) =>
        [...draw.strings(n), ...edgeStrings(p.schema)].map((s) =>
          request(`path ${p.name}`, url({ ...pathValues, [p.name]: urlEncoded(s) }), baseInit),
        ),
    });
  }
  for (const p of op.queryParams) {
    const others = query.filter(([k]) => k !== p.name);
    points.push({
      name: `query ${p.name}`,
      requests: (n) => [
        ...[...draw.strings(n), ...edgeStrings(p.schema)].map((s) =>
          request(`query ${p.name}`, url(pathValues, [...others, [p.name, urlEncoded(s)]]), baseInit),
        ),
        request(`query ${p.name} twice`, url(pathValues, [...others, [p.name, '1'], [p.name, '2']]), baseInit),
      ],
    });
  }
  if (baseBody !== undefined) {
    for (const path of fieldPaths(baseBody)) {
      const name = `body ${path.join('/')}`;
      points.push({
        name,
        requests: (n) => {
          const schema = schemaAt(op.body!, path);
          const edges = schema === null ? [] : edgeValues(schema, valueAt(baseBody, path));
          return [...draw.json(n), ...edges].map((v) => request(name, url(), json(withValueAt(baseBody, path, v))));
        },
      });
    }
  }
  if (op.method !== 'GET' && upload === undefined) {
    points.push({
      name: 'body',
      requests: (n) => [
        ...draw.json(n).map((v) => request('body', url(), json(v))),
        request('body unreadable', url(), rawJson('{"message": "half')),
        request('body prototype', url(), rawJson('{"__proto__": {"isAdmin": true}, "constructor": {"prototype": {}}}')),
        request('body as text', url(), json('hallo', 'text/plain')),
        request('body as form', url(), json('a=1&b=2', 'application/x-www-form-urlencoded')),
        request('body gzip', url(), {
          method: op.method,
          headers: { ...auth, 'content-type': 'application/json', 'content-encoding': 'gzip' },
          body: Uint8Array.from([0x1f, 0x8b, 0x08, 0x00, 0xde, 0xad, 0xbe, 0xef]),
        }),
      ],
    });
  }
  if (upload === 'csv') {
    points.push({ name: 'csv', requests: () => HOSTILE_CSV.map((text) => request('csv', url(), csv(text))) });
    points.push({ name: 'csv as json', requests: () => [request('csv as json', url(), json({ rows: [] }))] });
  } else if (upload !== undefined) {
    for (const field of Object.keys(upload.fields)) {
      points.push({
        name: `form ${field}`,
        requests: (n) =>
          draw.strings(n).map((s) => request(`form ${field}`, url(), form({ ...upload.fields, [field]: s }, null))),
      });
    }
    points.push({
      name: `form ${upload.file}`,
      requests: () => HOSTILE_FILES.map((file) => request(`form ${upload.file}`, url(), form(upload.fields, file))),
    });
    points.push({
      name: 'form broken',
      requests: () => [
        request('form as json', url(), json({ text: 'x' })),
        request('form unknown field', url(), form({ ...upload.fields, extra: 'x' }, null)),
        request('form no boundary', url(), json('--x\r\n', 'multipart/form-data')),
      ],
    });
  }
  return points;
}

describe('the API under hostile input: every operation of the OpenAPI document, every field', () => {
  let t: TestSystem;
  let token: string;
  let operations: Operation[];
  let f: ApiObjects;

  before(async () => {
    t = await startTestSystem({
      APP_REQUESTS_PER_MINUTE: '100000',
      PUSH_REQUESTS_PER_MINUTE: '1000000',
      APP_TIPS_PER_HOUR: '1000',
    });
    token = await t.staffToken('landelijk-beheer');
    const landelijk = t.api(token);
    // The participant lives in Utrecht, far from the actions at the Dam: no delivery runs while the fuzz does.
    const place = {
      postcode: '3511 AB',
      centre: { lat: 52.3731, lon: 4.8926 },
      gemeenteCode: 'GM0363',
      meldkamerCode: 'RE05',
    };
    f = await createApiObjects(
      t,
      { police: landelijk, policeBeheer: landelijk, gemeenteBeheer: landelijk, gemeenteBeheerToken: token },
      place,
    );
    operations = inSafeOrder(await readOperations(t.url));
  });
  after(() => t.stop());

  test('no answer is a 5xx or takes longer than 5 s, and no refused request stores anything', async (context) => {
    const started = performance.now();
    // The number of requests grows by one per field with each hostile value: as many values as the budget allows.
    const total = (n: number) =>
      operations
        .flatMap((op) => pointsOf(op, f, token, new HostileDraw(SEED)))
        .reduce((sum, p) => sum + p.requests(n).length, 0);
    const [one, two] = [total(1), total(2)];
    const perPoint = Math.max(1, Math.floor((MAX_REQUESTS - one) / (two - one)) + 1);
    const draw = new HostileDraw(SEED);
    const requests = operations.flatMap((op) => pointsOf(op, f, token, draw).flatMap((p) => p.requests(perPoint)));

    const failures: string[] = [];
    const byClass = new Map<string, number>();
    const msByOperation = new Map<string, number>();
    let slowest = { ms: 0, what: '' };
    let state = await storedRows(t);
    for (const request of requests) {
      const outcome = await probe(t.url + request.url, request.init, TIMEOUT_MS);
      const what = `${request.op.method} ${request.url.slice(0, 160)} (${request.point})`;
      const statusClass = outcome.status === 0 ? 'no answer' : `${Math.floor(outcome.status / 100)}xx`;
      byClass.set(statusClass, (byClass.get(statusClass) ?? 0) + 1);
      if (outcome.ms > slowest.ms) slowest = { ms: outcome.ms, what };
      const opKey = `${request.op.method} ${request.op.path}`;
      msByOperation.set(opKey, (msByOperation.get(opKey) ?? 0) + outcome.ms);
      if (request.point === 'baseline' && process.env.FUZZ_VERBOSE)
        context.diagnostic(
          `baseline ${outcome.status} ${what} ${outcome.status >= 300 ? outcome.text.slice(0, 300) : ''}`,
        );
      if (outcome.status === 0) failures.push(`${what}: no answer within ${TIMEOUT_MS} ms (${outcome.error})`);
      else if (outcome.status >= 500) failures.push(`${what}: ${outcome.status} ${outcome.text.slice(0, 300)}`);
      const refused = outcome.status >= 400 || outcome.status === 0;
      if (refused || request.op.method === 'GET') {
        const now = await storedRows(t);
        if (now !== state)
          failures.push(
            `${what}: ${refused ? 'refused' : 'read'} with ${outcome.status} but stored ${changedTables(state, now)}`,
          );
        state = now;
      } else {
        state = await settledRows(t);
      }
    }

    const seconds = (performance.now() - started) / 1000;
    context.diagnostic(
      `fuzz seed ${SEED}: ${operations.length} operations, ${requests.length} requests (${perPoint} hostile values per field) in ${seconds.toFixed(1)} s`,
    );
    context.diagnostic(`statuses: ${[...byClass].map(([k, v]) => `${k} ${v}`).join(', ')}`);
    context.diagnostic(`slowest: ${slowest.ms.toFixed(0)} ms, ${slowest.what}`);
    if (process.env.FUZZ_VERBOSE)
      for (const [op, ms] of [...msByOperation].sort((a, b) => b[1] - a[1]).slice(0, 10))
        context.diagnostic(`time spent: ${(ms / 1000).toFixed(1)} s ${op}`);
    assert.deepEqual(failures, []);
  });
});
