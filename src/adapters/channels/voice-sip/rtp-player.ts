import { randomBytes } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';
import { readRtpPacket, readTelephoneEvent, writeRtpPacket } from './rtp-packet.js';

/** 20 ms of 8 kHz G.711: one byte per sample. */
export const FRAME_BYTES = 160;
export const FRAME_MS = 20;
/** G.711 silence (a zero sample) in each law. */
export const SILENCE_BYTE = { PCMA: 0xd5, PCMU: 0xff } as const;
/** At most this many late packets go out at once after the event loop stalled, so the far end's jitter buffer copes. */
const MAX_CATCH_UP = 5;
const DTMF_REPEAT = 1;

/** What a call plays, already encoded in the negotiated law. */
export interface PlaybackScript {
  readonly message: Uint8Array;
  readonly plays: number;
  readonly closing: Uint8Array | null;
  readonly silenceByte: number;
  /** Silence between plays of the message and before the closing. */
  readonly pauseMs: number;
  /** Silence after the closing in which a 1 still repeats the message. */
  readonly listenAfterMs: number;
  readonly maxRepeats: number;
  readonly maxDurationMs: number;
}

export interface RtpTarget {
  readonly address: string;
  readonly port: number;
  readonly payloadType: number;
  /** The answer's telephone-event type; null: DTMF is not listened for. */
  readonly eventPayloadType: number | null;
}

export interface PlaybackResult {
  /** Audio sent, in ms (packets × 20). */
  readonly playedMs: number;
  readonly packets: number;
  /** Times the callee pressed 1. */
  readonly repeats: number;
  /** 'stopped' when stop() ended it (the callee hung up), else it played to the end or the duration limit. */
  readonly ended: 'played' | 'stopped' | 'limit';
}

export interface RtpPortRange {
  readonly min: number;
  readonly max: number;
}

/**
 * One call's media: a UDP socket that sends the script as RTP paced in real time (a packet per 20 ms,
 * sequence and timestamp counting on, a random SSRC, the marker on the first packet) and listens for the
 * callee's RFC 4733 key presses. A 1 starts the message again.
 */
export class RtpPlayer {
  readonly #socket: Socket;
  #target: RtpTarget | null = null;
  #queue: Uint8Array[] = [];
  #offset = 0;
  #script: PlaybackScript | null = null;
  #repeats = 0;
  #lastEventTimestamp: number | null = null;
  #stop: (() => void) | null = null;
  #stopped = false;

  private constructor(socket: Socket) {
    this.#socket = socket;
    socket.on('message', (data, from) => this.#receive(data, from.address));
    // A send to a port nobody listens on comes back as an error on a later call; the call goes on regardless.
    socket.on('error', () => undefined);
  }

  /** Binds a socket on `bindAddress`, in the range if one is given (else any free port). */
  static async open(bindAddress: string, range: RtpPortRange | null): Promise<RtpPlayer> {
    const type = bindAddress.includes(':') ? 'udp6' : 'udp4';
    if (range === null) return new RtpPlayer(await bind(type, bindAddress, 0));
    // RTP ports are even (RFC 3550 §11); start at a random one so that concurrent calls rarely collide.
    const evens = Math.floor((range.max - range.min) / 2) + 1;
    const first = randomBytes(4).readUInt32BE(0) % evens;
    for (let i = 0; i < evens; i++) {
      const port = range.min + ((first + i) % evens) * 2;
      const socket = await bind(type, bindAddress, port).catch(() => null);
      if (socket !== null) return new RtpPlayer(socket);
    }
    throw new Error('no free RTP port in the configured range');
  }

  get port(): number {
    return this.#socket.address().port;
  }

  /** Plays the script to the target; resolves when it has played, the limit was reached, or stop() was called. */
  play(target: RtpTarget, script: PlaybackScript): Promise<PlaybackResult> {
    this.#target = target;
    this.#script = script;
    this.#queue = [];
    for (let i = 0; i < script.plays; i++) {
      if (i > 0) this.#queue.push(silence(script.pauseMs, script.silenceByte));
      this.#queue.push(script.message);
    }
    this.#queueEnding();
    const ssrc = randomBytes(4).readUInt32BE(0);
    let sequence = randomBytes(2).readUInt16BE(0);
    let timestamp = randomBytes(4).readUInt32BE(0);
    const started = performance.now();
    let packets = 0;
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | null = null;
      const finish = (ended: PlaybackResult['ended']) => {
        if (timer !== null) clearTimeout(timer);
        this.#stop = null;
        resolve({ playedMs: packets * FRAME_MS, packets, repeats: this.#repeats, ended });
      };
      this.#stop = () => finish('stopped');
      if (this.#stopped) {
        finish('stopped');
        return;
      }
      const tick = () => {
        timer = null;
        const due = Math.floor((performance.now() - started) / FRAME_MS) + 1 - packets;
        for (let i = 0; i < Math.min(due, MAX_CATCH_UP); i++) {
          if (packets * FRAME_MS >= script.maxDurationMs) return finish('limit');
          const frame = this.#nextFrame();
          if (frame === null) return finish('played');
          const packet = writeRtpPacket(
            { payloadType: target.payloadType, marker: packets === 0, sequence, timestamp, ssrc },
            frame,
          );
          this.#socket.send(packet, target.port, target.address);
          sequence = (sequence + 1) & 0xffff;
          timestamp = (timestamp + FRAME_BYTES) >>> 0;
          packets += 1;
        }
        timer = setTimeout(tick, Math.max(0, started + packets * FRAME_MS - performance.now()));
      };
      tick();
    });
  }

  /** The callee hung up: stop sending now. */
  stop(): void {
    this.#stopped = true;
    this.#stop?.();
  }

  close(): void {
    this.stop();
    this.#socket.close();
  }

  #queueEnding(): void {
    const script = this.#script!;
    if (script.closing !== null) {
      this.#queue.push(silence(script.pauseMs, script.silenceByte), script.closing);
    }
    if (script.listenAfterMs > 0) this.#queue.push(silence(script.listenAfterMs, script.silenceByte));
  }

  /** The next 160 bytes across the queue (the last frame padded with silence); null when all is played. */
  #nextFrame(): Uint8Array | null {
    const script = this.#script!;
    const frame = new Uint8Array(FRAME_BYTES).fill(script.silenceByte);
    let filled = 0;
    while (filled < FRAME_BYTES && this.#queue.length > 0) {
      const current = this.#queue[0]!;
      const take = Math.min(FRAME_BYTES - filled, current.length - this.#offset);
      frame.set(current.subarray(this.#offset, this.#offset + take), filled);
      filled += take;
      this.#offset += take;
      if (this.#offset >= current.length) {
        this.#queue.shift();
        this.#offset = 0;
      }
    }
    return filled === 0 ? null : frame;
  }

  #receive(data: Buffer, fromAddress: string): void {
    const target = this.#target;
    const script = this.#script;
    if (target === null || script === null || target.eventPayloadType === null || fromAddress !== target.address)
      return;
    const packet = readRtpPacket(data);
    if (packet === null || packet.payloadType !== target.eventPayloadType) return;
    const event = readTelephoneEvent(packet.payload);
    // One key press is many packets with the same timestamp (RFC 4733 §2.5.1.2): act on its first.
    if (event === null || packet.timestamp === this.#lastEventTimestamp) return;
    this.#lastEventTimestamp = packet.timestamp;
    if (event.event !== DTMF_REPEAT || this.#repeats >= script.maxRepeats) return;
    this.#repeats += 1;
    this.#queue = [silence(script.pauseMs / 2, script.silenceByte), script.message];
    this.#offset = 0;
    this.#queueEnding();
  }
}

function silence(ms: number, byte: number): Uint8Array {
  return new Uint8Array(Math.round((ms * FRAME_BYTES) / FRAME_MS)).fill(byte);
}

function bind(type: 'udp4' | 'udp6', address: string, port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = createSocket(type);
    socket.once('error', (error) => {
      socket.close();
      reject(error);
    });
    socket.bind(port, address, () => {
      socket.removeAllListeners('error');
      resolve(socket);
    });
  });
}
