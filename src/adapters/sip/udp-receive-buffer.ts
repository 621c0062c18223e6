import type { Socket as UdpSocket } from 'node:dgram';
import type { Logger } from '../../app/ports/logger.js';

/** The default receive buffer asked for a SIP UDP socket: a flood of some thousands of datagrams fits. */
export const DEFAULT_SIP_RECEIVE_BUFFER_BYTES = 4 * 1024 * 1024;

/** What a SIP UDP socket asked the kernel for, and what it got (Linux caps it at net.core.rmem_max). */
export interface UdpReceiveBuffer {
  readonly requested: number;
  readonly granted: number;
}

/**
 * Asks for `requested` bytes on a bound socket and reads back what the kernel gave. Linux reports double the
 * size it keeps for itself (its bookkeeping), so a granted size at least the requested one means it was honoured.
 */
export function setReceiveBuffer(socket: UdpSocket, requested: number): UdpReceiveBuffer {
  try {
    socket.setRecvBufferSize(requested);
  } catch {
    // Refused outright (some systems refuse above their maximum rather than cap): what it has is read below.
  }
  return { requested, granted: socket.getRecvBufferSize() };
}

/**
 * Logs the size a SIP UDP socket got; a warning when it is smaller than asked, since then a burst of
 * datagrams is dropped by the kernel before anything reads it (raise net.core.rmem_max).
 */
export function logReceiveBuffer(logger: Logger, buffer: UdpReceiveBuffer): void {
  const fields = { requestedBytes: buffer.requested, grantedBytes: buffer.granted };
  if (buffer.granted < buffer.requested)
    logger.warn(fields, 'SIP UDP receive buffer smaller than configured: raise net.core.rmem_max');
  else logger.info(fields, 'SIP UDP receive buffer');
}
