import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pino } from 'pino';
import type { SmsReceipt } from '../../../app/ports/sms-channel.js';
import { asMsisdn } from '../../../domain/participant/msisdn.js';
import { SMSC_HEALTH_DEFAULTS } from '../../../domain/delivery/smsc-health.js';
import { createMultiSmscChannel } from './multi-smsc-channel.js';
import { createSmppChannel, type SmppChannel } from './smpp-channel.js';
import { startSmscSimulator, type SmscSimulator } from './smsc-simulator.js';

const logger = pino({ enabled: process.env.DEBUG_SMSC === '1', level: 'info' });
const clock = { now: () => new Date() };
const deps = { rules: SMSC_HEALTH_DEFAULTS, clock, logger };

function channelTo(profile: string, sim: SmscSimulator): SmppChannel {
  return createSmppChannel(
    {
      profile,
      host: sim.host,
      port: sim.port,
      systemId: 'burgernet',
      password: 'secret',
      systemType: '',
      sourceAddress: 'Burgernet',
      binds: 1,
      windowSize: 10,
      messagesPerSecond: 1_000,
      enquireLinkIntervalMs: 5_000,
      reconnectMinMs: 10,
      reconnectMaxMs: 200,
      submitTimeoutMs: 3_000,
    },
    { logger },
  );
}

const sms = (text: string) => ({
  deliveryId: text,
  to: asMsisdn('+31612345678'),
  text,
  validUntil: new Date(Date.now() + 3_600_000),
});

test('two SMSCs that hand out the same message ids: SMS go to the first, each receipt names the SMSC it came from', async () => {
  // Both number their messages from 1, as two providers (or one after a restart) do.
  const [kpn, vodafone] = await Promise.all([
    startSmscSimulator({ firstMessageId: 1 }),
    startSmscSimulator({ firstMessageId: 1 }),
  ]);
  const earlier = channelTo('vodafone', vodafone);
  const primary = channelTo('kpn', kpn);
  const channel = createMultiSmscChannel(
    [
      { channel: primary, priority: 1 },
      { channel: earlier, priority: null },
    ],
    deps,
  );
  const receipts: SmsReceipt[] = [];
  channel.onReceipt(async (r) => void receipts.push(r));
  try {
    await channel.ready();
    assert.equal(channel.profile, 'kpn');
    // What went to the previous provider before the change: its receipts are still to come.
    vodafone.holdReceipts();
    const before = await earlier.submit(sms('via vodafone'));
    const now = await channel.submit(sms('via kpn'));
    assert.equal(kpn.messages.length, 1);
    assert.equal(vodafone.messages.length, 1);
    const parts = [now, before].map((o) => (o.kind === 'accepted' ? o.accepted[0] : undefined));
    assert.deepEqual(
      parts.map((p) => [p?.smsc, p?.reference]),
      [
        ['kpn', '0000000001'],
        ['vodafone', '0000000001'],
      ],
    );

    await kpn.waitFor(() => receipts.length === 1);
    vodafone.sendReceipts();
    await vodafone.waitFor(() => receipts.length === 2);
    assert.deepEqual(
      receipts.map((r) => [r.smsc, r.reference]),
      [
        ['kpn', '0000000001'],
        ['vodafone', '0000000001'],
      ],
    );
  } finally {
    await channel.close();
    await Promise.all([kpn.close(), vodafone.close()]);
  }
});

test('profile names must differ', async () => {
  const sim = await startSmscSimulator();
  const [a, b] = [channelTo('zelfde', sim), channelTo('zelfde', sim)];
  try {
    assert.throws(
      () =>
        createMultiSmscChannel(
          [
            { channel: a, priority: 1 },
            { channel: b, priority: 2 },
          ],
          deps,
        ),
      /zelfde is named twice/,
    );
  } finally {
    await Promise.all([a.close(), b.close()]);
    await sim.close();
  }
});

/** Short enough for a test to watch a profile go down, be checked and come back. */
const FAST = {
  ...SMSC_HEALTH_DEFAULTS,
  receiptTimeoutMs: 400,
  minSample: 5,
  maxErrorAnswers: 3,
  unboundGraceMs: 300,
  probeAfterMs: 200,
  trialMessages: 3,
  minHealthyMs: 300,
};

/** A primary (kpn, priority 1) and a secondary (vodafone, priority 2), each on its own simulator. */
async function withTwoSmscs(
  run: (t: {
    kpn: SmscSimulator;
    vodafone: SmscSimulator;
    channel: ReturnType<typeof createMultiSmscChannel>;
    receipts: SmsReceipt[];
  }) => Promise<void>,
): Promise<void> {
  const [kpn, vodafone] = await Promise.all([startSmscSimulator(), startSmscSimulator()]);
  const channel = createMultiSmscChannel(
    [
      { channel: channelTo('kpn', kpn), priority: 1 },
      { channel: channelTo('vodafone', vodafone), priority: 2 },
    ],
    { ...deps, rules: FAST },
  );
  const receipts: SmsReceipt[] = [];
  channel.onReceipt(async (r) => void receipts.push(r));
  try {
    await channel.ready();
    await run({ kpn, vodafone, channel, receipts });
  } finally {
    await channel.close();
    await Promise.all([kpn.close(), vodafone.close()]);
  }
}

const stateOf = (channel: ReturnType<typeof createMultiSmscChannel>, profile: string) =>
  channel.health().find((h) => h.profile === profile);

async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

test('an SMSC that refuses binds is down at once: its SMS go to the next by priority, none is lost', async () => {
  await withTwoSmscs(async ({ kpn, vodafone, channel }) => {
    assert.equal((await channel.submit(sms('eerst'))).kind, 'accepted');
    assert.equal(kpn.messages.length, 1);
    kpn.refuseBinds();
    await until(() => stateOf(channel, 'kpn')?.state === 'down', 'kpn down');
    assert.equal(stateOf(channel, 'kpn')?.reason, 'bind-failed');
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => channel.submit(sms(`daarna ${i}`))));
    assert.deepEqual(new Set(outcomes.map((o) => o.kind)), new Set(['accepted']));
    assert.equal(vodafone.messages.length, 20);
    assert.equal(kpn.messages.length, 1);
    assert.equal(channel.profile, 'vodafone');
  });
});

test('an SMSC that answers with errors loses its traffic; the SMS it refused go to the next at once', async () => {
  await withTwoSmscs(async ({ kpn, vodafone, channel }) => {
    kpn.answerErrors();
    const outcomes = [];
    for (let i = 0; i < 10; i += 1) outcomes.push(await channel.submit(sms(`bericht ${i}`)));
    assert.ok(outcomes.every((o) => o.kind === 'accepted'));
    assert.equal(vodafone.messages.length, 10, 'each refused SMS went on to the next profile');
    assert.equal(kpn.submitCount, FAST.maxErrorAnswers, 'after that many errors, kpn gets none');
    assert.equal(stateOf(channel, 'kpn')?.reason, 'error-answers');
  });
});

test('receipts that stop coming take the SMSC down; back, it gets trial messages first and traffic only after the check', async () => {
  await withTwoSmscs(async ({ kpn, vodafone, channel, receipts }) => {
    kpn.holdReceipts();
    for (let i = 0; i < FAST.minSample; i += 1) await channel.submit(sms(`zonder ontvangst ${i}`));
    await until(() => stateOf(channel, 'kpn')?.state === 'down', 'kpn down');
    assert.equal(stateOf(channel, 'kpn')?.reason, 'receipts-missing');
    await channel.submit(sms('naar vodafone'));
    assert.equal(vodafone.messages.length, 1);

    kpn.sendReceipts();
    await until(() => stateOf(channel, 'kpn')?.state === 'half-open', 'kpn half-open');
    const before = kpn.messages.length;
    // While half-open it takes no more than the trial messages, however many are sent.
    for (let i = 0; i < 10 && stateOf(channel, 'kpn')?.state === 'half-open'; i += 1) {
      await channel.submit(sms(`proef ${i}`));
    }
    assert.ok(kpn.messages.length - before <= FAST.trialMessages, `${kpn.messages.length - before} trials`);
    await until(() => stateOf(channel, 'kpn')?.state === 'up', 'kpn up again');
    const back = kpn.messages.length;
    await channel.submit(sms('weer naar kpn'));
    assert.equal(kpn.messages.length, back + 1);
    assert.ok(receipts.some((r) => r.smsc === 'kpn'));
  });
});

test('a resumed SMS continues on the SMSC that has its first parts while it is up, else goes whole to the next under the same reference', async () => {
  await withTwoSmscs(async ({ kpn, vodafone, channel }) => {
    const long = 'Vermist: '.padEnd(300, 'lang bericht over een vermist kind ');
    const resume = { concatReference: 142, parts: 2, smsc: 'kpn', acceptedParts: [1] };
    const continued = await channel.submit({ ...sms(long), resume });
    assert.equal(continued.kind === 'accepted' && continued.accepted.map((p) => [p.smsc, p.part]).join(), 'kpn,2');

    kpn.refuseBinds();
    await until(() => stateOf(channel, 'kpn')?.state === 'down', 'kpn down');
    const whole = await channel.submit({ ...sms(long), resume });
    assert.equal(
      whole.kind === 'accepted' && whole.accepted.map((p) => [p.smsc, p.part]).join(),
      'vodafone,1,vodafone,2',
    );
    assert.deepEqual(
      vodafone.parts.map((p) => p.concat?.reference),
      [142, 142],
      'the phone puts the parts together with those it got before',
    );
  });
});
