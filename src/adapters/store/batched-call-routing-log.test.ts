import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import type { CallRouting } from '../../app/ports/call-routing-repository.js';
import { createBatchedCallRoutingLog } from './batched-call-routing-log.js';
import type { Queryable } from './database/database.js';
import { migrate } from './migrate.js';

let testDatabase: TestDatabase;
before(async () => {
  testDatabase = await createTestDatabase();
  await migrate(testDatabase.database);
});
after(() => testDatabase.drop());

const routing = (i: number): CallRouting => ({
  at: new Date(Date.UTC(2026, 10, 23, 12, 0, i)),
  actionId: null,
  meldkamerCode: null,
  target: `sip:t${i}@p`,
  reason: 'national-default',
  transport: 'sip-udp',
  candidates: 0,
});
const errors: object[] = [];
const logger = {
  info: () => undefined,
  warn: () => undefined,
  debug: () => undefined,
  error: (fields: object) => errors.push(fields),
};
const targets = async () =>
  (await testDatabase.database.query<{ target: string }>('select target from call_routings order by id')).map(
    (r) => r.target,
  );

test('records are written in batches, in order, and a failing database only delays them', async () => {
  const db = testDatabase.database;
  let failuresLeft = 2;
  let statements = 0;
  const flaky: Queryable = {
    query: (sql, params) => db.query(sql, params),
    execute: async (sql, params) => {
      statements++;
      if (failuresLeft-- > 0) throw new Error('connection lost');
      return db.execute(sql, params);
    },
  };
  const log = createBatchedCallRoutingLog(flaky, { flushIntervalMs: 5, maxBatch: 4, maxPending: 100 }, logger);
  for (let i = 0; i < 10; i++) log.record(routing(i));
  await log.flush();
  await log.close();
  assert.deepEqual(
    await targets(),
    Array.from({ length: 10 }, (_, i) => `sip:t${i}@p`),
  );
  assert.ok(statements <= 2 + Math.ceil(10 / 4) + 1, `${statements} statements for 10 records`);
  assert.ok(errors.length >= 2);
});

test('beyond maxPending the oldest records are given up, and said so', async () => {
  const down: Queryable = {
    query: () => Promise.reject(new Error('down')),
    execute: () => Promise.reject(new Error('down')),
  };
  errors.length = 0;
  const log = createBatchedCallRoutingLog(down, { flushIntervalMs: 60_000, maxBatch: 100, maxPending: 3 }, logger);
  for (let i = 0; i < 5; i++) log.record(routing(i));
  assert.ok(errors.some((e) => 'lost' in e));
  await log.close();
});
