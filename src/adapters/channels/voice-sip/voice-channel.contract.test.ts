import assert from 'node:assert/strict';
import { createSocket } from 'node:dgram';
import { after, describe, it } from 'node:test';
import { pino } from 'pino';
import { asMsisdn } from '../../../domain/participant/msisdn.js';
import { startSipp } from '../../../../test/support/sipp.js';
import { eventually } from '../../../../test/support/test-system.js';
import { createCachedSynthesizer } from '../../tts/cached-synthesizer.js';
import { createEspeakSynthesizer } from '../../tts/espeak-synthesizer.js';
import { readRtpPacket } from './rtp-packet.js';
import { createSipVoiceChannel, type SipVoiceChannelOptions } from './sip-voice-channel.js';
import { startVoiceSimulator, type SimulatedBehaviour } from './voice-simulator.js';

const synthesizer = createCachedSynthesizer(createEspeakSynthesizer({ voice: 'nl', wordsPerMinute: 150 }), {
  variant: 'contract',
  maxMemoryBytes: 50_000_000,
  directory: null,
});
const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
const TEXT = 'Test.';
const NUMBER = '+31201234567';

type Behaviour = Extract<SimulatedBehaviour, 'answer' | 'busy' | 'no-answer' | 'reject' | 'hang-up'>;

/** What the far end saw: calls that reached it, audio bytes that arrived, and the most calls up at once. */
interface PeerReport {
  readonly calls: number;
  readonly audioBytes: number;
  readonly peak: number;
}

/** A trunk with a phone behind it that behaves as told, for `calls` calls. */
interface Peer {
  readonly name: string;
  start(
    behaviour: Behaviour,
    transport: 'udp' | 'tcp',
    calls: number,
  ): Promise<{ port: number; report(): Promise<PeerReport>; stop(): Promise<void> }>;
}

const SIPP_SCENARIOS: Record<Behaviour, string> = {
  answer: 'uas-answer.xml',
  busy: 'uas-busy.xml',
  'no-answer': 'uas-no-answer.xml',
  reject: 'uas-reject.xml',
  'hang-up': 'uas-hangup.xml',
};

/** sipp as the trunk; the audio goes to a socket of ours (the SDP answer names it). */
const sippPeer: Peer = {
  name: 'sipp',
  async start(behaviour, transport, calls) {
    const sink = createSocket('udp4');
    let audioBytes = 0;
    sink.on('message', (data) => (audioBytes += readRtpPacket(data)?.payload.length ?? 0));
    await new Promise<void>((resolve) => sink.bind(0, '127.0.0.1', () => resolve()));
    const sipp = await startSipp({
      scenario: SIPP_SCENARIOS[behaviour],
      transport,
      calls,
      keys: { rtpport: sink.address().port, pt: 8, codec: 'PCMA' },
      args: ['-d', '1000'],
    });
    return {
      port: sipp.port,
      async report() {
        const result = await sipp.done;
        assert.equal(result.code, 0, result.errors);
        let up = 0;
        let peak = 0;
        for (const line of result.log) {
          if (line.startsWith('start ')) peak = Math.max(peak, ++up);
          if (line.startsWith('end ')) up -= 1;
        }
        return { calls, audioBytes, peak };
      },
      async stop() {
        await sipp.stop();
        sink.close();
      },
    };
  },
};

/** Our simulator as the trunk. */
const simulatorPeer: Peer = {
  name: 'simulator',
  async start(behaviour) {
    const simulator = await startVoiceSimulator({ hangUpAfterMs: 1_000 });
    simulator.behave(NUMBER, behaviour);
    return {
      port: simulator.port,
      async report() {
        await simulator.waitFor(() => simulator.activeCalls === 0);
        return {
          calls: simulator.calls.length,
          audioBytes: simulator.calls.reduce((n, c) => n + c.audioBytes, 0),
          peak: simulator.peakCalls,
        };
      },
      stop: () => simulator.close(),
    };
  },
};

function options(
  port: number,
  transport: 'udp' | 'tcp',
  overrides: Partial<SipVoiceChannelOptions> = {},
): SipVoiceChannelOptions {
  return {
    trunkHost: '127.0.0.1',
    trunkPort: port,
    transport,
    domain: 'trunk.test',
    credentials: null,
    callerId: '+318000011',
    callerName: 'Burgernet',
    localHost: null,
    localPort: 0,
    rtpPorts: null,
    maxConcurrentCalls: 60,
    ringTimeoutMs: 400,
    maxCallMs: 60_000,
    timers: { t1: 100, t2: 400 },
    pauseMs: 400,
    listenAfterMs: 0,
    maxRepeats: 3,
    ...overrides,
  };
}

const call = (n: number) => ({ callId: `contract-${n}`, to: asMsisdn(NUMBER), text: TEXT, closing: null, plays: 2 });

for (const peer of [sippPeer, simulatorPeer]) {
  describe(`voice channel contract against ${peer.name}`, () => {
    const cleanups: (() => Promise<void>)[] = [];
    after(async () => {
      for (const c of cleanups.reverse()) await c();
    });
    async function setUp(
      behaviour: Behaviour,
      transport: 'udp' | 'tcp',
      calls = 1,
      overrides: Partial<SipVoiceChannelOptions> = {},
    ) {
      const far = await peer.start(behaviour, transport, calls);
      cleanups.push(() => far.stop());
      const channel = await createSipVoiceChannel(options(far.port, transport, overrides), { synthesizer, logger });
      cleanups.push(() => channel.close());
      return { far, channel };
    }

    for (const transport of ['udp', 'tcp'] as const) {
      it(`an answered call delivers the message twice as audio (${transport})`, async () => {
        const { far, channel } = await setUp('answer', transport);
        const outcome = await channel.placeCall(call(1));
        const message = (await synthesizer.render(TEXT)).samples.length;
        const packets = Math.ceil((2 * message + 400 * 8) / 160);
        assert.deepEqual(outcome, { kind: 'answered', playedMs: packets * 20, repeats: 0, hungUpBy: 'us' });
        // The last datagrams may still be in the sink's socket when the far end reports: wait for them.
        await eventually(async () => assert.equal((await far.report()).audioBytes, packets * 160));
      });
    }

    it('busy', async () => {
      const { far, channel } = await setUp('busy', 'udp');
      assert.deepEqual(await channel.placeCall(call(1)), { kind: 'busy', sipStatus: 486 });
      assert.equal((await far.report()).audioBytes, 0);
    });

    it('no answer within the ring timeout', async () => {
      const { far, channel } = await setUp('no-answer', 'udp');
      assert.deepEqual(await channel.placeCall(call(1)), { kind: 'no-answer', sipStatus: null });
      await far.report();
    });

    it('rejected', async () => {
      const { far, channel } = await setUp('reject', 'udp');
      assert.deepEqual(await channel.placeCall(call(1)), { kind: 'rejected', sipStatus: 603 });
      await far.report();
    });

    it('the callee hangs up first', async () => {
      const { far, channel } = await setUp('hang-up', 'udp');
      const outcome = await channel.placeCall({
        ...call(1),
        text: 'Dit bericht is lang genoeg om niet binnen een seconde af te lopen, ook niet als het snel wordt uitgesproken.',
      });
      assert.equal(outcome.kind === 'answered' && outcome.hungUpBy, 'callee');
      // Packets already on their way when the callee hung up are not counted by the far end: at most a few.
      const sentBytes = outcome.kind === 'answered' ? (outcome.playedMs / 20) * 160 : -1;
      const received = (await far.report()).audioBytes;
      assert.ok(received <= sentBytes && received >= sentBytes - 5 * 160, `received ${received} of ${sentBytes} bytes`);
    });

    it('never more calls at once than the trunk limit', async () => {
      const { far, channel } = await setUp('answer', 'udp', 8, { maxConcurrentCalls: 3 });
      const outcomes = await Promise.all(
        Array.from({ length: 8 }, (_, i) => channel.placeCall({ ...call(i), plays: 1 })),
      );
      assert.ok(outcomes.every((o) => o.kind === 'answered'));
      const report = await far.report();
      assert.equal(report.calls, 8);
      assert.equal(report.peak, 3);
    });
  });
}
