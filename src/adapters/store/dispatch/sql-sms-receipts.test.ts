import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import type { Store } from '../../../app/ports/stores.js';
import type { AcceptedSmsPart, SmsReceiptStatus } from '../../../app/ports/sms-channel.js';
import type { ReceiptRules } from '../../../domain/delivery/receipt-matching.js';
import { createStore } from '../create-store.js';
import { migrate } from '../migrate.js';

const T0 = new Date('2026-03-02T10:00:00Z');
const SECOND = 1_000;
const HOUR = 3_600 * SECOND;
const at = (ms: number) => new Date(T0.getTime() + ms);
const RULES: ReceiptRules = { windowMs: 72 * HOUR, holdMs: 60 * SECOND };

describe('SMS parts and their receipts in the store', () => {
  let testDb: TestDatabase;
  let store: Store;
  let staffId: string;
  let actionNumber = 0;

  before(async () => {
    testDb = await createTestDatabase();
    await migrate(testDb.database);
    store = createStore(testDb.database);
    staffId = randomUUID();
    await testDb.database.execute(
      `insert into meldkamers (code, name, phone_routing_target) values ('RE01', 'Test', 'sip:test')`,
    );
    await testDb.database.execute(`insert into staff (id, name, role) values ($1, 'Beheer', 'landelijk-beheer')`, [
      staffId,
    ]);
  });
  after(() => testDb.drop());

  /** An active action with its alert, and one SMS delivery of it per number, handed to a worker. */
  async function actionWithDeliveries(
    count: number,
    priority = 0,
  ): Promise<{ actionId: string; deliveryIds: number[] }> {
    const actionId = randomUUID();
    const messageId = randomUUID();
    actionNumber += 1;
    await testDb.database.execute(
      `insert into actions (id, number, type, meldkamer_code, status, priority, message, area, created_at, created_by, updated_at)
       values ($1, $2, 'inbraak', 'RE01', 'actief', $3, 'Let op', '{}'::jsonb, $4, $5, $4)`,
      [actionId, `T-${actionNumber}-${actionId.slice(0, 8)}`, priority, T0, staffId],
    );
    await testDb.database.execute(
      `insert into action_messages (id, action_id, ordinal, kind, text, created_at, created_by)
       values ($1, $2, 1, 'alert', 'Burgernet: let op', $3, $4)`,
      [messageId, actionId, T0, staffId],
    );
    const rows = await testDb.database.query<{ id: number }>(
      `insert into deliveries (action_id, message_id, message_ordinal, msisdn, channel, distance_m, status, attempts, queued_at, claimed_at, claimed_by)
       select $1, $2, 1, '+316' || lpad((20000000 + n + $4 * 1000)::text, 8, '0'), 'sms', 10, 'sending', 1, $3, $3, 'worker'
       from generate_series(1, $5) as n returning id`,
      [actionId, messageId, T0, actionNumber, count],
    );
    return { actionId, deliveryIds: rows.map((r) => r.id).sort((a, b) => a - b) };
  }

  const part = (smsc: string, reference: string, submittedAt: Date, n = 1): AcceptedSmsPart => ({
    part: n,
    smsc,
    reference,
    submittedAt,
  });

  async function submitted(deliveryId: number, parts: readonly AcceptedSmsPart[], when: Date, total = parts.length) {
    return store.transaction((s) =>
      s.dispatch.recordSubmitResults(
        [{ deliveryId, kind: 'accepted', parts: total, concatReference: total > 1 ? 42 : null, accepted: parts }],
        when,
        RULES,
        'worker',
      ),
    );
  }

  const receipt = (smsc: string, reference: string, when: Date, status: SmsReceiptStatus = 'delivered') =>
    store.transaction((s) => s.dispatch.recordReceipts([{ smsc, reference, status, at: when }], when, RULES));

  async function statusOf(deliveryId: number): Promise<string> {
    const [row] = await testDb.database.query<{ status: string }>('select status from deliveries where id = $1', [
      deliveryId,
    ]);
    return row!.status;
  }

  test('a receipt is credited only to the part sent to its own SMSC; the same id at another SMSC is another part', async () => {
    const { deliveryIds } = await actionWithDeliveries(2);
    const [viaKpn, viaVodafone] = deliveryIds as [number, number];
    await submitted(viaKpn, [part('kpn', '0001', at(0))], at(SECOND));
    await submitted(viaVodafone, [part('vodafone', '0001', at(0))], at(SECOND));

    const matching = await receipt('vodafone', '0001', at(2 * SECOND));
    assert.equal(matching.credited, 1);
    assert.deepEqual([await statusOf(viaKpn), await statusOf(viaVodafone)], ['submitted', 'delivered']);
    await receipt('kpn', '0001', at(3 * SECOND));
    assert.deepEqual([await statusOf(viaKpn), await statusOf(viaVodafone)], ['delivered', 'delivered']);
  });

  test('an SMSC that starts its ids over after a restart: the new part takes the receipt, not the old one of an earlier action', async () => {
    const earlier = await actionWithDeliveries(1);
    const later = await actionWithDeliveries(1);
    await submitted(earlier.deliveryIds[0]!, [part('kpn', 'restart-1', at(0))], at(SECOND));
    await receipt('kpn', 'restart-1', at(2 * SECOND));
    const stored = await submitted(later.deliveryIds[0]!, [part('kpn', 'restart-1', at(HOUR))], at(HOUR + SECOND));
    assert.deepEqual(stored.reused, [], 'the earlier part had its receipt: no conflict');

    await receipt('kpn', 'restart-1', at(HOUR + 2 * SECOND));
    assert.equal(await statusOf(later.deliveryIds[0]!), 'delivered');
    const progress = await store.dispatch.progress(earlier.actionId);
    assert.equal(progress.byKind.alert.sms.delivered, 1, 'the earlier action still counts its one SMS once');
  });

  test('two parts waiting under the same id: the receipt is set aside with both, credited to neither, counted for both actions', async () => {
    const first = await actionWithDeliveries(1);
    const second = await actionWithDeliveries(1);
    const [a, b] = [first.deliveryIds[0]!, second.deliveryIds[0]!];
    await submitted(a, [part('kpn', 'twin-7', at(0))], at(SECOND));
    const stored = await submitted(b, [part('kpn', 'twin-7', at(HOUR))], at(HOUR + SECOND));
    assert.deepEqual(stored.reused, [{ smsc: 'kpn', reference: 'twin-7', deliveryId: b, earlierDeliveryId: a }]);

    const matching = await receipt('kpn', 'twin-7', at(HOUR + 2 * SECOND));
    assert.equal(matching.credited, 0);
    assert.deepEqual(matching.setAside, [
      {
        smsc: 'kpn',
        reference: 'twin-7',
        reason: 'ambiguous',
        candidates: [
          { deliveryId: a, actionId: first.actionId },
          { deliveryId: b, actionId: second.actionId },
        ].sort((x, y) => x.deliveryId - y.deliveryId),
      },
    ]);
    assert.deepEqual([await statusOf(a), await statusOf(b)], ['submitted', 'submitted']);
    assert.equal((await store.dispatch.progress(first.actionId)).receiptsSetAside, 1);
    assert.equal((await store.dispatch.progress(second.actionId)).receiptsSetAside, 1);
  });

  test('a receipt that overtook its part waits and is credited when the part is stored; one whose part never comes is set aside after the hold', async () => {
    const { deliveryIds } = await actionWithDeliveries(1);
    const early = await receipt('kpn', 'early-9', at(SECOND));
    assert.equal(early.waiting, 1);
    const stored = await submitted(deliveryIds[0]!, [part('kpn', 'early-9', at(0))], at(2 * SECOND));
    assert.equal(stored.receipts.credited, 1);
    assert.equal(await statusOf(deliveryIds[0]!), 'delivered');

    assert.equal((await receipt('kpn', 'nobody-404', at(SECOND))).waiting, 1);
    const tooSoon = await store.transaction((s) => s.dispatch.reconcilePendingReceipts(at(30 * SECOND), RULES));
    assert.equal(tooSoon.waiting, 1);
    const decided = await store.transaction((s) =>
      s.dispatch.reconcilePendingReceipts(at(SECOND + RULES.holdMs), RULES),
    );
    assert.deepEqual(decided.setAside, [{ smsc: 'kpn', reference: 'nobody-404', reason: 'no-part', candidates: [] }]);
    const aside = await testDb.database.query<{ reference: string; reason: string }>(
      `select reference, reason from unmatched_receipts where reference = 'nobody-404'`,
    );
    assert.deepEqual(aside, [{ reference: 'nobody-404', reason: 'no-part' }]);
    const pending = await testDb.database.query('select * from pending_receipts');
    assert.deepEqual(pending, []);
  });

  test('a receipt sent again for a part that has its receipt is a repeat, not set aside', async () => {
    const { deliveryIds } = await actionWithDeliveries(1);
    await submitted(deliveryIds[0]!, [part('kpn', 'twice-3', at(0))], at(SECOND));
    await receipt('kpn', 'twice-3', at(2 * SECOND));
    assert.equal((await receipt('kpn', 'twice-3', at(3 * SECOND))).waiting, 1);
    const decided = await store.transaction((s) =>
      s.dispatch.reconcilePendingReceipts(at(3 * SECOND + RULES.holdMs), RULES),
    );
    assert.deepEqual([decided.repeated, decided.setAside.length], [1, 0]);
  });

  test('a 4-part SMS cut short after two parts: those are kept, the next claim resumes after them, and it is delivered only when all four are', async () => {
    const { actionId, deliveryIds } = await actionWithDeliveries(1, 2);
    const id = deliveryIds[0]!;
    await store.transaction((s) =>
      s.dispatch.recordSubmitResults(
        [
          {
            deliveryId: id,
            kind: 'unavailable',
            reason: 'connection lost',
            partial: {
              parts: 4,
              concatReference: 77,
              accepted: [part('kpn', 'p1', at(0), 1), part('kpn', 'p2', at(0), 2)],
            },
          },
        ],
        at(SECOND),
        RULES,
        'worker',
      ),
    );
    assert.equal(await statusOf(id), 'queued');
    await receipt('kpn', 'p1', at(2 * SECOND));
    await receipt('kpn', 'p2', at(2 * SECOND));
    assert.equal(await statusOf(id), 'queued', 'two delivered parts of four deliver nothing');

    const [claimed] = await store.dispatch.claim('sms', 10, 'worker', at(3 * SECOND));
    assert.equal(claimed?.id, id);
    assert.equal(claimed?.priority, 2);
    assert.deepEqual(claimed?.smsResume, { parts: 4, concatReference: 77, smsc: 'kpn', acceptedParts: [1, 2] });

    await store.transaction((s) =>
      s.dispatch.recordSubmitResults(
        [
          {
            deliveryId: id,
            kind: 'accepted',
            parts: 4,
            concatReference: 77,
            accepted: [part('kpn', 'p3', at(4 * SECOND), 3), part('kpn', 'p4', at(4 * SECOND), 4)],
          },
        ],
        at(5 * SECOND),
        RULES,
        'worker',
      ),
    );
    await receipt('kpn', 'p3', at(6 * SECOND));
    assert.equal(await statusOf(id), 'submitted', 'three of four');
    await receipt('kpn', 'p4', at(7 * SECOND));
    assert.equal(await statusOf(id), 'delivered');
    const progress = await store.dispatch.progress(actionId);
    assert.equal(progress.byKind.alert.sms.delivered, 1);
  });
});
