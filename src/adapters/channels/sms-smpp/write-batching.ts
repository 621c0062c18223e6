import type { Socket } from 'node:net';

const corked = new WeakSet<Socket>();

/**
 * Coalesces every PDU written to this socket during the current tick into one writev: at thousands
 * of small PDUs per second, one syscall per PDU is the bottleneck.
 */
export function batchWritesThisTick(socket: Socket): void {
  if (corked.has(socket)) return;
  corked.add(socket);
  socket.cork();
  process.nextTick(() => {
    corked.delete(socket);
    socket.uncork();
  });
}
