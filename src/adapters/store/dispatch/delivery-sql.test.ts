import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { ACTION_STATUSES, type ActionStatus } from '../../../domain/action/action-status.js';
import type { DeliveryEvent, DeliveryEventKind } from '../../../domain/delivery/delivery-event.js';
import { DELIVERY_STATUSES, isFinal, type DeliveryStatus } from '../../../domain/delivery/delivery-status.js';
import { nextDelivery } from '../../../domain/delivery/delivery-transition.js';
import { MESSAGE_KINDS, type MessageKind } from '../../../domain/delivery/message-kind.js';
import { MAX_ATTEMPTS, RETRY_CAUSES, type RetryCause } from '../../../domain/delivery/requeue.js';
import { SET_ASIDE_REASONS } from '../../../domain/delivery/receipt-matching.js';
import { SMS_PART_STATUSES, partsEvent, type SmsPartStatus } from '../../../domain/delivery/sms-parts.js';
import { migrate } from '../migrate.js';
import { PARTS_EVENTS, sqlLiteral, sqlPartsEvent, statusesMovedBy, transition, type RowFacts } from './delivery-sql.js';

let testDatabase: TestDatabase;
before(async () => {
  testDatabase = await createTestDatabase();
  await migrate(testDatabase.database);
});
after(() => testDatabase.drop());

/** The words a CHECK of the migrated schema allows in a column. */
async function allowed(table: string, column: string): Promise<string[]> {
  const rows = await testDatabase.database.query<{ definition: string }>(
    `select pg_get_constraintdef(c.oid) as definition from pg_constraint c
     where c.conrelid = $1::regclass and c.contype = 'c' and pg_get_constraintdef(c.oid) like $2`,
    [table, `%(${column} = ANY%`],
  );
  assert.equal(rows.length, 1, `one CHECK on ${table}.${column}`);
  return [...rows[0]!.definition.matchAll(/'([^']+)'::text/g)].map((m) => m[1]!).sort();
}

test('the CHECKs of the schema allow exactly the statuses and kinds of the domain', async () => {
  assert.deepEqual(await allowed('deliveries', 'status'), [...DELIVERY_STATUSES].sort());
  assert.deepEqual(await allowed('action_messages', 'kind'), [...MESSAGE_KINDS].sort());
  assert.deepEqual(await allowed('sms_parts', 'status'), [...SMS_PART_STATUSES].sort());
  assert.deepEqual(await allowed('unmatched_receipts', 'reason'), [...SET_ASIDE_REASONS].sort());
});

interface Row {
  current: DeliveryStatus;
  attempts: number;
  action_status: ActionStatus;
  kind: MessageKind;
  event: DeliveryEventKind;
  cause: RetryCause | null;
  next: DeliveryStatus;
  final: boolean | null;
}

const needsCause = (kind: DeliveryEventKind) => kind === 'send-failed-retryable';

function domainEvent(r: Row): DeliveryEvent {
  switch (r.event) {
    case 'send-failed-retryable':
      return { kind: r.event, cause: r.cause!, messageKind: r.kind, actionStatus: r.action_status };
    case 'handed-back':
      return { kind: r.event, messageKind: r.kind, actionStatus: r.action_status };
    case 'action-ended':
      return { kind: r.event, messageKind: r.kind };
    default:
      return { kind: r.event };
  }
}

/**
 * Runs the SQL of a transition over every state, action, kind and event, and compares each row with nextDelivery.
 * A statement with an event per row touches only the statuses all its events move from (a call's outcome only a
 * delivery still sending).
 */
async function assertCarriesOut(
  facts: Omit<RowFacts, 'status' | 'attempts' | 'actionStatus' | 'messageKind'>,
  kinds: readonly DeliveryEventKind[],
) {
  const t = transition({
    status: 'd.status',
    attempts: 'd.attempts',
    actionStatus: 'a.status',
    messageKind: 'm.kind',
    ...facts,
  });
  const fixedCause = typeof facts.cause === 'string' ? facts.cause : null;
  const deliveries = DELIVERY_STATUSES.flatMap((s) =>
    [0, 1, MAX_ATTEMPTS - 1, MAX_ATTEMPTS, MAX_ATTEMPTS + 1].map((n) => `(${sqlLiteral(s)}, ${n})`),
  );
  const events = kinds.flatMap((k) =>
    (needsCause(k) && fixedCause === null ? RETRY_CAUSES : [fixedCause]).map(
      (c) => `(${sqlLiteral(k)}, ${c === null ? 'null::text' : sqlLiteral(c)})`,
    ),
  );
  const rows = await testDatabase.database.query<Row>(
    `select d.status as current, d.attempts, a.status as action_status, m.kind, r.event, r.cause,
            case when ${t.where} then ${t.status} else d.status end as next,
            case when ${t.where} then ${t.is(isFinal)} end as final
     from (values ${deliveries.join(', ')}) as d(status, attempts)
     cross join (values ${ACTION_STATUSES.map((s) => `(${sqlLiteral(s)})`).join(', ')}) as a(status)
     cross join (values ${MESSAGE_KINDS.map((k) => `(${sqlLiteral(k)})`).join(', ')}) as m(kind)
     cross join (values ${events.join(', ')}) as r(event, cause)`,
  );
  assert.equal(rows.length, deliveries.length * ACTION_STATUSES.length * MESSAGE_KINDS.length * events.length);
  for (const r of rows) {
    const touched = statusesMovedBy(...kinds).includes(r.current);
    const state = { status: r.current, attempts: r.attempts };
    const expected = touched ? nextDelivery(state, domainEvent({ ...r, cause: r.cause ?? fixedCause })) : state;
    const where = `${r.event}${r.cause === null ? '' : ` (${r.cause})`} on ${r.current} after ${r.attempts}, ${r.kind} of an action ${r.action_status}`;
    assert.equal(r.next, expected.status, where);
    if (expected.status !== r.current) assert.equal(r.final, isFinal(expected.status), `final_at: ${where}`);
    else assert.equal(r.final, null, `untouched: ${where}`);
  }
}

describe('the SQL carries out what the domain decides, row by row on the database', () => {
  const plain: DeliveryEventKind[] = [
    'claimed',
    'deferred',
    'submitted',
    'receipt-delivered',
    'receipt-failed',
    'expired',
    'send-failed-final',
    'recipient-erased',
  ];
  for (const kind of plain) test(`${kind}`, () => assertCarriesOut({ event: kind }, [kind]));

  test('handed-back (a worker stopped)', () => assertCarriesOut({ event: 'handed-back' }, ['handed-back']));
  test('action-ended', () => assertCarriesOut({ event: 'action-ended' }, ['action-ended']));
  test('send-failed-retryable because the SMSC could not take it', () =>
    assertCarriesOut({ event: 'send-failed-retryable', cause: 'channel-unavailable' }, ['send-failed-retryable']));

  test('a call: answered, failed or to be tried again, per row, for either cause', () => {
    const kinds: DeliveryEventKind[] = ['receipt-delivered', 'send-failed-final', 'send-failed-retryable'];
    return assertCarriesOut({ event: { column: 'r.event', kinds }, cause: { column: 'r.cause' } }, kinds);
  });

  test("the receipts of a delivery's parts, per row", () =>
    assertCarriesOut({ event: { column: 'r.event', kinds: PARTS_EVENTS } }, PARTS_EVENTS));
});

test("the aggregate over a delivery's parts gives the event the domain gives, for every mix of up to three parts, all stored or not", async () => {
  const mixes: SmsPartStatus[][] = [[]];
  for (let n = 0; n < 3; n++)
    mixes.push(...mixes.filter((m) => m.length === n).flatMap((m) => SMS_PART_STATUSES.map((s) => [...m, s])));
  // Each mix as the whole SMS, and as the parts stored of an SMS with one part more (an attempt cut short).
  const cases = mixes.slice(1).flatMap((m) => [
    { statuses: m, total: m.length },
    { statuses: m, total: m.length + 1 },
  ]);
  const parts = cases.flatMap((c, id) => c.statuses.map((s, i) => `(${id}, ${i + 1}, ${c.total}, ${sqlLiteral(s)})`));
  const rows = await testDatabase.database.query<{ id: number; event: string | null }>(
    `select id, ${sqlPartsEvent({ status: 'status', part: 'part', parts: 'parts' })} as event
     from (values ${parts.join(', ')}) as p(id, part, parts, status) group by id`,
  );
  assert.equal(rows.length, cases.length);
  for (const r of rows) {
    const c = cases[r.id]!;
    assert.equal(r.event, partsEvent(c.statuses, c.total), `parts ${c.statuses.join(', ')} of ${c.total}`);
  }
});
