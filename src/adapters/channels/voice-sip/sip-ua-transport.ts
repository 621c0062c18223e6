import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { lookup } from 'node:dns/promises';
import { connect, type Socket as TcpSocket } from 'node:net';
import { defaultSipLimits, serializeSipMessage, type SipLimits, type SipMessage } from '../../sip/sip-message.js';
import { SipParseError } from '../../sip/sip-parse-error.js';
import { parseSipMessage } from '../../sip/sip-parser.js';
import { SipStreamFramer } from '../../sip/sip-stream-framer.js';
import {
  DEFAULT_SIP_RECEIVE_BUFFER_BYTES,
  setReceiveBuffer,
  type UdpReceiveBuffer,
} from '../../sip/udp-receive-buffer.js';

export type SipTransportKind = 'udp' | 'tcp';

/** What a transport hands up: a parsed message, or a message that could not be read (with what was readable). */
export type Inbound =
  { readonly ok: true; readonly message: SipMessage } | { readonly ok: false; readonly error: SipParseError };

/** The one connection to the trunk: every request goes there, every response and in-dialog request comes from there. */
export interface SipUaTransport {
  readonly kind: SipTransportKind;
  /** TCP delivers or fails; UDP needs retransmissions (RFC 3261 §17.1.1.2). */
  readonly reliable: boolean;
  /** Our address and port as the trunk sees them (for Via, Contact and SDP). */
  local(): { readonly address: string; readonly port: number };
  /** Makes sure the connection is up (TCP), so that local() is what the trunk will see. */
  connect(): Promise<void>;
  send(message: SipMessage): Promise<void>;
  onInbound(listener: (inbound: Inbound) => void): void;
  close(): Promise<void>;
  /** UDP: the receive buffer asked for and what the kernel gave; null over TCP. */
  readonly receiveBuffer: UdpReceiveBuffer | null;
}

export interface SipUaTransportOptions {
  readonly kind: SipTransportKind;
  readonly host: string;
  readonly port: number;
  readonly localPort: number;
  readonly limits?: SipLimits;
  readonly connectTimeoutMs?: number;
  /** UDP: the receive buffer to ask the kernel for (default 4 MiB). */
  readonly receiveBufferBytes?: number;
}

export async function openSipUaTransport(options: SipUaTransportOptions): Promise<SipUaTransport> {
  const { address, family } = await lookup(options.host);
  return options.kind === 'udp' ? openUdp(options, address, family) : openTcp(options, address);
}

function parse(bytes: Buffer, limits: SipLimits): Inbound | null {
  try {
    return { ok: true, message: parseSipMessage(bytes, limits) };
  } catch (error) {
    if (!(error instanceof SipParseError)) throw error;
    return error.code === 'sip.empty' ? null : { ok: false, error };
  }
}

/**
 * A connected UDP socket: the kernel drops datagrams from anywhere but the trunk's address and port, so only
 * the trunk can talk to us.
 */
async function openUdp(options: SipUaTransportOptions, address: string, family: number): Promise<SipUaTransport> {
  const limits = options.limits ?? defaultSipLimits;
  const socket: UdpSocket = createSocket({ type: family === 6 ? 'udp6' : 'udp4' });
  const listeners: ((inbound: Inbound) => void)[] = [];
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(options.localPort, () => {
      socket.connect(options.port, address, () => {
        socket.off('error', reject);
        resolve();
      });
    });
  });
  // A large receive buffer (the kernel caps it at net.core.rmem_max): a burst of responses must not be dropped.
  const receiveBuffer = setReceiveBuffer(socket, options.receiveBufferBytes ?? DEFAULT_SIP_RECEIVE_BUFFER_BYTES);
  // ICMP "port unreachable" surfaces as an error on the socket; the transactions' timers deal with the silence.
  socket.on('error', () => undefined);
  socket.on('message', (data) => {
    const inbound = parse(data, limits);
    if (inbound !== null) for (const l of listeners) l(inbound);
  });
  return {
    kind: 'udp',
    reliable: false,
    receiveBuffer,
    local: () => {
      const a = socket.address();
      return { address: a.address, port: a.port };
    },
    connect: () => Promise.resolve(),
    send: (message) =>
      new Promise((resolve, reject) =>
        socket.send(serializeSipMessage(message), (error) => (error ? reject(error) : resolve())),
      ),
    onInbound: (listener) => void listeners.push(listener),
    close: () => new Promise((resolve) => socket.close(() => resolve())),
  };
}

/** One TCP connection, opened on first use and again after it dropped; messages framed by Content-Length. */
async function openTcp(options: SipUaTransportOptions, address: string): Promise<SipUaTransport> {
  const limits = options.limits ?? defaultSipLimits;
  const listeners: ((inbound: Inbound) => void)[] = [];
  let socket: TcpSocket | null = null;
  let connecting: Promise<TcpSocket> | null = null;
  let closed = false;
  let local = { address: '0.0.0.0', port: 0 };

  function open(): Promise<TcpSocket> {
    if (socket !== null && !socket.destroyed) return Promise.resolve(socket);
    if (connecting !== null) return connecting;
    connecting = new Promise<TcpSocket>((resolve, reject) => {
      const s = connect({ host: address, port: options.port, localPort: options.localPort || undefined });
      s.setNoDelay(true);
      const timer = setTimeout(
        () => s.destroy(new Error('connecting to the SIP trunk timed out')),
        options.connectTimeoutMs ?? 5_000,
      );
      const framer = new SipStreamFramer(limits);
      s.once('connect', () => {
        clearTimeout(timer);
        local = { address: s.localAddress ?? '0.0.0.0', port: s.localPort ?? 0 };
        socket = s;
        connecting = null;
        resolve(s);
      });
      s.on('data', (chunk: Buffer) => {
        let frames: Buffer[];
        try {
          frames = framer.push(chunk);
        } catch (error) {
          // Framing is lost on a stream: nothing after this can be trusted, so the connection goes.
          s.destroy();
          if (error instanceof SipParseError) for (const l of listeners) l({ ok: false, error });
          return;
        }
        for (const frame of frames) {
          const inbound = parse(frame, limits);
          if (inbound !== null) for (const l of listeners) l(inbound);
        }
      });
      s.on('error', (error) => {
        clearTimeout(timer);
        if (connecting !== null && socket !== s) {
          connecting = null;
          reject(error);
        }
      });
      s.on('close', () => {
        if (socket === s) socket = null;
      });
    });
    return connecting;
  }

  if (!closed) await open().catch(() => null); // learn our address now if the trunk is up; it is retried on send
  return {
    kind: 'tcp',
    reliable: true,
    receiveBuffer: null,
    local: () => local,
    async connect() {
      if (closed) throw new Error('SIP transport closed');
      await open();
    },
    async send(message) {
      if (closed) throw new Error('SIP transport closed');
      const s = await open();
      await new Promise<void>((resolve, reject) =>
        s.write(serializeSipMessage(message), (error) => (error ? reject(error) : resolve())),
      );
    },
    onInbound: (listener) => void listeners.push(listener),
    async close() {
      closed = true;
      const s = socket;
      if (s !== null) await new Promise<void>((resolve) => s.end(() => resolve()));
      s?.destroy();
    },
  };
}
