import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { SmscSimulator } from '../src/adapters/channels/sms-smpp/smsc-simulator.js';
import {
  DAM,
  alertNumbersInStore,
  circle,
  countPerNumber,
  seedAmsterdam,
  sentTo,
  settled,
  startAction,
} from './support/sms-actions.js';
import { startTestSystem, type ApiClient, type TestSystem } from './support/test-system.js';

/** With the standard words around it, 3 SMS parts in GSM 7-bit. */
const THREE_PARTS =
  'Vermist: Sanne de Vries, 14 jaar, sinds vanmiddag 15:30 weg van huis aan de Prinsengracht. ' +
  'Ze is ongeveer 1,60 meter lang, heeft lang blond haar in een staart en draagt een donkerblauwe winterjas, ' +
  'een grijze spijkerbroek en witte sneakers. Ze heeft een zwarte rugzak bij zich en fietst mogelijk op een ' +
  'groene omafiets met een rood krat voorop.';

describe('SMS when the SMSC drops the connection every 500 submits', () => {
  /** submit_sm in flight per bind: the most a dropped connection can leave unanswered. */
  const WINDOW = 10;
  let t: TestSystem;
  let simulator: SmscSimulator;
  let centralist: ApiClient;

  before(async () => {
    t = await startTestSystem({ SMPP_WINDOW: String(WINDOW), DISPATCH_MAX_IN_FLIGHT: '200' });
    simulator = t.system.sms.simulator!;
    await seedAmsterdam(t.system.database, 3_000);
    centralist = t.api(await t.staffToken('centralist', 'RE05'));
  });
  after(() => t.stop());

  test('only the parts the SMSC did not acknowledge go again, under the same reference: everyone gets the whole alert once', async (context) => {
    simulator.dropEvery(500);
    const action = await startAction(centralist, {
      type: 'vermissing',
      message: THREE_PARTS,
      area: circle(DAM, 4_000),
    });
    assert.ok(action.recipients >= 1_000, `over a thousand recipients, got ${action.recipients}`);
    const progress = await settled(centralist, action, 120_000);
    simulator.dropEvery(null);
    assert.equal(progress.byKind.alert.sms.delivered, action.recipients, JSON.stringify(progress.totals));

    const counts = countPerNumber(sentTo(simulator, action.text));
    assert.deepEqual([...counts.keys()].sort(), await alertNumbersInStore(t.system.database, action.id));
    assert.deepEqual([...new Set(counts.values())], [1], 'every recipient reassembled the alert exactly once');
    assert.ok(simulator.messages.every((m) => m.parts === 3));

    // Guaranteed: a part the SMSC acknowledged is never sent again, so the copy whose answer we stored is the last
    // one of its part to reach the SMSC.
    const acknowledged = await t.system.database.query<{ msisdn: string; part: number; reference: string }>(
      `select d.msisdn, p.part, p.reference from sms_parts p join deliveries d on d.id = p.delivery_id
       where d.action_id = $1`,
      [action.id],
    );
    assert.equal(acknowledged.length, 3 * action.recipients, 'every part acknowledged once');
    const lastCopy = new Map<string, string>();
    for (const p of simulator.parts) lastCopy.set(`${p.to} ${p.concat?.sequence}`, p.messageId);
    const sentAfterAcknowledged = acknowledged.filter((a) => lastCopy.get(`${a.msisdn} ${a.part}`) !== a.reference);
    assert.deepEqual(sentAfterAcknowledged, [], 'no acknowledged part went again');

    // Not guaranteed: a part whose answer the drop swallowed may have reached the SMSC, and goes again (the phone
    // drops the copy: same number, reference and sequence). At most what was in flight: one window per drop.
    const stray = simulator.parts.length - 3 * action.recipients;
    context.diagnostic(
      `${stray} stray parts for ${action.recipients} recipients over ${simulator.drops} dropped connections: ` +
        `${((stray * 1_000) / action.recipients).toFixed(1)} per 1,000 recipients`,
    );
    assert.ok(simulator.drops >= 5, `${simulator.drops} drops`);
    assert.ok(stray <= simulator.drops * WINDOW, `${stray} stray parts, at most ${WINDOW} per drop`);
    assert.ok(simulator.incompleteMessages <= stray, 'no part under a new reference: only copies of parts sent');
  });
});
