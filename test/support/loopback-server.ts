import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection } from 'node:net';

/** True when something accepts connections on 127.0.0.1:port. */
export function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export interface LoopbackServer {
  /** Kills it (SIGKILL: gone as a crashed server is, without telling its clients). */
  stop(): Promise<void>;
  /** Starts it again with the same command line; resolves once it accepts connections. */
  restart(): Promise<void>;
}

/**
 * A server program of the test's own (nats-server, redis-server) that listens on `port` of 127.0.0.1: started,
 * waited for until it accepts connections, and killable and restartable on the same port.
 */
export async function startLoopbackServer(
  name: string,
  command: string,
  args: readonly string[],
  port: number,
): Promise<LoopbackServer> {
  let child: ChildProcess | null = null;
  const start = async () => {
    const started = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    started.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    started.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    let exited = false;
    started.once('exit', () => (exited = true));
    child = started;
    const deadline = Date.now() + 10_000;
    while (!(await accepts(port))) {
      if (exited) throw new Error(`${name} exited at start: ${output}`);
      if (Date.now() > deadline) throw new Error(`${name} did not start listening`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const stop = async () => {
    const running = child;
    child = null;
    if (running === null || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  };
  await start();
  return { stop, restart: start };
}
