import { startLoopbackServer } from './loopback-server.js';
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
  const server = await startLoopbackServer('nats-server', NATS_SERVER, ['-a', '127.0.0.1', '-p', String(port)], port);
  return { url: `nats://127.0.0.1:${port}`, ...server };
}
