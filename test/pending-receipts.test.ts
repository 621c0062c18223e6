import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestSystem, type TestSystem } from './support/test-system.js';

let t: TestSystem;
before(async () => {
  t = await startTestSystem();
});
after(() => t.stop());

test('a delivery receipt for no SMS of ours (a sign-up code) is dropped after a day; a fresh one waits for its part', async () => {
  const now = t.clock.now();
  await t.system.database.execute(
    `insert into pending_receipts (reference, status, received_at) values ('code-sms-old', 'delivered', $1), ('in-flight', 'delivered', $2)`,
    [new Date(now.getTime() - 25 * 3_600_000), new Date(now.getTime() - 60_000)],
  );
  await t.system.store.dispatch.reconcilePendingReceipts(now);
  const left = await t.system.database.query<{ reference: string }>(
    'select reference from pending_receipts order by reference',
  );
  assert.deepEqual(
    left.map((r) => r.reference),
    ['in-flight'],
  );
});
