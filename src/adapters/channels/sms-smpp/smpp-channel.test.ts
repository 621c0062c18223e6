import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { pino } from 'pino';
import type { OutboundSms, SmsReceipt, SmsSubmitOutcome } from '../../../app/ports/sms-channel.js';
import { asMsisdn } from '../../../domain/participant/msisdn.js';
import { createSmppChannel } from './smpp-channel.js';
import type { SmppChannel, SmppChannelConfig } from './smpp-channel.js';
import { SmppBindError } from './smpp-errors.js';
import { startSmscSimulator } from './smsc-simulator.js';
import type { SmscSimulator, SmscSimulatorOptions } from './smsc-simulator.js';

const logger = pino({ enabled: false });
const HOUR = 3_600_000;

const numberFor = (i: number): string => `+316${(10_000_000 + i).toString()}`;

let deliverySeq = 0;
const sms = (to: string, text: string, validUntil = new Date(Date.now() + HOUR)): OutboundSms => ({
  deliveryId: `delivery-${(deliverySeq += 1)}`,
  to: asMsisdn(to),
  text,
  validUntil,
});

function configFor(sim: SmscSimulator, overrides: Partial<SmppChannelConfig> = {}): SmppChannelConfig {
  return {
    profile: 'test-smsc',
    host: sim.host,
    port: sim.port,
    systemId: 'burgernet',
    password: 'secret',
    systemType: '',
    sourceAddress: 'Burgernet',
    binds: 2,
    windowSize: 20,
    messagesPerSecond: 20_000,
    enquireLinkIntervalMs: 5_000,
    reconnectMinMs: 10,
    reconnectMaxMs: 200,
    submitTimeoutMs: 3_000,
    throttlePauseMs: 20,
    throttleRecoveryMs: 200,
    ...overrides,
  };
}

interface Setup {
  readonly sim: SmscSimulator;
  readonly channel: SmppChannel;
  readonly receipts: SmsReceipt[];
}

/** A simulator and a bound channel whose receipts are collected; both closed afterwards. */
async function withChannel(
  options: { sim?: SmscSimulatorOptions; channel?: Partial<SmppChannelConfig>; collectReceipts?: boolean },
  run: (setup: Setup) => Promise<void>,
): Promise<void> {
  const sim = await startSmscSimulator({ ...options.sim });
  const channel = createSmppChannel(configFor(sim, options.channel), { logger });
  const receipts: SmsReceipt[] = [];
  if (options.collectReceipts ?? true) {
    channel.onReceipt(async (receipt) => {
      receipts.push(receipt);
    });
  }
  try {
    await channel.ready();
    await run({ sim, channel, receipts });
  } finally {
    await channel.close();
    await sim.close();
  }
}

/** The SMSC's message ids of the parts, in order. */
function accepted(outcome: SmsSubmitOutcome): readonly string[] {
  assert.equal(outcome.kind, 'accepted', JSON.stringify(outcome));
  return outcome.kind === 'accepted' ? outcome.accepted.map((p) => p.reference) : [];
}

describe('SMPP channel against the SMSC simulator', () => {
  test('a single SMS is accepted and its delivery receipt reaches the listener', async () => {
    await withChannel({}, async ({ sim, channel, receipts }) => {
      const validUntil = new Date(Date.now() + HOUR);
      const text = 'Burgernet: let op, rode jas.';
      const references = accepted(await channel.submit(sms('+31612345678', text, validUntil)));
      assert.equal(references.length, 1);

      const [message] = sim.messages;
      assert.equal(message?.to, '+31612345678');
      assert.equal(message?.from, 'Burgernet');
      assert.equal(message?.text, text);
      assert.equal(message?.encoding, 'gsm7');
      assert.deepEqual(message?.messageIds, references);
      assert.equal(message?.registeredDelivery, 1);
      assert.ok(message?.validUntil, 'validity_period present');
      assert.ok(Math.abs(message.validUntil.getTime() - validUntil.getTime()) < 1_000);

      await sim.waitFor(() => receipts.length === 1);
      assert.equal(receipts[0]?.reference, references[0]);
      assert.equal(receipts[0]?.smsc, 'test-smsc', 'a receipt names the SMSC connection profile it came from');
      assert.equal(receipts[0]?.status, 'delivered');
      await sim.waitFor(() => sim.receiptAcks.length === 1);
      assert.deepEqual(sim.receiptAcks, [{ messageId: references[0], status: 0 }]);
    });
  });

  test('an undeliverable receipt reaches the listener as failed', async () => {
    await withChannel({}, async ({ sim, channel, receipts }) => {
      sim.failNumberReceipt('+31611111111');
      const [reference] = accepted(await channel.submit(sms('+31611111111', 'hallo')));
      await sim.waitFor(() => receipts.length === 1);
      assert.deepEqual(
        receipts.map((r) => [r.reference, r.status]),
        [[reference, 'failed']],
      );
    });
  });

  test('a text with ë goes as UCS-2 and arrives intact, emoji included', async () => {
    await withChannel({}, async ({ sim, channel }) => {
      const text = 'Gezocht: Zoë (12), rode jas 😀';
      accepted(await channel.submit(sms('+31612345678', text)));
      assert.equal(sim.messages[0]?.encoding, 'ucs2');
      assert.equal(sim.messages[0]?.text, text);
    });
  });

  test('a 400-character text goes in 3 concatenated parts and is reassembled at the SMSC', async () => {
    await withChannel({}, async ({ sim, channel }) => {
      const text = 'Vermist: man, 80 jaar, grijze jas [€ 50 beloning] {zie foto}. '.repeat(7).slice(0, 400);
      const references = accepted(await channel.submit(sms('+31612345678', text)));
      assert.equal(references.length, 3);
      assert.equal(sim.messages.length, 1);
      assert.equal(sim.messages[0]?.parts, 3);
      assert.equal(sim.messages[0]?.encoding, 'gsm7');
      assert.equal(sim.messages[0]?.text, text);
      assert.deepEqual(sim.messages[0]?.messageIds, references);
    });
  });

  test('a message cut short by a dropped connection keeps its acknowledged parts; resuming sends only the others, under the same reference', async () => {
    const options = { sim: { receiptMode: 'none' }, channel: { binds: 1 } } as const;
    await withChannel(options, async ({ sim, channel }) => {
      const text = 'Vermist: Daan (9), groene jas, blauwe pet, rode fiets. '.repeat(8).slice(0, 450);
      sim.dropAfter(2);
      const first = await channel.submit(sms('+31612345678', text));
      assert.equal(first.kind, 'unavailable');
      const partial = first.kind === 'unavailable' ? first.partial : undefined;
      assert.ok(partial, 'the outcome keeps what the SMSC acknowledged');
      assert.equal(partial.parts, 3);
      assert.deepEqual(
        partial.accepted.map((p) => [p.part, p.smsc]),
        [[1, 'test-smsc']],
      );
      assert.equal(sim.messages.length, 0);

      const resumed = await channel.submit({
        ...sms('+31612345678', text),
        resume: { concatReference: partial.concatReference, parts: 3, smsc: 'test-smsc', acceptedParts: [1] },
      });
      assert.equal(resumed.kind, 'accepted');
      assert.deepEqual(resumed.kind === 'accepted' ? resumed.accepted.map((p) => p.part) : [], [2, 3]);
      assert.equal(sim.messages.length, 1, 'the SMSC reassembled one message');
      assert.equal(sim.messages[0]?.text, text);
      assert.equal(sim.parts.length, 3, 'no part went twice');
      assert.equal(sim.incompleteMessages, 0);
    });
  });

  test("an SMS carries its action's priority as priority_flag, and a code SMS asks for no receipt", async () => {
    await withChannel({}, async ({ sim, channel, receipts }) => {
      accepted(await channel.submit({ ...sms(numberFor(1), 'inbraak'), priority: 0 }));
      accepted(await channel.submit({ ...sms(numberFor(2), 'vermist'), priority: 1 }));
      accepted(await channel.submit({ ...sms(numberFor(3), 'vermist kind'), priority: 2 }));
      accepted(await channel.submit({ ...sms(numberFor(4), 'code 123456'), receipts: 'none' }));
      assert.deepEqual(
        sim.messages.map((m) => [m.text, m.priorityFlag, m.registeredDelivery]),
        [
          ['inbraak', 0, 1],
          ['vermist', 2, 1],
          ['vermist kind', 3, 1],
          ['code 123456', 0, 0],
        ],
      );
      await sim.waitFor(() => receipts.length === 3);
    });
  });

  test('a long UCS-2 text with 16-bit concatenation references is reassembled', async () => {
    await withChannel({ channel: { concatReferenceBits: 16 } }, async ({ sim, channel }) => {
      const text = 'Zoë 😀 '.repeat(40);
      const references = accepted(await channel.submit(sms('+31612345678', text)));
      assert.equal(references.length, sim.messages[0]?.parts);
      assert.ok(references.length > 1);
      assert.equal(sim.messages[0]?.text, text);
    });
  });

  test('a wrong password fails the bind with a clear error and submits end unavailable', async () => {
    const sim = await startSmscSimulator();
    const channel = createSmppChannel(configFor(sim, { password: 'wrong', binds: 1, submitTimeoutMs: 200 }), {
      logger,
    });
    try {
      await assert.rejects(channel.ready(), (error: unknown) => {
        assert.ok(error instanceof SmppBindError);
        assert.equal(error.code, 'smpp.bind-refused');
        assert.equal(error.status, 0x0d);
        assert.match(error.message, /ESME_RBINDFAIL/);
        return true;
      });
      assert.deepEqual(await channel.submit(sms('+31612345678', 'hallo')), {
        kind: 'unavailable',
        reason: 'no SMPP bind available',
      });
      assert.equal(sim.bindCount, 0);
    } finally {
      await channel.close();
      await sim.close();
    }
  });

  test('an unreachable SMSC fails ready() with a connect error', async () => {
    const sim = await startSmscSimulator();
    const config = configFor(sim, { binds: 1 });
    await sim.close();
    const channel = createSmppChannel(config, { logger });
    try {
      await assert.rejects(channel.ready(), { name: 'SmppBindError', code: 'smpp.connect-failed' });
    } finally {
      await channel.close();
    }
  });

  test('a number the SMSC refuses ends rejected, others still go', async () => {
    await withChannel({}, async ({ sim, channel }) => {
      sim.rejectNumber('+31600000000');
      assert.deepEqual(await channel.submit(sms('+31600000000', 'hallo')), {
        kind: 'rejected',
        reason: 'smpp:ESME_RINVDSTADR',
      });
      accepted(await channel.submit(sms('+31612345678', 'hallo')));
      assert.equal(sim.messages.length, 1);
    });
  });

  test('an SMS past its validity is rejected without reaching the SMSC', async () => {
    await withChannel({}, async ({ sim, channel }) => {
      const outcome = await channel.submit(sms('+31612345678', 'te laat', new Date(Date.now() - 1)));
      assert.deepEqual(outcome, { kind: 'rejected', reason: 'sms:expired-before-submit' });
      assert.equal(sim.submitCount, 0);
    });
  });

  test('throttling of 50 submits while sending 500 slows down but loses and duplicates nothing', async () => {
    await withChannel({ sim: { receiptMode: 'none' } }, async ({ sim, channel }) => {
      sim.throttle(50);
      const outcomes = await Promise.all(
        Array.from({ length: 500 }, (_, i) => channel.submit(sms(numberFor(i), `bericht ${i}`))),
      );
      assert.deepEqual(
        outcomes.filter((o) => o.kind !== 'accepted'),
        [],
      );
      assert.equal(sim.messages.length, 500);
      assert.equal(sim.submitCount, 550);
      for (let i = 0; i < 500; i += 1) assert.equal(sim.countByNumber(numberFor(i)), 1);
    });
  });

  test('an SMS throttled more often than maxThrottleRetries ends unavailable', async () => {
    const overrides = { binds: 1, maxThrottleRetries: 3, throttlePauseMs: 1 };
    await withChannel({ sim: { receiptMode: 'none' }, channel: overrides }, async ({ sim, channel }) => {
      sim.throttle(1_000);
      assert.deepEqual(await channel.submit(sms('+31612345678', 'hallo')), {
        kind: 'unavailable',
        reason: 'smpp:ESME_RTHROTTLED',
      });
      assert.equal(sim.submitCount, 4);
    });
  });

  test('dropped connections mid-run: each SMS ends accepted or unavailable, resubmitting completes', async () => {
    await withChannel({ sim: { receiptMode: 'none' } }, async ({ sim, channel }) => {
      const numbers = Array.from({ length: 2_000 }, (_, i) => numberFor(i));
      const run = Promise.all(numbers.map((to) => channel.submit(sms(to, `bericht voor ${to}`))));
      await sim.waitFor(() => sim.submitCount >= 600);
      sim.dropConnections();
      const outcomes = await run;

      const unavailable = new Set<string>();
      outcomes.forEach((outcome, i) => {
        assert.notEqual(outcome.kind, 'rejected', JSON.stringify(outcome));
        if (outcome.kind === 'unavailable') unavailable.add(numbers[i] ?? '');
      });
      assert.ok(unavailable.size <= 2 * 20, 'only what was in flight (two binds, window 20) is unavailable');

      let retry = [...unavailable];
      for (let round = 0; retry.length > 0 && round < 3; round += 1) {
        const again = await Promise.all(retry.map((to) => channel.submit(sms(to, `bericht voor ${to}`))));
        retry = retry.filter((_, i) => again[i]?.kind !== 'accepted');
      }
      assert.deepEqual(retry, []);
      for (const to of numbers) {
        const count = sim.countByNumber(to);
        assert.ok(count >= 1, `${to} reached the SMSC`);
        if (count > 1) assert.ok(unavailable.has(to), `${to} duplicated but was never unavailable`);
      }
      assert.ok(sim.bindCount >= 4, 'both binds reconnected');
    });
  });

  test('a connection dropped without answering makes exactly that SMS unavailable', async () => {
    const options = { sim: { receiptMode: 'none' }, channel: { binds: 1, windowSize: 1 } } as const;
    await withChannel(options, async ({ sim, channel }) => {
      sim.dropAfter(5);
      const outcomes: SmsSubmitOutcome[] = [];
      for (let i = 0; i < 8; i += 1) outcomes.push(await channel.submit(sms(numberFor(i), 'hallo')));
      assert.deepEqual(
        outcomes.map((o) => o.kind),
        ['accepted', 'accepted', 'accepted', 'accepted', 'unavailable', 'accepted', 'accepted', 'accepted'],
      );
      assert.deepEqual(outcomes[4], { kind: 'unavailable', reason: 'connection lost' });
      assert.equal(sim.countByNumber(numberFor(4)), 0);
    });
  });

  test('receipts sent twice both reach the listener', async () => {
    await withChannel({ sim: { receiptMode: 'twice' } }, async ({ sim, channel, receipts }) => {
      const [reference] = accepted(await channel.submit(sms('+31612345678', 'hallo')));
      await sim.waitFor(() => receipts.length === 2);
      assert.deepEqual(
        receipts.map((r) => r.reference),
        [reference, reference],
      );
    });
  });

  test('a receipt arriving before the submit response still reaches the listener', async () => {
    await withChannel({ sim: { receiptMode: 'before-response' } }, async ({ sim, channel, receipts }) => {
      const references = await Promise.all(
        [1, 2, 3].map(async (i) => accepted(await channel.submit(sms(numberFor(i), 'hallo')))[0]),
      );
      await sim.waitFor(() => receipts.length === 3);
      assert.deepEqual(new Set(receipts.map((r) => r.reference)), new Set(references));
    });
  });

  test('a receipt for an unknown message id is passed on and the channel keeps working', async () => {
    await withChannel({ sim: { receiptMode: 'unknown-id' } }, async ({ sim, channel, receipts }) => {
      const [reference] = accepted(await channel.submit(sms('+31612345678', 'hallo')));
      await sim.waitFor(() => receipts.length === 1);
      assert.equal(receipts[0]?.reference, `unknown-${reference}`);
      sim.receiptMode = 'normal';
      const [second] = accepted(await channel.submit(sms('+31612345678', 'nog een')));
      await sim.waitFor(() => receipts.some((r) => r.reference === second));
    });
  });

  test('a listener that fails gets the receipt again: the SMSC saw ESME_RSYSERR first', async () => {
    await withChannel({ collectReceipts: false }, async ({ sim, channel }) => {
      const seen: string[] = [];
      channel.onReceipt(async (receipt) => {
        seen.push(receipt.reference);
        if (seen.length === 1) throw new Error('database unavailable');
      });
      const [reference] = accepted(await channel.submit(sms('+31612345678', 'hallo')));
      await sim.waitFor(() => sim.receiptAcks.length === 2);
      assert.deepEqual(sim.receiptAcks, [
        { messageId: reference, status: 0x08 },
        { messageId: reference, status: 0 },
      ]);
      assert.deepEqual(seen, [reference, reference]);
    });
  });

  test('messages are spread over several binds', async () => {
    await withChannel({ sim: { receiptMode: 'none' }, channel: { binds: 3 } }, async ({ sim, channel }) => {
      assert.equal(sim.sessionCount, 3);
      await Promise.all(Array.from({ length: 60 }, (_, i) => channel.submit(sms(numberFor(i), 'hallo'))));
      assert.equal(new Set(sim.messages.flatMap((m) => m.sessionIds)).size, 3);
    });
  });

  test('binds send enquire_link and answer the SMSC enquire_link', async () => {
    await withChannel({ channel: { binds: 2, enquireLinkIntervalMs: 20 } }, async ({ sim }) => {
      await sim.waitFor(() => sim.enquireLinkCount >= 4);
      sim.sendEnquireLink();
      await sim.waitFor(() => sim.enquireLinkResponses === 2);
    });
  });

  test('a hung SMSC times the submit out and the bind reconnects once it answers again', async () => {
    const overrides = { binds: 1, enquireLinkIntervalMs: 50, submitTimeoutMs: 300 };
    await withChannel({ sim: { receiptMode: 'none' }, channel: overrides }, async ({ sim, channel }) => {
      sim.stopResponding();
      // The submit times out, or the failing enquire_link drops the connection first.
      const outcome = await channel.submit(sms('+31612345678', 'hallo'));
      assert.equal(outcome.kind, 'unavailable');
      sim.resumeResponding();
      await sim.waitFor(() => sim.bindCount >= 2);
      accepted(await channel.submit(sms('+31612345678', 'weer')));
    });
  });

  test('close() resolves queued and in-flight submits as unavailable', async () => {
    const overrides = { binds: 1, windowSize: 1, submitTimeoutMs: 300 };
    await withChannel({ sim: { receiptMode: 'none' }, channel: overrides }, async ({ sim, channel }) => {
      sim.stopResponding();
      const inFlight = channel.submit(sms('+31612345678', 'een'));
      const queued = channel.submit(sms('+31612345679', 'twee'));
      await sim.waitFor(() => sim.submitCount === 1);
      await channel.close();
      assert.deepEqual(await queued, { kind: 'unavailable', reason: 'channel closed' });
      assert.equal((await inFlight).kind, 'unavailable');
      assert.deepEqual(await channel.submit(sms('+31612345678', 'drie')), {
        kind: 'unavailable',
        reason: 'channel closed',
      });
    });
  });
});
