import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pino } from 'pino';
import type { SmsReceipt } from '../../../app/ports/sms-channel.js';
import { asMsisdn } from '../../../domain/participant/msisdn.js';
import { createMultiSmscChannel } from './multi-smsc-channel.js';
import { createSmppChannel, type SmppChannel } from './smpp-channel.js';
import { startSmscSimulator, type SmscSimulator } from './smsc-simulator.js';

const logger = pino({ enabled: false });

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
  const channel = createMultiSmscChannel([primary, earlier]);
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
    assert.throws(() => createMultiSmscChannel([a, b]), /zelfde is named twice/);
  } finally {
    await Promise.all([a.close(), b.close()]);
    await sim.close();
  }
});
