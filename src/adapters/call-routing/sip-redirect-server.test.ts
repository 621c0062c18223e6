import assert from 'node:assert/strict';
import { createSocket } from 'node:dgram';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { pino } from 'pino';
import type { RouteCaller } from '../../app/call-routing/route-caller.js';
import { headerValue, type SipResponse } from '../sip/sip-message.js';
import { parseSipMessage } from '../sip/sip-parser.js';
import { SipStreamFramer } from '../sip/sip-stream-framer.js';
import { createAddressAllowList } from './address-allow-list.js';
import { startSipRedirectServer, type SipRedirectServer } from './sip-redirect-server.js';

const request = (method: string, branch: string, extra: string[] = [], cseqMethod = method) =>
  [
    `${method} sip:08000011@127.0.0.1 SIP/2.0`,
    `Via: SIP/2.0/UDP 127.0.0.1:9;rport;branch=${branch}`,
    'From: <sip:0612345678@platform.test>;tag=abc',
    'To: <sip:08000011@127.0.0.1>',
    `Call-ID: ${branch}@platform.test`,
    `CSeq: 1 ${cseqMethod}`,
    ...extra,
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');

/** A platform on UDP: sends datagrams and hands out the responses in the order they come. */
async function udpPlatform(port: number) {
  const socket = createSocket('udp4');
  const queue: SipResponse[] = [];
  const waiters: ((r: SipResponse) => void)[] = [];
  socket.on('message', (bytes) => {
    const message = parseSipMessage(bytes);
    assert.equal(message.kind, 'response');
    const waiter = waiters.shift();
    if (waiter) waiter(message);
    else queue.push(message);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    send: (text: string | Buffer) =>
      new Promise<void>((resolve, reject) => socket.send(text, port, '127.0.0.1', (e) => (e ? reject(e) : resolve()))),
    next: () => {
      const queued = queue.shift();
      return queued ? Promise.resolve(queued) : new Promise<SipResponse>((resolve) => waiters.push(resolve));
    },
    close: () => socket.close(),
  };
}

describe('the SIP redirect server', () => {
  let server: SipRedirectServer;
  let routed = 0;
  const routeCaller: RouteCaller = async (caller) => {
    routed++;
    return {
      actionId: null,
      meldkamerCode: 'RE05',
      target: caller === '+31612345678' ? 'sip:meldkamer-re05@politie.nl' : '+31201234567',
      reason: 'registered-address',
      candidates: 0,
    };
  };

  before(async () => {
    server = await startSipRedirectServer(
      {
        host: '127.0.0.1',
        port: 0,
        limits: { maxMessageBytes: 4_096, maxHeaders: 30, maxHeaderLineBytes: 512 },
        allowed: createAddressAllowList(['127.0.0.1']),
        maxTransactions: 100,
        timers: { t1Ms: 20, t2Ms: 80, t4Ms: 50 },
      },
      { routeCaller, logger: pino({ level: 'silent' }) },
    );
  });
  after(() => server.close());

  test('an INVITE gets 302 with the target as Contact, a tagged To, and the request’s Via, From, Call-ID and CSeq', async () => {
    const platform = await udpPlatform(server.port);
    await platform.send(request('INVITE', 'z9hG4bK-one'));
    const response = await platform.next();
    assert.equal(response.status, 302);
    assert.equal(response.reason, 'Moved Temporarily');
    assert.equal(headerValue(response, 'Contact'), '<sip:meldkamer-re05@politie.nl>');
    assert.match(headerValue(response, 'To') ?? '', /^<sip:08000011@127\.0\.0\.1>;tag=[0-9a-f]{16}$/);
    assert.equal(headerValue(response, 'Via'), 'SIP/2.0/UDP 127.0.0.1:9;rport;branch=z9hG4bK-one');
    assert.equal(headerValue(response, 'Call-ID'), 'z9hG4bK-one@platform.test');
    assert.equal(headerValue(response, 'CSeq'), '1 INVITE');
    await platform.send(request('ACK', 'z9hG4bK-one'));
    platform.close();
  });

  test('a number target becomes a tel: Contact', async () => {
    const platform = await udpPlatform(server.port);
    await platform.send(request('INVITE', 'z9hG4bK-tel').replace('sip:0612345678@', 'sip:anonymous@'));
    assert.equal(headerValue(await platform.next(), 'Contact'), '<tel:+31201234567>');
    platform.close();
  });

  test('a retransmitted INVITE gets the same 302 without a second decision; unacknowledged, the 302 is sent again', async () => {
    const platform = await udpPlatform(server.port);
    const before = routed;
    await platform.send(request('INVITE', 'z9hG4bK-re'));
    const first = await platform.next();
    await platform.send(request('INVITE', 'z9hG4bK-re'));
    const again = await platform.next();
    const timerG = await platform.next();
    assert.equal(routed, before + 1);
    for (const r of [again, timerG]) {
      assert.equal(r.status, 302);
      assert.equal(headerValue(r, 'To'), headerValue(first, 'To'));
    }
    const acks = server.stats.acks;
    await platform.send(request('ACK', 'z9hG4bK-re'));
    await platform.send(request('ACK', 'z9hG4bK-re'));
    await platform.send(request('OPTIONS', 'z9hG4bK-after'));
    // ACKs are never answered: the next response after them is the OPTIONS one (or a 302 sent before the ACK arrived).
    let next = await platform.next();
    while (next.status === 302) next = await platform.next();
    assert.equal(next.status, 200);
    assert.equal(server.stats.acks, acks + 2);
    platform.close();
  });

  test('OPTIONS 200 with Allow; BYE 481; REGISTER 405 with Allow; an unknown method 501; Require 420; a CANCEL of a finished INVITE 200, of none 481', async () => {
    const platform = await udpPlatform(server.port);
    // Retransmitted 302s of the unacknowledged INVITE below may come in between: take the answer to this request.
    const answer = async (text: string) => {
      const sent = parseSipMessage(text);
      await platform.send(text);
      for (;;) {
        const response = await platform.next();
        if (
          headerValue(response, 'CSeq') === headerValue(sent, 'CSeq') &&
          headerValue(response, 'Call-ID') === headerValue(sent, 'Call-ID')
        )
          return response;
      }
    };
    const options = await answer(request('OPTIONS', 'z9hG4bK-o'));
    assert.equal(options.status, 200);
    assert.equal(headerValue(options, 'Allow'), 'INVITE, ACK, CANCEL, OPTIONS');
    assert.equal((await answer(request('BYE', 'z9hG4bK-b'))).status, 481);
    const register = await answer(request('REGISTER', 'z9hG4bK-r'));
    assert.equal(register.status, 405);
    assert.equal(headerValue(register, 'Allow'), 'INVITE, ACK, CANCEL, OPTIONS');
    assert.equal((await answer(request('FROBNICATE', 'z9hG4bK-f'))).status, 501);
    const required = await answer(request('INVITE', 'z9hG4bK-req', ['Require: 100rel']));
    assert.equal(required.status, 420);
    assert.equal(headerValue(required, 'Unsupported'), '100rel');
    assert.equal((await answer(request('INVITE', 'z9hG4bK-c'))).status, 302);
    const cancel = await answer(request('CANCEL', 'z9hG4bK-c'));
    assert.deepEqual([cancel.status, headerValue(cancel, 'CSeq')], [200, '1 CANCEL']);
    assert.equal((await answer(request('CANCEL', 'z9hG4bK-none'))).status, 481);
    assert.equal(
      (await answer(request('INVITE', 'z9hG4bK-scheme').replace('INVITE sip:08000011@127.0.0.1', 'INVITE mailto:x@y')))
        .status,
      416,
    );
    platform.close();
  });

  test('malformed requests get 400 when they can be answered, and are dropped when not', async () => {
    const platform = await udpPlatform(server.port);
    await platform.send(request('INVITE', 'z9hG4bK-bad', ['no colon in this line']));
    const bad = await platform.next();
    assert.equal(bad.status, 400);
    assert.equal(headerValue(bad, 'Call-ID'), 'z9hG4bK-bad@platform.test');
    await platform.send(request('INVITE', 'z9hG4bK-cseq', [], 'BYE'));
    assert.equal((await platform.next()).status, 400);
    const dropped = server.stats.dropped;
    await platform.send(
      request('INVITE', 'z9hG4bK-big', [
        `X-Padding: ${'a'.repeat(300)}`,
        ...Array.from({ length: 20 }, (_, i) => `X-${i}: ${'b'.repeat(200)}`),
      ]),
    );
    await platform.send(request('INVITE', 'z9hG4bK-novia').replace(/Via: .*\r\n/, ''));
    await platform.send(Buffer.from([0xff, 0xfe, 0x00, 0x0d, 0x0a, 0x0d, 0x0a]));
    await platform.send('\r\n\r\n');
    await platform.send(request('OPTIONS', 'z9hG4bK-still'));
    const alive = await platform.next();
    assert.equal(alive.status, 200, 'the server still answers; nothing was answered in between');
    assert.equal(server.stats.dropped, dropped + 3, 'oversized, without Via, garbage (a keep-alive is not counted)');
    platform.close();
  });

  test('over TCP: messages split across segments and several in one segment are all answered on the connection', async () => {
    const socket = connect(server.port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    const framer = new SipStreamFramer();
    const responses: SipResponse[] = [];
    let resolveAll: () => void = () => undefined;
    const all = new Promise<void>((resolve) => (resolveAll = resolve));
    socket.on('data', (chunk: Buffer) => {
      for (const frame of framer.push(chunk)) responses.push(parseSipMessage(frame) as SipResponse);
      if (responses.length === 3) resolveAll();
    });
    const tcp = (branch: string, method = 'INVITE') => request(method, branch).replace('SIP/2.0/UDP', 'SIP/2.0/TCP');
    const first = tcp('z9hG4bK-t1');
    socket.write(first.slice(0, 40));
    socket.write(first.slice(40) + tcp('z9hG4bK-t2', 'OPTIONS') + tcp('z9hG4bK-t3'));
    await all;
    assert.deepEqual(responses.map((r) => [headerValue(r, 'Call-ID'), r.status]).sort(), [
      ['z9hG4bK-t1@platform.test', 302],
      ['z9hG4bK-t2@platform.test', 200],
      ['z9hG4bK-t3@platform.test', 302],
    ]);
    // A stream without Content-Length loses its framing: the connection is closed.
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.write('OPTIONS sip:x@y SIP/2.0\r\nVia: SIP/2.0/TCP h;branch=z9hG4bKq\r\n\r\n');
    await closed;
  });
});
