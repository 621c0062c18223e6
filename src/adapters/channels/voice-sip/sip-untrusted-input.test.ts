import assert from 'node:assert/strict';
import { createSocket } from 'node:dgram';
import { Writable } from 'node:stream';
import { after, describe, it } from 'node:test';
import { pino } from 'pino';
import { asMsisdn } from '../../../domain/participant/msisdn.js';
import { parseSipMessage } from '../../sip/sip-parser.js';
import { headerValue, type SipRequest } from '../../sip/sip-message.js';
import { createCachedSynthesizer } from '../../tts/cached-synthesizer.js';
import { createEspeakSynthesizer } from '../../tts/espeak-synthesizer.js';
import { createSipVoiceChannel, type SipVoiceChannelOptions } from './sip-voice-channel.js';
import { startVoiceSimulator } from './voice-simulator.js';

const synthesizer = createCachedSynthesizer(createEspeakSynthesizer({ voice: 'nl', wordsPerMinute: 150 }), {
  variant: 'input',
  maxMemoryBytes: 10_000_000,
  directory: null,
});

function options(port: number, overrides: Partial<SipVoiceChannelOptions> = {}): SipVoiceChannelOptions {
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
    maxConcurrentCalls: 5,
    ringTimeoutMs: 5_000,
    maxCallMs: 60_000,
    timers: { t1: 100, t2: 400 },
    pauseMs: 200,
    listenAfterMs: 0,
    ...overrides,
  };
}

function capturedLogger() {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { logger: pino({ level: 'trace' }, stream), text: () => text };
}

describe('the SIP user agent and what the network sends it', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  after(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('survives garbage, bad messages and strays, answers bad requests with 400 and unknown dialogs with 481', async () => {
    const trunk = createSocket('udp4');
    await new Promise<void>((resolve) => trunk.bind(0, '127.0.0.1', () => resolve()));
    cleanups.push(() => void trunk.close());
    const answers: string[] = [];
    trunk.on('message', (data, from) => {
      const text = data.toString('latin1');
      if (text.startsWith('SIP/2.0 ')) return void answers.push(text.split('\r\n')[0]!);
      const request = parseSipMessage(data) as SipRequest;
      if (request.method !== 'INVITE' || answers.includes('seen')) return;
      answers.push('seen');
      const send = (s: string | Buffer) =>
        trunk.send(typeof s === 'string' ? Buffer.from(s, 'latin1') : s, from.port, from.address);
      const same = ['Via', 'From', 'To', 'Call-ID', 'CSeq'].map((n) => `${n}: ${headerValue(request, n)}`).join('\r\n');
      send(Buffer.from([0xff, 0x00, 0x13, 0x37]));
      send('\r\n\r\n');
      send(`SIP/2.0 200 OK\r\n${'X-Junk: a\r\n'.repeat(500)}\r\n`);
      send(Buffer.alloc(60_000, 0x41));
      send(`SIP/2.0 200 OK\r\nVia: nonsense\r\nCall-ID: x\r\n\r\n`);
      send(
        `SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.1:1;branch=z9hG4bKother\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:c@d>;tag=2\r\nCall-ID: stray\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n`,
      );
      send(
        `OPTIONS sip:x@y SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bKbad\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:c@d>\r\nCall-ID: bad\r\nCSeq: 1 OPTIONS\r\nContent-Length: 99999999999\r\n\r\n`,
      );
      send(
        `BYE sip:x@y SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bKbye\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:c@d>;tag=2\r\nCall-ID: nobody\r\nCSeq: 1 BYE\r\nContent-Length: 0\r\n\r\n`,
      );
      // Then a real answer to the real INVITE.
      send(`SIP/2.0 486 Busy Here\r\n${same.replace(/^To: (.*)$/m, 'To: $1;tag=t')}\r\nContent-Length: 0\r\n\r\n`);
    });
    const channel = await createSipVoiceChannel(options(trunk.address().port), {
      synthesizer,
      logger: pino({ enabled: false }),
    });
    cleanups.push(() => channel.close());
    const outcome = await channel.placeCall({ callId: 'input-1', to: asMsisdn('+31201234567'), text: 'Test.' });
    assert.deepEqual(outcome, { kind: 'busy', sipStatus: 486 });
    const deadline = Date.now() + 5_000;
    while (!(
      answers.includes('SIP/2.0 400 Bad Request') && answers.includes('SIP/2.0 481 Call/Transaction Does Not Exist')
    )) {
      assert.ok(Date.now() < deadline, `answers: ${answers.join(' | ')}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  });

  it('authenticates with the configured credentials and never logs them or the number called', async () => {
    const credentials = { username: 'burgernet-trunk', password: 'zeer-geheim-wachtwoord' };
    const simulator = await startVoiceSimulator({ credentials });
    cleanups.push(() => simulator.close());
    const log = capturedLogger();
    const channel = await createSipVoiceChannel(options(simulator.port, { credentials }), {
      synthesizer,
      logger: log.logger,
    });
    cleanups.push(() => channel.close());
    const outcome = await channel.placeCall({
      callId: 'auth-1',
      to: asMsisdn('+31201234567'),
      text: 'Test.',
      plays: 1,
    });
    assert.equal(outcome.kind, 'answered');

    const wrong = await createSipVoiceChannel(
      options(simulator.port, { credentials: { ...credentials, password: 'fout' } }),
      { synthesizer, logger: log.logger },
    );
    cleanups.push(() => wrong.close());
    assert.deepEqual(await wrong.placeCall({ callId: 'auth-2', to: asMsisdn('+31201234567'), text: 'Test.' }), {
      kind: 'failed',
      reason: 'authentication refused by the SIP trunk',
      sipStatus: 401,
    });
    assert.ok(log.text().includes('call ended'), 'the calls were logged');
    assert.ok(!log.text().includes(credentials.password));
    assert.ok(!log.text().includes('201234567'));
  });
});
