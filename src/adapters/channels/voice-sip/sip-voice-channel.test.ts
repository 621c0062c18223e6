import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';
import { after, describe, it } from 'node:test';
import { pino } from 'pino';
import { asMsisdn } from '../../../domain/participant/msisdn.js';
import { startSipp } from '../../../../test/support/sipp.js';
import { createCachedSynthesizer } from '../../tts/cached-synthesizer.js';
import { createEspeakSynthesizer } from '../../tts/espeak-synthesizer.js';
import { readRtpPacket, writeRtpPacket, writeTelephoneEvent, type RtpPacket } from './rtp-packet.js';
import { createSipVoiceChannel, type SipVoiceChannelOptions } from './sip-voice-channel.js';

const synthesizer = createCachedSynthesizer(createEspeakSynthesizer({ voice: 'nl', wordsPerMinute: 150 }), {
  variant: 'test',
  maxMemoryBytes: 50_000_000,
  directory: null,
});
const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
const TEXT = 'Vermist: Sanne, acht jaar.';
const CLOSING = 'Bel gratis 0800-0011.';
const PAUSE_MS = 400;
const LISTEN_MS = 200;

function channelOptions(port: number, overrides: Partial<SipVoiceChannelOptions> = {}): SipVoiceChannelOptions {
  return {
    trunkHost: '127.0.0.1',
    trunkPort: port,
    transport: 'udp',
    domain: 'trunk.test',
    credentials: null,
    callerId: '+318000011',
    callerName: 'Burgernet',
    localHost: null,
    localPort: 0,
    rtpPorts: null,
    maxConcurrentCalls: 60,
    ringTimeoutMs: 30_000,
    maxCallMs: 60_000,
    timers: { t1: 100, t2: 400 },
    pauseMs: PAUSE_MS,
    listenAfterMs: LISTEN_MS,
    maxRepeats: 3,
    ...overrides,
  };
}

/** A UDP socket standing in for the callee's media: records every RTP packet. */
async function rtpSink(): Promise<{
  socket: Socket;
  port: number;
  packets: (RtpPacket & { from: { address: string; port: number } })[];
  close(): void;
}> {
  const socket = createSocket('udp4');
  const packets: (RtpPacket & { from: { address: string; port: number } })[] = [];
  socket.on('message', (data, from) => {
    const p = readRtpPacket(data);
    if (p !== null)
      packets.push({ ...p, payload: Buffer.from(p.payload), from: { address: from.address, port: from.port } });
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()));
  return { socket, port: socket.address().port, packets, close: () => socket.close() };
}

/** Packets the script takes: the message `plays` times with pauses, the closing after a pause, then listening. */
async function expectedPackets(plays: number): Promise<number> {
  const message = (await synthesizer.render(TEXT)).samples.length;
  const closing = (await synthesizer.render(CLOSING)).samples.length;
  const pause = PAUSE_MS * 8;
  return Math.ceil((plays * message + (plays - 1) * pause + pause + closing + LISTEN_MS * 8) / 160);
}

const call = (n = 1) => ({ callId: `test-${n}`, to: asMsisdn('+31201234567'), text: TEXT, closing: CLOSING, plays: 2 });

describe('SIP voice channel against sipp', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  after(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('calls, plays the message twice and the closing as RTP of the right length, and hangs up', async () => {
    const sink = await rtpSink();
    cleanups.push(() => sink.close());
    const sipp = await startSipp({
      scenario: 'uas-answer.xml',
      transport: 'udp',
      calls: 1,
      keys: { rtpport: sink.port, pt: 8, codec: 'PCMA' },
    });
    cleanups.push(() => sipp.stop());
    const channel = await createSipVoiceChannel(channelOptions(sipp.port), { synthesizer, logger });
    cleanups.push(() => channel.close());

    const outcome = await channel.placeCall(call());
    const result = await sipp.done;
    assert.equal(result.code, 0, result.errors);
    const expected = await expectedPackets(2);
    assert.deepEqual(outcome, { kind: 'answered', playedMs: expected * 20, repeats: 0, hungUpBy: 'us' });
    assert.equal(sink.packets.length, expected);
    const first = sink.packets[0]!;
    assert.equal(first.marker, true);
    for (let i = 0; i < sink.packets.length; i++) {
      const p = sink.packets[i]!;
      assert.equal(p.payloadType, 8);
      assert.equal(p.payload.length, 160);
      assert.equal(p.ssrc, first.ssrc);
      assert.equal(p.sequence, (first.sequence + i) & 0xffff);
      assert.equal(p.timestamp, (first.timestamp + i * 160) >>> 0);
      if (i > 0) assert.equal(p.marker, false);
    }
    // The audio is the rendered message in A-law.
    const alaw = (await synthesizer.render(TEXT)).alaw;
    assert.deepEqual(first.payload, Buffer.from(alaw.subarray(0, 160)));
  });

  it('reports busy on 486 and acknowledges it in the same transaction', async () => {
    const sipp = await startSipp({ scenario: 'uas-busy.xml', transport: 'udp', calls: 1 });
    cleanups.push(() => sipp.stop());
    const channel = await createSipVoiceChannel(channelOptions(sipp.port), { synthesizer, logger });
    cleanups.push(() => channel.close());
    assert.deepEqual(await channel.placeCall(call()), { kind: 'busy', sipStatus: 486 });
    const result = await sipp.done;
    assert.equal(result.code, 0, result.errors);
  });

  it('cancels a call nobody answers within the ring timeout (CANCEL matching the INVITE)', async () => {
    const sipp = await startSipp({ scenario: 'uas-no-answer.xml', transport: 'udp', calls: 1 });
    cleanups.push(() => sipp.stop());
    const channel = await createSipVoiceChannel(channelOptions(sipp.port, { ringTimeoutMs: 300 }), {
      synthesizer,
      logger,
    });
    cleanups.push(() => channel.close());
    assert.deepEqual(await channel.placeCall(call()), { kind: 'no-answer', sipStatus: null });
    const result = await sipp.done;
    assert.equal(result.code, 0, result.errors);
    const invite = result.log.find((l) => l.startsWith('invite '))!.split(' ');
    const cancel = result.log.find((l) => l.startsWith('cancel '))!.split(' ');
    assert.deepEqual(cancel.slice(1), invite.slice(1), "CANCEL carries the INVITE's CSeq number and branch");
  });

  it('answers a 401 digest challenge (MD5, qop=auth) that the trunk verifies', async () => {
    const sink = await rtpSink();
    cleanups.push(() => sink.close());
    const keys = { rtpport: sink.port, username: 'burgernet', password: 'geheim' };
    const sipp = await startSipp({ scenario: 'uas-digest-401.xml', transport: 'udp', calls: 1, keys });
    cleanups.push(() => sipp.stop());
    const credentials = { username: 'burgernet', password: 'geheim' };
    const channel = await createSipVoiceChannel(channelOptions(sipp.port, { credentials }), { synthesizer, logger });
    cleanups.push(() => channel.close());
    const outcome = await channel.placeCall({ ...call(), closing: null, plays: 1 });
    assert.equal(outcome.kind, 'answered');
    assert.equal((await sipp.done).code, 0);
    // The answer chose PCMU only: the audio is µ-law with payload type 0.
    assert.ok(sink.packets.length > 0);
    assert.ok(sink.packets.every((p) => p.payloadType === 0));
    assert.deepEqual(sink.packets[0]!.payload, Buffer.from((await synthesizer.render(TEXT)).ulaw.subarray(0, 160)));
  });

  it('answers a 407 proxy challenge with Proxy-Authorization', async () => {
    const sipp = await startSipp({ scenario: 'uas-digest-407.xml', transport: 'udp', calls: 1, keys: { rtpport: 9 } });
    cleanups.push(() => sipp.stop());
    const credentials = { username: 'burgernet', password: 'geheim' };
    const channel = await createSipVoiceChannel(channelOptions(sipp.port, { credentials, listenAfterMs: 0 }), {
      synthesizer,
      logger,
    });
    cleanups.push(() => channel.close());
    const outcome = await channel.placeCall({ ...call(), text: 'Test.', closing: null, plays: 1 });
    assert.equal(outcome.kind, 'answered');
    const result = await sipp.done;
    assert.equal(result.code, 0, result.errors);
    // Checked here with the RFC 2617 formula (sipp's verifyauth reads only Authorization).
    const line = result.log.find((l) => l.startsWith('credentials '))!;
    const field = (name: string) => new RegExp(`${name}="?([^",]+)"?`).exec(line)?.[1] ?? '';
    const md5 = (text: string) => createHash('md5').update(text).digest('hex');
    const ha1 = md5(`burgernet:${field('realm')}:geheim`);
    const ha2 = md5(`INVITE:${field('uri')}`);
    assert.equal(field('realm'), 'trunk.test');
    assert.equal(field('opaque'), '0paque');
    assert.equal(field('response'), md5(`${ha1}:${field('nonce')}:${field('nc')}:${field('cnonce')}:auth:${ha2}`));
  });

  it('fails the call when the trunk refuses the credentials', async () => {
    const keys = { rtpport: 9, username: 'burgernet', password: 'geheim' };
    const sipp = await startSipp({ scenario: 'uas-digest-401.xml', transport: 'udp', calls: 1, keys });
    cleanups.push(() => sipp.stop());
    const credentials = { username: 'burgernet', password: 'fout' };
    const channel = await createSipVoiceChannel(channelOptions(sipp.port, { credentials }), { synthesizer, logger });
    cleanups.push(() => channel.close());
    assert.deepEqual(await channel.placeCall(call()), { kind: 'failed', reason: 'SIP 403', sipStatus: 403 });
  });

  it('stops playing when the callee hangs up and answers their BYE', async () => {
    const sink = await rtpSink();
    cleanups.push(() => sink.close());
    const sipp = await startSipp({
      scenario: 'uas-hangup.xml',
      transport: 'udp',
      calls: 1,
      keys: { rtpport: sink.port },
      args: ['-d', '1000'],
    });
    cleanups.push(() => sipp.stop());
    const channel = await createSipVoiceChannel(channelOptions(sipp.port), { synthesizer, logger });
    cleanups.push(() => channel.close());
    const outcome = await channel.placeCall(call());
    const result = await sipp.done;
    assert.equal(result.code, 0, result.errors);
    assert.equal(outcome.kind, 'answered');
    assert.equal(outcome.kind === 'answered' && outcome.hungUpBy, 'callee');
    const full = (await expectedPackets(2)) * 20;
    assert.ok(
      outcome.kind === 'answered' && outcome.playedMs > 0 && outcome.playedMs < full,
      `played ${JSON.stringify(outcome)} of ${full}`,
    );
    assert.equal(outcome.kind === 'answered' && outcome.playedMs, sink.packets.length * 20);
  });

  it('plays the message again when the callee presses 1 (RFC 4733)', async () => {
    const sink = await rtpSink();
    cleanups.push(() => sink.close());
    const message = await synthesizer.render(TEXT);
    // Pressed while the closing plays, so the repeat is unmistakably one more play of the message.
    const closingStarts = Math.floor((2 * message.samples.length + 2 * PAUSE_MS * 8) / 160);
    let pressed = false;
    sink.socket.on('message', (_data, from) => {
      if (pressed || sink.packets.length < closingStarts + 5) return;
      pressed = true;
      // One key press: three packets with the same timestamp, the last ones marked as its end (RFC 4733 §2.5.1.4).
      for (const [i, end] of [
        [0, false],
        [1, true],
        [2, true],
      ] as const) {
        const payload = writeTelephoneEvent({ event: 1, end, volume: 10, duration: 400 + i * 160 });
        sink.socket.send(
          writeRtpPacket({ payloadType: 101, marker: i === 0, sequence: 7 + i, timestamp: 1_000, ssrc: 99 }, payload),
          from.port,
          from.address,
        );
      }
    });
    const sipp = await startSipp({
      scenario: 'uas-answer.xml',
      transport: 'udp',
      calls: 1,
      keys: { rtpport: sink.port, pt: 8, codec: 'PCMA' },
    });
    cleanups.push(() => sipp.stop());
    const channel = await createSipVoiceChannel(channelOptions(sipp.port), { synthesizer, logger });
    cleanups.push(() => channel.close());
    const outcome = await channel.placeCall(call());
    assert.equal((await sipp.done).code, 0);
    assert.equal(outcome.kind === 'answered' && outcome.repeats, 1);
    assert.equal(outcome.kind === 'answered' && outcome.playedMs, sink.packets.length * 20);
    // The message's opening can be found three times in what arrived: two plays and the repeat.
    const received = Buffer.concat(sink.packets.map((p) => p.payload));
    const opening = Buffer.from(message.alaw.subarray(0, 400));
    let found = 0;
    for (let at = received.indexOf(opening); at !== -1; at = received.indexOf(opening, at + 1)) found++;
    assert.equal(found, 3);
  });

  it('never has more calls up at once than the trunk limit, as the trunk counts them', async () => {
    const sink = await rtpSink();
    cleanups.push(() => sink.close());
    const calls = 9;
    const sipp = await startSipp({
      scenario: 'uas-answer.xml',
      transport: 'udp',
      calls,
      keys: { rtpport: sink.port, pt: 8, codec: 'PCMA' },
    });
    cleanups.push(() => sipp.stop());
    const channel = await createSipVoiceChannel(
      channelOptions(sipp.port, { maxConcurrentCalls: 3, listenAfterMs: 0 }),
      { synthesizer, logger },
    );
    cleanups.push(() => channel.close());
    const outcomes = await Promise.all(
      Array.from({ length: calls }, (_, i) =>
        channel.placeCall({ ...call(i), text: 'Test.', closing: null, plays: 1 }),
      ),
    );
    assert.ok(
      outcomes.every((o) => o.kind === 'answered'),
      JSON.stringify(outcomes),
    );
    const result = await sipp.done;
    assert.equal(result.code, 0, result.errors);
    // sipp writes its log in the order it handled the messages: INVITE in, BYE in.
    let up = 0;
    let most = 0;
    for (const line of result.log) {
      if (line.startsWith('start ')) most = Math.max(most, ++up);
      if (line.startsWith('end ')) up -= 1;
    }
    assert.equal(result.log.filter((l) => l.startsWith('start ')).length, calls);
    assert.equal(most, 3, 'the trunk saw at most (and at some point exactly) three calls at once');
    assert.equal(channel.peakCalls, 3);
  });

  it('places calls over TCP', async () => {
    const sink = await rtpSink();
    cleanups.push(() => sink.close());
    const sipp = await startSipp({
      scenario: 'uas-answer.xml',
      transport: 'tcp',
      calls: 2,
      keys: { rtpport: sink.port, pt: 0, codec: 'PCMU' },
    });
    cleanups.push(() => sipp.stop());
    const channel = await createSipVoiceChannel(channelOptions(sipp.port, { transport: 'tcp', listenAfterMs: 0 }), {
      synthesizer,
      logger,
    });
    cleanups.push(() => channel.close());
    const outcomes = await Promise.all(
      [1, 2].map((n) => channel.placeCall({ ...call(n), text: 'Test.', closing: null, plays: 1 })),
    );
    assert.deepEqual(
      outcomes.map((o) => o.kind),
      ['answered', 'answered'],
    );
    const result = await sipp.done;
    assert.equal(result.code, 0, result.errors);
    assert.ok(sink.packets.every((p) => p.payloadType === 0));
  });
});
