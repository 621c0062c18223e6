// A network namespace made by the test, for a node that the test can cut off: each link is a veth pair with the
// host end in the test's namespace (an address the test listens on) and the other end inside.
import { execFile } from 'node:child_process';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface NetnsLink {
  /** The host end's address: listen here for the node inside. */
  readonly hostAddress: string;
  /** Takes the link down: packets stop both ways, connections hang as on a broken network. */
  cut(): Promise<void>;
  restore(): Promise<void>;
}

export interface Netns {
  readonly name: string;
  /** Runs a command inside: spawn(...prefix, command). */
  readonly prefix: readonly string[];
  link(name: string): NetnsLink;
  remove(): Promise<void>;
}

/** True when this process may make namespaces (root with iproute2), as CI does. */
export async function canMakeNetns(): Promise<boolean> {
  if (process.getuid?.() !== 0) return false;
  return run('ip', ['netns', 'list']).then(
    () => true,
    () => false,
  );
}

/** A namespace with one link per name, on 10.231.<n>.0/30 subnets. */
export async function createNetns(links: readonly string[]): Promise<Netns> {
  const tag = `${process.pid % 10_000}`;
  const name = `bn-test-${tag}`;
  const ip = (...args: string[]) => run('ip', args);
  await ip('netns', 'add', name);
  const made = new Map<string, { hostIf: string; hostAddress: string }>();
  try {
    await ip('netns', 'exec', name, 'ip', 'link', 'set', 'lo', 'up');
    for (const [index, link] of links.entries()) {
      const hostIf = `bn${tag}h${index}`;
      const innerIf = `bn${tag}n${index}`;
      const subnet = `10.231.${((process.pid % 100) * 2 + index) % 250}`;
      await ip('link', 'add', hostIf, 'type', 'veth', 'peer', 'name', innerIf);
      await ip('link', 'set', innerIf, 'netns', name);
      await ip('addr', 'add', `${subnet}.1/30`, 'dev', hostIf);
      await ip('link', 'set', hostIf, 'up');
      await ip('netns', 'exec', name, 'ip', 'addr', 'add', `${subnet}.2/30`, 'dev', innerIf);
      await ip('netns', 'exec', name, 'ip', 'link', 'set', innerIf, 'up');
      made.set(link, { hostIf, hostAddress: `${subnet}.1` });
    }
  } catch (error) {
    await ip('netns', 'delete', name).catch(() => undefined);
    for (const { hostIf } of made.values()) await ip('link', 'delete', hostIf).catch(() => undefined);
    throw error;
  }
  return {
    name,
    prefix: ['ip', 'netns', 'exec', name],
    link(link) {
      const found = made.get(link);
      if (found === undefined) throw new RangeError(`no link ${link}`);
      return {
        hostAddress: found.hostAddress,
        cut: async () => void (await ip('link', 'set', found.hostIf, 'down')),
        restore: async () => void (await ip('link', 'set', found.hostIf, 'up')),
      };
    },
    async remove() {
      await ip('netns', 'delete', name).catch(() => undefined);
      for (const { hostIf } of made.values()) await ip('link', 'delete', hostIf).catch(() => undefined);
    },
  };
}

/** A TCP relay from host:port (e.g. a link's host address) to a server on this machine. */
export async function startTcpRelay(
  listen: { readonly host: string },
  target: { readonly host: string; readonly port: number },
): Promise<{ readonly port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((inbound) => {
    const outbound = connect(target);
    for (const s of [inbound, outbound]) {
      sockets.add(s);
      s.once('close', () => sockets.delete(s));
      s.on('error', () => {
        inbound.destroy();
        outbound.destroy();
      });
    }
    inbound.pipe(outbound).pipe(inbound);
  });
  await new Promise<void>((resolve) => server.listen(0, listen.host, resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
