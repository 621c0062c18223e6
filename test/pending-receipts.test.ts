import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { asMsisdn } from '../src/domain/participant/msisdn.js';
import { eventually, startTestSystem, type TestSystem } from './support/test-system.js';

let t: TestSystem;
const logLines: string[] = [];
before(async () => {
  t = await startTestSystem(
    { LOG_LEVEL: 'warn' },
    { logDestination: { write: (line: string) => void logLines.push(line) } },
  );
});
after(() => t.stop());

test('a receipt for no SMS part of ours waits out the hold, then is set aside, counted and logged: never credited', async () => {
  const simulator = t.system.sms.simulator!;
  simulator.receiptMode = 'unknown-id';
  // Sent past the dispatch (as a sign-up code is), so no part is stored for it; its receipt names an id never issued.
  const outcome = await t.system.sms.channel.submit({
    deliveryId: 'no-delivery',
    to: asMsisdn('+31612345678'),
    text: 'hallo',
    validUntil: new Date(Date.now() + 3_600_000),
  });
  assert.equal(outcome.kind, 'accepted');
  const reference = outcome.kind === 'accepted' ? `unknown-${outcome.accepted[0]!.reference}` : '';
  const waiting = () => t.system.database.query('select 1 from pending_receipts where reference = $1', [reference]);
  await eventually(async () => assert.equal((await waiting()).length, 1));

  // Past the hold: the next housekeeping round decides.
  t.clock.set(new Date(t.clock.now().getTime() + 61_000));
  const smsc = t.system.sms.channel.profile;
  await eventually(async () => {
    const aside = await t.system.database.query<{ smsc: string; reason: string }>(
      'select smsc, reason from unmatched_receipts where reference = $1',
      [reference],
    );
    assert.deepEqual(aside, [{ smsc, reason: 'no-part' }]);
  }, 20_000);
  assert.deepEqual(await waiting(), []);
  const warning = logLines.map((l) => JSON.parse(l)).find((l) => l.reference === reference);
  assert.equal(warning?.msg, 'sms receipt set aside: it matches no part with certainty');
  assert.equal(warning?.smsc, smsc);
  assert.equal(warning?.level, 40);
});
