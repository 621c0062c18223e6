import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection } from 'node:net';
import { freePort } from './sipp.js';

/** The Debian package's server (.ci/run installs it); a test starts its own, never the machine's on 4222. */
const NATS_SERVER = '/usr/sbin/nats-server';

export interface TestNatsServer {
  readonly url: string;
  /** Kills the server (SIGKILL: gone as a crashed server is, without telling its clients). */
  stop(): Promise<void>;
  /** Starts it again on the same port. */
  restart(): Promise<void>;
}

/** A nats-server of the test's own on a free loopback port (core NATS, no JetStream, nothing on disk). */
export async function startNatsServer(): Promise<TestNatsServer> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const start = async () => {
    const started = spawn(NATS_SERVER, ['-a', '127.0.0.1', '-p', String(port)], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let output = '';
    started.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    let exited = false;
    started.once('exit', () => (exited = true));
    child = started;
    const deadline = Date.now() + 10_000;
    while (!(await accepts(port))) {
      if (exited) throw new Error(`nats-server exited at start: ${output}`);
      if (Date.now() > deadline) throw new Error('nats-server did not start listening');
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
  return { url: `nats://127.0.0.1:${port}`, stop, restart: start };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
