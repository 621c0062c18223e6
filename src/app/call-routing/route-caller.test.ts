import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { loadGemeenten, meldkamersOf } from '../../adapters/geodata/geodata.js';
import type { Queryable } from '../../adapters/store/database/database.js';
import { migrate } from '../../adapters/store/migrate.js';
import {
  createBatchedCallRoutingLog,
  type BatchedCallRoutingLog,
} from '../../adapters/store/batched-call-routing-log.js';
import { createSqlCallRoutingRepository } from '../../adapters/store/sql-call-routing-repository.js';
import { syncReferenceData } from '../../adapters/store/sync-reference-data.js';
import { asMsisdn } from '../../domain/participant/msisdn.js';
import { insertSentAction } from '../../../test/support/call-routing-fixtures.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import type { CallRoutedEvent } from '../ports/call-routed-listener.js';
import { createRouteCaller, type RouteCallerSettings } from './route-caller.js';

const NOW = new Date('2026-11-23T12:00:00Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);
const settings: RouteCallerSettings = {
  lookbackMs: 12 * 3_600_000,
  nationalTarget: 'sip:landelijk@politie.test',
  lookupTimeoutMs: 2_000,
  maxConcurrentLookups: 64,
};
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };
const target = (code: string) => `sip:meldkamer-${code.toLowerCase()}@politie.nl`;
/** Routes until the lookup that was holding the database has finished and a caller is looked up again. */
async function eventuallyFree(route: () => Promise<{ reason: string }>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if ((await route()).reason !== 'overloaded') return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  assert.fail('the finished lookup was not counted out');
}

describe('routing a 0800-0011 caller', () => {
  let test_db: TestDatabase;
  let db: Queryable;
  let log: BatchedCallRoutingLog;
  const events: CallRoutedEvent[] = [];
  const routeWith = (queryable: Queryable, overrides: Partial<RouteCallerSettings> = {}) =>
    createRouteCaller(
      {
        calls: createSqlCallRoutingRepository(queryable),
        log,
        clock: { now: () => NOW },
        listener: { callRouted: (e) => events.push(e) },
        logger: silent,
      },
      { ...settings, ...overrides },
    );
  const route = (msisdn: string | null) => routeWith(db)(msisdn === null ? null : asMsisdn(msisdn), 'http');
  /** The rows recorded so far (after writing what is pending). */
  const recorded = async <Row>(sql: string, params: unknown[] = []) => {
    await log.flush();
    return db.query<Row>(sql, params);
  };

  before(async () => {
    test_db = await createTestDatabase();
    db = test_db.database;
    await migrate(test_db.database);
    const gemeenten = await loadGemeenten();
    await syncReferenceData(test_db.database, meldkamersOf(gemeenten), gemeenten);
    log = createBatchedCallRoutingLog(db, { flushIntervalMs: 10, maxBatch: 100, maxPending: 1_000 }, silent);
  });
  after(async () => {
    await log.close();
    await test_db.drop();
  });

  test('a number that got a message of one active action goes to its meldkamer, and the call is recorded and announced', async () => {
    const actionId = await insertSentAction(db, {
      meldkamerCode: 'RE05',
      msisdns: ['+31611000001', '+31611000002'],
      sentAt: hoursAgo(1),
    });
    const decision = await route('+31611000001');
    assert.deepEqual(decision, {
      actionId,
      meldkamerCode: 'RE05',
      target: target('RE05'),
      reason: 'active-action',
      candidates: 1,
    });
    const [row] = await recorded<Record<string, unknown>>(
      'select action_id, meldkamer_code, target, reason, transport, candidates, at from call_routings where action_id = $1',
      [actionId],
    );
    assert.deepEqual(
      { ...row },
      {
        action_id: actionId,
        meldkamer_code: 'RE05',
        target: target('RE05'),
        reason: 'active-action',
        transport: 'http',
        candidates: 1,
        at: NOW,
      },
    );
    assert.deepEqual(events.at(-1), {
      at: NOW,
      actionId,
      meldkamerCode: 'RE05',
      reason: 'active-action',
      transport: 'http',
    });
  });

  test('the record never holds the caller’s number', async () => {
    await route('+31611000002');
    const columns = await db.query<{ column_name: string }>(
      "select column_name from information_schema.columns where table_name = 'call_routings'",
    );
    assert.deepEqual(columns.map((c) => c.column_name).sort(), [
      'action_id',
      'at',
      'candidates',
      'id',
      'meldkamer_code',
      'reason',
      'target',
      'transport',
    ]);
  });

  test('of actions of two meldkamers, the one that messaged the number last wins', async () => {
    await insertSentAction(db, { meldkamerCode: 'RE05', msisdns: ['+31611000010'], sentAt: hoursAgo(2) });
    const later = await insertSentAction(db, { meldkamerCode: 'RE07', msisdns: ['+31611000010'], sentAt: hoursAgo(1) });
    const decision = await route('+31611000010');
    assert.deepEqual(
      [decision.actionId, decision.meldkamerCode, decision.reason, decision.candidates],
      [later, 'RE07', 'most-recent-action', 2],
    );
  });

  test('closed actions, messages older than the lookback and messages not sent do not count', async () => {
    await insertSentAction(db, {
      meldkamerCode: 'RE01',
      msisdns: ['+31611000020'],
      sentAt: hoursAgo(1),
      status: 'afgesloten',
    });
    await insertSentAction(db, { meldkamerCode: 'RE02', msisdns: ['+31611000020'], sentAt: hoursAgo(13) });
    for (const deliveryStatus of ['queued', 'failed', 'expired', 'cancelled'] as const) {
      await insertSentAction(db, {
        meldkamerCode: 'RE03',
        msisdns: ['+31611000020'],
        sentAt: hoursAgo(1),
        deliveryStatus,
      });
    }
    const decision = await route('+31611000020');
    assert.equal(decision.reason, 'national-default');
    const sending = await insertSentAction(db, {
      meldkamerCode: 'RE04',
      msisdns: ['+31611000020'],
      sentAt: hoursAgo(1),
      deliveryStatus: 'sending',
    });
    assert.equal((await route('+31611000020')).actionId, sending);
  });

  test('without an action: the meldkamer of the first registered address, else the national default', async () => {
    const participant = randomUUID();
    await db.execute("insert into participants (id, name) values ($1, 'Test')", [participant]);
    const register = (postcode: string, gemeente: string, createdAt: Date) =>
      db.execute(
        `insert into registrations (id, participant_id, msisdn, channel, postcode, house_number, city, lat, lon, h3_cell, gemeente_code, created_at)
         values ($1, $2, '+31611000030', 'voice', $3, 1, 'X', 52, 5, 0, $4, $5)`,
        [randomUUID(), participant, postcode, gemeente, createdAt],
      );
    await register('9711AB', 'GM0014', hoursAgo(5)); // Groningen: Noord-Nederland
    await register('1012AB', 'GM0363', hoursAgo(1)); // Amsterdam
    const [groningen] = await db.query<{ meldkamer_code: string }>(
      "select meldkamer_code from gemeenten where code = 'GM0014'",
    );
    const decision = await route('+31611000030');
    assert.deepEqual(decision, {
      actionId: null,
      meldkamerCode: groningen!.meldkamer_code,
      target: target(groningen!.meldkamer_code),
      reason: 'registered-address',
      candidates: 0,
    });
    assert.deepEqual(await route('+31611099999'), {
      actionId: null,
      meldkamerCode: null,
      target: settings.nationalTarget,
      reason: 'national-default',
      candidates: 0,
    });
    assert.equal((await route(null)).reason, 'no-caller-number');
  });

  test('a failing or slow database sends the caller to the national default instead of failing the call', async () => {
    const broken: Queryable = {
      query: () => Promise.reject(new Error('connection lost')),
      execute: () => Promise.reject(new Error('connection lost')),
    };
    assert.deepEqual(await routeWith(broken)(asMsisdn('+31611000001'), 'sip-udp'), {
      actionId: null,
      meldkamerCode: null,
      target: settings.nationalTarget,
      reason: 'lookup-failed',
      candidates: 0,
    });
    let release: () => void = () => undefined;
    const stuck = new Promise<void>((resolve) => (release = resolve));
    const slow: Queryable = {
      query: async (sql, params) => (await stuck, db.query(sql, params)),
      execute: (sql, params) => db.execute(sql, params),
    };
    const slowRoute = routeWith(slow, { lookupTimeoutMs: 20, maxConcurrentLookups: 1 });
    const decision = await slowRoute(asMsisdn('+31611000001'), 'sip-tcp');
    assert.equal(decision.reason, 'lookup-failed');
    // The timed-out lookup still holds the database: the next caller is not queued behind it.
    assert.equal((await slowRoute(asMsisdn('+31611000001'), 'sip-udp')).reason, 'overloaded');
    assert.equal((await slowRoute(null, 'sip-udp')).reason, 'no-caller-number');
    release();
    await eventuallyFree(() => slowRoute(asMsisdn('+31611000001'), 'http'));
    const rows = await recorded<{ reason: string; transport: string }>(
      "select reason, transport from call_routings where reason in ('lookup-failed', 'overloaded') and transport <> 'http' order by id",
    );
    assert.deepEqual(
      rows.map((r) => ({ ...r })),
      [
        { reason: 'lookup-failed', transport: 'sip-udp' },
        { reason: 'lookup-failed', transport: 'sip-tcp' },
        { reason: 'overloaded', transport: 'sip-udp' },
      ],
    );
  });
});
