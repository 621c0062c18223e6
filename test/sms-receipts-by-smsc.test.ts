import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { startSmscSimulator, type SmscSimulator } from '../src/adapters/channels/sms-smpp/smsc-simulator.js';
import {
  DAM,
  circle,
  progressOf,
  seedAmsterdam,
  settled,
  startAction,
  type StartedAction,
} from './support/sms-actions.js';
import { createTestDatabase } from './support/test-database.js';
import { eventually, startTestSystem, type ApiClient } from './support/test-system.js';

/** Bound to a simulator the test starts (and restarts) itself. */
const smscEnv = (smsc: SmscSimulator, profile: string) => ({
  SMSC: 'external',
  SMPP_HOST: smsc.host,
  SMPP_PORT: String(smsc.port),
  SMPP_PROFILE: profile,
});

const INBRAAK = { type: 'inbraak', message: 'Inbraak: man met rode jas en zwarte rugzak.', area: circle(DAM, 1_000) };
/** With the standard words around it, 4 SMS parts in GSM 7-bit. */
const LONG_MESSAGE =
  'Vermist: Sanne de Vries, 14 jaar, sinds vanmiddag 15:30 weg van huis aan de Prinsengracht. ' +
  'Ze is ongeveer 1,60 meter lang, heeft lang blond haar in een staart en draagt een donkerblauwe winterjas, ' +
  'een grijze spijkerbroek en witte sneakers. Ze heeft een zwarte rugzak bij zich en fietst mogelijk op een ' +
  'groene omafiets met een rood krat voorop. Zij is voor het laatst gezien bij station Centraal, ' +
  'richting het IJ. Zij heeft een telefoon bij zich maar neemt niet op.';

/** Every SMS of the action's alert handed to the SMSC, none waiting to go. */
async function allSubmitted(api: ApiClient, action: StartedAction) {
  await eventually(async () => {
    const p = await progressOf(api, action.id);
    assert.equal(
      p.byKind.alert.sms.submitted + p.byKind.alert.sms.delivered,
      action.recipients,
      JSON.stringify(p.totals),
    );
  }, 45_000);
}

async function assertAllDelivered(api: ApiClient, action: StartedAction) {
  const p = await settled(api, action);
  assert.equal(p.byKind.alert.sms.delivered, action.recipients, JSON.stringify(p.totals));
  assert.equal(p.receiptsSetAside, 0);
}

describe('delivery receipts when SMSC message ids repeat', () => {
  test('an SMSC restarted with its ids starting over between two actions: each action counts exactly its own receipts, and a 4-part SMS is not delivered on one part', async () => {
    let smsc = await startSmscSimulator({ firstMessageId: 1 });
    const port = smsc.port;
    const t = await startTestSystem(smscEnv(smsc, 'kpn'));
    try {
      await seedAmsterdam(t.system.database, 3_000);
      const centralist = t.api(await t.staffToken('centralist', 'RE05'));
      const first = await startAction(centralist, INBRAAK);
      assert.ok(first.recipients >= 100, `a few hundred recipients, got ${first.recipients}`);
      await assertAllDelivered(centralist, first);

      // The SMSC restarts and numbers its messages from 1 again; its receipts stall for a while.
      await smsc.close();
      smsc = await startSmscSimulator({ port, firstMessageId: 1 });
      const restarted = smsc;
      restarted.holdReceipts();
      await restarted.waitFor(() => restarted.sessionCount === 2, 15_000);
      const second = await startAction(centralist, { type: 'vermissing', message: LONG_MESSAGE, area: INBRAAK.area });
      await allSubmitted(centralist, second);
      const sent = restarted.messages.filter((m) => m.text === second.text);
      assert.equal(sent.length, second.recipients);
      assert.ok(sent.every((m) => m.parts === 4));
      assert.ok(
        sent.some((m) => m.messageIds.includes('0000000001')),
        'the restarted SMSC handed out the ids of the first action again',
      );

      // Only every first part's receipt: no SMS of the second action is delivered yet.
      const acked = restarted.receiptAcks.length;
      restarted.releaseReceipts((r) => r.sequence === 1);
      await restarted.waitFor(() => restarted.receiptAcks.length === acked + second.recipients, 15_000);
      const partly = await progressOf(centralist, second.id);
      assert.deepEqual(
        [partly.byKind.alert.sms.delivered, partly.byKind.alert.sms.submitted],
        [0, second.recipients],
        'one part of four delivers nothing',
      );

      restarted.sendReceipts();
      await assertAllDelivered(centralist, second);
      await assertAllDelivered(centralist, first);
    } finally {
      await t.stop();
      await smsc.close();
    }
  });

  test('a change of provider: receipts still to come from the previous SMSC are credited to its SMS, though the new one hands out the same ids', async () => {
    const [previous, next] = await Promise.all([
      startSmscSimulator({ firstMessageId: 1 }),
      startSmscSimulator({ firstMessageId: 1 }),
    ]);
    const testDatabase = await createTestDatabase();
    try {
      const before = await startTestSystem(smscEnv(previous, 'oud'), { testDatabase });
      let first: StartedAction;
      try {
        await seedAmsterdam(before.system.database, 3_000);
        previous.holdReceipts();
        const centralist = before.api(await before.staffToken('centralist', 'RE05'));
        first = await startAction(centralist, INBRAAK);
        await allSubmitted(centralist, first);
      } finally {
        await before.stop();
      }

      const after = await startTestSystem(
        {
          ...smscEnv(next, 'nieuw'),
          SMPP_SECONDARY_PROFILES: JSON.stringify([
            { name: 'oud', host: previous.host, port: previous.port, systemId: 'burgernet', password: 'secret' },
          ]),
        },
        { testDatabase },
      );
      try {
        const centralist = after.api(await after.staffToken('centralist', 'RE05'));
        // The same people, in the same order: the new SMSC gives their SMS the ids the old one gave the first action's.
        const second = await startAction(centralist, { ...INBRAAK, message: 'Inbraak: de man is gezien op de Dam.' });
        assert.equal(second.recipients, first.recipients);
        await assertAllDelivered(centralist, second);
        const waiting = await progressOf(centralist, first.id);
        assert.equal(
          waiting.byKind.alert.sms.submitted,
          first.recipients,
          'none of the new receipts went to the first action',
        );
        assert.equal(next.messages.filter((m) => m.text === second.text)[0]?.messageIds[0], '0000000001');

        previous.sendReceipts();
        await assertAllDelivered(centralist, first);
        await assertAllDelivered(centralist, second);
      } finally {
        await after.stop();
      }
    } finally {
      await Promise.all([previous.close(), next.close()]);
      await testDatabase.drop();
    }
  });
});
