import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { isIPv6 } from 'node:net';
import { createServer, type Server, type Socket } from 'node:net';
import { defaultSipLimits, serializeSipMessage, type SipLimits, type SipMessage } from '../sip/sip-message.js';
import { SipParseError } from '../sip/sip-parse-error.js';
import { parseSipMessage } from '../sip/sip-parser.js';
import { SipStreamFramer } from '../sip/sip-stream-framer.js';
import {
  DEFAULT_SIP_RECEIVE_BUFFER_BYTES,
  setReceiveBuffer,
  type UdpReceiveBuffer,
} from '../sip/udp-receive-buffer.js';

export type SipTransportKind = 'udp' | 'tcp';

/** Where a message came from, and where its response goes (a TCP response goes back on that connection). */
export interface SipPeer {
  readonly transport: SipTransportKind;
  readonly address: string;
  readonly port: number;
}

export interface SipRedirectTransportOptions {
  readonly host: string;
  /** 0: any free port (the same one for UDP and TCP). */
  readonly port: number;
  readonly limits?: SipLimits;
  /** The UDP socket's receive buffer to ask the kernel for (default 4 MiB). */
  readonly receiveBufferBytes?: number;
  readonly maxTcpConnections?: number;
  /** A TCP connection that sends nothing for this long is closed. */
  readonly tcpIdleMs?: number;
  /** Called before anything of a datagram or connection is read: false drops the datagram or closes the connection. */
  accept(peer: SipPeer): boolean;
  onMessage(message: SipMessage, peer: SipPeer): void;
  /** A message that did not parse (not called for keep-alives). `error.partial` may allow a 400. */
  onInvalid(error: SipParseError, peer: SipPeer): void;
  /** A socket error that is not about one message (logged by the owner). */
  onError(error: Error): void;
}

export interface SipRedirectTransport {
  readonly host: string;
  readonly port: number;
  /** The UDP receive buffer asked for and got. */
  readonly receiveBuffer: UdpReceiveBuffer;
  /** Sends; over TCP only on the peer's open connection (returns false when it is gone). */
  send(message: SipMessage, peer: SipPeer): boolean;
  close(): Promise<void>;
}

const peerKey = (address: string, port: number) => `${address}|${port}`;
/** "::ffff:192.0.2.1" (an IPv4 peer on a dual-stack socket) → "192.0.2.1". */
export const plainAddress = (address: string): string =>
  address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;

/** Listens for SIP over UDP and TCP on one port (RFC 3261 §18.2). */
export async function startSipRedirectTransport(options: SipRedirectTransportOptions): Promise<SipRedirectTransport> {
  const limits = options.limits ?? defaultSipLimits;
  const connections = new Map<string, Socket>();

  const handleFrame = (bytes: Buffer, peer: SipPeer) => {
    let message: SipMessage;
    try {
      message = parseSipMessage(bytes, limits);
    } catch (error) {
      if (!(error instanceof SipParseError)) throw error;
      if (error.code !== 'sip.empty') options.onInvalid(error, peer);
      return;
    }
    options.onMessage(message, peer);
  };

  const onConnection = (socket: Socket) => {
    const peer: SipPeer = {
      transport: 'tcp',
      address: plainAddress(socket.remoteAddress ?? ''),
      port: socket.remotePort ?? 0,
    };
    if (!options.accept(peer)) {
      socket.destroy();
      return;
    }
    const key = peerKey(peer.address, peer.port);
    connections.set(key, socket);
    const framer = new SipStreamFramer(limits);
    socket.setNoDelay(true);
    socket.setTimeout(options.tcpIdleMs ?? 120_000, () => socket.destroy());
    socket.on('data', (chunk: Buffer) => {
      let frames: Buffer[];
      try {
        frames = framer.push(chunk);
      } catch (error) {
        if (!(error instanceof SipParseError)) throw error;
        // Framing is lost: nothing after this can be read reliably.
        options.onInvalid(error, peer);
        socket.destroy();
        return;
      }
      for (const frame of frames) handleFrame(frame, peer);
    });
    // A reset connection is ordinary on a network; it only ends this connection.
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      if (connections.get(key) === socket) connections.delete(key);
    });
  };

  const tcp = createServer({ noDelay: true }, onConnection);
  tcp.maxConnections = options.maxTcpConnections ?? 1_024;
  let udp: UdpSocket | undefined;
  for (let attempt = 0; udp === undefined; attempt++) {
    await listenTcp(tcp, options.host, options.port);
    const port = (tcp.address() as { port: number }).port;
    try {
      udp = await bindUdp(options.host, port);
    } catch (error) {
      await new Promise<void>((resolve) => tcp.close(() => resolve()));
      // With port 0 the free TCP port may be taken for UDP: try another one.
      if (options.port !== 0 || attempt >= 10 || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    }
  }
  const udpSocket = udp;
  // A flood of INVITEs must wait in the kernel's buffer, not be dropped: the default is some hundreds of KiB.
  const receiveBuffer = setReceiveBuffer(udpSocket, options.receiveBufferBytes ?? DEFAULT_SIP_RECEIVE_BUFFER_BYTES);
  tcp.on('error', options.onError);
  udpSocket.on('error', options.onError);
  udpSocket.on('message', (bytes, remote) => {
    const peer: SipPeer = { transport: 'udp', address: plainAddress(remote.address), port: remote.port };
    if (options.accept(peer)) handleFrame(bytes, peer);
  });

  return {
    host: options.host,
    port: udpSocket.address().port,
    receiveBuffer,
    send(message, peer) {
      const bytes = serializeSipMessage(message);
      if (peer.transport === 'udp') {
        udpSocket.send(bytes, peer.port, peer.address);
        return true;
      }
      const socket = connections.get(peerKey(peer.address, peer.port));
      if (socket === undefined || socket.destroyed) return false;
      socket.write(bytes);
      return true;
    },
    async close() {
      for (const socket of connections.values()) socket.destroy();
      await Promise.all([
        new Promise<void>((resolve) => tcp.close(() => resolve())),
        new Promise<void>((resolve) => udpSocket.close(() => resolve())),
      ]);
    },
  };
}

function listenTcp(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port }, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function bindUdp(host: string, port: number): Promise<UdpSocket> {
  return new Promise((resolve, reject) => {
    const socket = createSocket({ type: isIPv6(host) ? 'udp6' : 'udp4' });
    socket.once('error', (error) => {
      socket.close();
      reject(error);
    });
    socket.bind({ address: host, port }, () => {
      socket.removeAllListeners('error');
      resolve(socket);
    });
  });
}
