import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { createServer, type Server, type Socket as TcpSocket } from 'node:net';
import { pino, type Logger } from 'pino';
import { newTag } from '../../sip/sip-ids.js';
import {
  defaultSipLimits,
  headerValue,
  serializeSipMessage,
  type SipMessage,
  type SipRequest,
} from '../../sip/sip-message.js';
import { SipParseError } from '../../sip/sip-parse-error.js';
import { parseSipMessage } from '../../sip/sip-parser.js';
import { createResponse } from '../../sip/sip-response.js';
import { SipStreamFramer } from '../../sip/sip-stream-framer.js';
import { parseUri, phoneNumberOf } from '../../sip/sip-uri.js';
import { digestAuthorization, parseDigestChallenge, type DigestCredentials } from './digest-auth.js';
import { readRtpPacket, writeRtpPacket, writeTelephoneEvent } from './rtp-packet.js';

/**
 * How the simulated phone behind a number acts: answer; busy (486); no-answer (rings until cancelled);
 * reject (603); unavailable (503, the trunk is out of lines); unknown (404); hang-up (answers, hangs up after
 * `hangUpAfterMs`); press-1 (answers and presses 1 once some audio arrived); silent (never answers at all).
 */
export type SimulatedBehaviour =
  'answer' | 'busy' | 'no-answer' | 'reject' | 'unavailable' | 'unknown' | 'hang-up' | 'press-1' | 'silent';

export type SimulatedCallState = 'ringing' | 'answered' | 'ended' | 'refused' | 'cancelled';

export interface SimulatedCall {
  readonly callId: string;
  /** The number called (from the Request-URI). */
  readonly to: string;
  /** The Request-URI's caller as shown: the From and P-Asserted-Identity header values. */
  readonly from: string;
  readonly assertedIdentity: string | null;
  readonly behaviour: SimulatedBehaviour;
  state: SimulatedCallState;
  /** Final status we answered the INVITE with (200, 486, 487…). */
  finalStatus: number | null;
  /** RTP audio received: packets, payload bytes (= samples at 8 kHz) and payload types seen. */
  packets: number;
  audioBytes: number;
  readonly payloadTypes: Set<number>;
  readonly startedAt: Date;
  endedAt: Date | null;
  /** Who ended an answered call. */
  endedBy: 'caller' | 'callee' | null;
}

export interface VoiceSimulatorOptions {
  readonly host?: string;
  /** 0 (the default) picks a free port; UDP and TCP listen on the same one. */
  readonly port?: number;
  /** When set, INVITEs must answer a 401 Digest challenge with these. */
  readonly credentials?: DigestCredentials | null;
  /** What numbers without a behaviour of their own do. */
  readonly defaultBehaviour?: SimulatedBehaviour;
  readonly hangUpAfterMs?: number;
  readonly logger?: Logger;
}

export interface VoiceSimulator {
  readonly host: string;
  readonly port: number;
  readonly calls: readonly SimulatedCall[];
  /** Calls with a line taken now (from INVITE until the final refusal or BYE), and the most at once. */
  readonly activeCalls: number;
  readonly peakCalls: number;
  behave(number: string, behaviour: SimulatedBehaviour): void;
  callsTo(number: string): readonly SimulatedCall[];
  /** Polls until the predicate holds; rejects after timeoutMs. */
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const REALM = 'burgernet-simulator';
const SDP_HOST = '127.0.0.1';

interface Leg {
  readonly call: SimulatedCall;
  readonly request: SipRequest;
  readonly toTag: string;
  readonly reply: (message: SipMessage) => void;
  rtp: UdpSocket | null;
  timers: NodeJS.Timeout[];
  lastFinal: SipMessage | null;
  rtpSource: { address: string; port: number } | null;
  acked: boolean;
}

export async function startVoiceSimulator(options: VoiceSimulatorOptions = {}): Promise<VoiceSimulator> {
  const host = options.host ?? '127.0.0.1';
  const logger = (options.logger ?? pino({ enabled: false })).child({ component: 'voice-simulator' });
  const behaviours = new Map<string, SimulatedBehaviour>();
  const calls: SimulatedCall[] = [];
  const legs = new Map<string, Leg>();
  const nonces = new Set<string>();
  const connections = new Set<TcpSocket>();
  let active = 0;
  let peak = 0;

  // A large receive buffer: under load a burst of INVITEs and BYEs must not be dropped by the kernel.
  const newUdpSocket = () =>
    createSocket({ type: host.includes(':') ? 'udp6' : 'udp4', recvBufferSize: 4 * 1024 * 1024 });
  let udp: UdpSocket = newUdpSocket();
  const tcp: Server = createServer((socket) => {
    connections.add(socket);
    const framer = new SipStreamFramer();
    socket.on('data', (chunk: Buffer) => {
      try {
        for (const frame of framer.push(chunk)) receive(frame, (m) => socket.write(serializeSipMessage(m)));
      } catch {
        socket.destroy();
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => connections.delete(socket));
  });
  // UDP and TCP share one port number. With port 0 the kernel picks a free TCP port whose UDP twin may be
  // taken by another process (an RTP socket, sipp): then pick again.
  let port = 0;
  for (let attempt = 1; ; attempt++) {
    await new Promise<void>((resolve, reject) => {
      tcp.once('error', reject);
      tcp.listen(options.port ?? 0, host, () => resolve());
    });
    port = (tcp.address() as { port: number }).port;
    const bound = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
      const onError = (error: NodeJS.ErrnoException) => resolve(error);
      udp.once('error', onError);
      udp.bind(port, host, () => {
        udp.off('error', onError);
        resolve(null);
      });
    });
    if (bound === null) break;
    udp.close();
    udp = newUdpSocket();
    await new Promise<void>((resolve) => tcp.close(() => resolve()));
    if ((options.port ?? 0) !== 0 || attempt >= 10 || bound.code !== 'EADDRINUSE') throw bound;
  }
  udp.on('message', (data, from) => receive(data, (m) => udp.send(serializeSipMessage(m), from.port, from.address)));
  logger.info({ host, port }, 'voice simulator listening');

  const release = (call: SimulatedCall) => {
    if (call.state === 'ended' || call.state === 'refused' || call.state === 'cancelled') active -= 1;
  };

  function end(leg: Leg, state: SimulatedCallState, endedBy: SimulatedCall['endedBy']): void {
    if (leg.call.state === 'ended' || leg.call.state === 'refused' || leg.call.state === 'cancelled') return;
    leg.call.state = state;
    leg.call.endedAt = new Date();
    leg.call.endedBy = endedBy;
    release(leg.call);
    for (const t of leg.timers) clearTimeout(t);
    leg.rtp?.close();
    leg.rtp = null;
    // Kept a while to answer retransmissions, then forgotten (the call record stays in `calls`).
    setTimeout(() => legs.delete(leg.call.callId), 32_000).unref();
  }

  function receive(data: Buffer, reply: (m: SipMessage) => void): void {
    let message: SipMessage;
    try {
      message = parseSipMessage(data, defaultSipLimits);
    } catch (error) {
      if (error instanceof SipParseError && error.partial?.kind === 'request')
        reply(createResponse(error.partial, 400));
      return;
    }
    if (message.kind === 'response') return; // to our BYE: nothing to do
    try {
      handle(message, reply);
    } catch (error) {
      logger.warn({ err: error }, 'simulator could not handle a request');
      reply(createResponse(message, 500));
    }
  }

  function handle(request: SipRequest, reply: (m: SipMessage) => void): void {
    const callId = headerValue(request, 'Call-ID') ?? '';
    const leg = legs.get(callId);
    switch (request.method) {
      case 'INVITE':
        if (leg !== undefined) {
          // A retransmission: say again what we said.
          if (leg.lastFinal !== null) reply(leg.lastFinal);
          return;
        }
        return invite(request, reply);
      case 'ACK':
        if (leg !== undefined) leg.acked = true;
        return;
      case 'CANCEL':
        if (leg === undefined || leg.call.state !== 'ringing') return reply(createResponse(request, 481));
        reply(createResponse(request, 200));
        leg.lastFinal = createResponse(leg.request, 487, { toTag: leg.toTag });
        reply(leg.lastFinal);
        leg.call.finalStatus = 487;
        return end(leg, 'cancelled', null);
      case 'BYE':
        if (leg === undefined) return reply(createResponse(request, 481));
        reply(createResponse(request, 200));
        return end(leg, 'ended', 'caller');
      case 'OPTIONS':
        return reply(createResponse(request, 200));
      default:
        return reply(
          createResponse(request, 405, { headers: [{ name: 'Allow', value: 'INVITE, ACK, CANCEL, BYE, OPTIONS' }] }),
        );
    }
  }

  function authorised(request: SipRequest): boolean {
    const credentials = options.credentials;
    if (!credentials) return true;
    const header = headerValue(request, 'Authorization');
    if (header === undefined) return false;
    const field = (name: string) => new RegExp(`${name}="?([^",]*)"?`).exec(header)?.[1] ?? null;
    const nonce = field('nonce');
    const cnonce = field('cnonce');
    const nc = field('nc');
    const uri = field('uri');
    if (nonce === null || !nonces.has(nonce) || uri === null || field('username') !== credentials.username)
      return false;
    const challenge = parseDigestChallenge(
      `Digest realm="${REALM}", nonce="${nonce}"${cnonce === null ? '' : ', qop="auth"'}`,
    );
    if (challenge === null) return false;
    const expected = digestAuthorization({
      challenge,
      credentials,
      method: 'INVITE',
      uri,
      nonceCount: nc === null ? 1 : parseInt(nc, 16),
      cnonce: cnonce ?? undefined,
    });
    return /response="([^"]+)"/.exec(expected)?.[1] === field('response');
  }

  function invite(request: SipRequest, reply: (m: SipMessage) => void): void {
    let number: string;
    try {
      number = phoneNumberOf(parseUri(request.uri)) ?? '';
    } catch {
      reply(createResponse(request, 416));
      return;
    }
    if (!authorised(request)) {
      const nonce = newTag();
      nonces.add(nonce);
      reply(
        createResponse(request, 401, {
          toTag: newTag(),
          headers: [
            { name: 'WWW-Authenticate', value: `Digest realm="${REALM}", nonce="${nonce}", qop="auth", algorithm=MD5` },
          ],
        }),
      );
      return;
    }
    const behaviour = behaviours.get(number) ?? options.defaultBehaviour ?? 'answer';
    const call: SimulatedCall = {
      callId: headerValue(request, 'Call-ID') ?? '',
      to: number,
      from: headerValue(request, 'From') ?? '',
      assertedIdentity: headerValue(request, 'P-Asserted-Identity') ?? null,
      behaviour,
      state: 'ringing',
      finalStatus: null,
      packets: 0,
      audioBytes: 0,
      payloadTypes: new Set(),
      startedAt: new Date(),
      endedAt: null,
      endedBy: null,
    };
    calls.push(call);
    active += 1;
    peak = Math.max(peak, active);
    const leg: Leg = {
      call,
      request,
      toTag: newTag(),
      reply,
      rtp: null,
      timers: [],
      lastFinal: null,
      rtpSource: null,
      acked: false,
    };
    legs.set(call.callId, leg);
    const refuse = (status: number) => {
      leg.lastFinal = createResponse(request, status, { toTag: leg.toTag });
      call.finalStatus = status;
      reply(leg.lastFinal);
      end(leg, 'refused', null);
    };
    if (behaviour === 'silent') {
      active -= 1;
      call.state = 'refused';
      return;
    }
    reply(createResponse(request, 100));
    switch (behaviour) {
      case 'busy':
        return refuse(486);
      case 'reject':
        return refuse(603);
      case 'unavailable':
        return refuse(503);
      case 'unknown':
        return refuse(404);
      case 'no-answer':
        reply(createResponse(request, 180, { toTag: leg.toTag }));
        return;
      case 'answer':
      case 'hang-up':
      case 'press-1':
        reply(createResponse(request, 180, { toTag: leg.toTag }));
        void answer(leg);
        return;
    }
  }

  async function answer(leg: Leg): Promise<void> {
    const rtp = createSocket('udp4');
    await new Promise<void>((resolve) => rtp.bind(0, SDP_HOST, () => resolve()));
    if (leg.call.state !== 'ringing') {
      rtp.close();
      return;
    }
    leg.rtp = rtp;
    rtp.on('message', (data, from) => {
      const packet = readRtpPacket(data);
      if (packet === null) return;
      leg.rtpSource = { address: from.address, port: from.port };
      leg.call.packets += 1;
      leg.call.audioBytes += packet.payload.length;
      leg.call.payloadTypes.add(packet.payloadType);
      if (leg.call.behaviour === 'press-1' && leg.call.packets === 25) pressOne(leg);
    });
    const sdp = Buffer.from(
      [
        'v=0',
        `o=simulator 1 1 IN IP4 ${SDP_HOST}`,
        's=-',
        `c=IN IP4 ${SDP_HOST}`,
        't=0 0',
        `m=audio ${rtp.address().port} RTP/AVP 8 0 101`,
        'a=rtpmap:8 PCMA/8000',
        'a=rtpmap:0 PCMU/8000',
        'a=rtpmap:101 telephone-event/8000',
        'a=fmtp:101 0-15',
        '',
      ].join('\r\n'),
    );
    leg.lastFinal = createResponse(leg.request, 200, {
      toTag: leg.toTag,
      headers: [
        { name: 'Contact', value: `<sip:callee@${host}:${port}>` },
        { name: 'Content-Type', value: 'application/sdp' },
      ],
      body: sdp,
    });
    leg.call.state = 'answered';
    leg.call.finalStatus = 200;
    leg.reply(leg.lastFinal);
    retransmitUntilAcked(leg, 500);
    if (leg.call.behaviour === 'hang-up')
      leg.timers.push(setTimeout(() => hangUp(leg), options.hangUpAfterMs ?? 1_000));
  }

  /** Timer G (RFC 3261 §13.3.1.4): a 2xx goes again, T1 doubling up to T2, until the ACK comes; no ACK in 64 × T1 ends the call. */
  function retransmitUntilAcked(leg: Leg, interval: number, waited = 0): void {
    leg.timers.push(
      setTimeout(() => {
        if (leg.acked || leg.call.state !== 'answered' || leg.lastFinal === null) return;
        if (waited + interval >= 32_000) return end(leg, 'ended', null);
        leg.reply(leg.lastFinal);
        retransmitUntilAcked(leg, Math.min(interval * 2, 4_000), waited + interval);
      }, interval),
    );
  }

  function pressOne(leg: Leg): void {
    const to = leg.rtpSource;
    if (to === null || leg.rtp === null) return;
    for (const [i, end] of [
      [0, false],
      [1, true],
      [2, true],
    ] as const) {
      const payload = writeTelephoneEvent({ event: 1, end, volume: 10, duration: 400 + i * 160 });
      leg.rtp.send(
        writeRtpPacket({ payloadType: 101, marker: i === 0, sequence: i, timestamp: 4_242, ssrc: 7 }, payload),
        to.port,
        to.address,
      );
    }
  }

  function hangUp(leg: Leg): void {
    if (leg.call.state !== 'answered') return;
    const r = leg.request;
    const contact = /<([^>]+)>/.exec(headerValue(r, 'Contact') ?? '')?.[1] ?? r.uri;
    const bye: SipRequest = {
      kind: 'request',
      method: 'BYE',
      uri: contact,
      headers: [
        { name: 'Via', value: `SIP/2.0/UDP ${host}:${port};branch=z9hG4bK${newTag()}` },
        { name: 'Max-Forwards', value: '70' },
        { name: 'From', value: `${headerValue(r, 'To')};tag=${leg.toTag}` },
        { name: 'To', value: headerValue(r, 'From') ?? '' },
        { name: 'Call-ID', value: leg.call.callId },
        { name: 'CSeq', value: '1 BYE' },
      ],
      body: Buffer.alloc(0),
    };
    leg.reply(bye);
    end(leg, 'ended', 'callee');
  }

  return {
    host,
    port,
    calls,
    get activeCalls() {
      return active;
    },
    get peakCalls() {
      return peak;
    },
    behave(number, behaviour) {
      behaviours.set(number, behaviour);
    },
    callsTo: (number) => calls.filter((c) => c.to === number),
    async waitFor(predicate, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate()) {
        if (Date.now() > deadline) throw new Error('voice simulator: condition not met in time');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    async close() {
      for (const leg of legs.values()) end(leg, leg.call.state === 'answered' ? 'ended' : 'cancelled', null);
      for (const c of connections) c.destroy();
      await Promise.all([
        new Promise<void>((resolve) => tcp.close(() => resolve())),
        new Promise<void>((resolve) => udp.close(() => resolve())),
      ]);
    },
  };
}
