// A PostgreSQL server of the test's own (its own data folder and port), for tests that stop or restart the
// database: never the machine's shared server on 5432.
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './sipp.js';

const run = promisify(execFile);

/** Debian's packages put each major version's programs here (.ci/run installs them). */
const POSTGRESQL_ROOT = '/usr/lib/postgresql';
/** Signals that end a test process; the server and its folder must not outlive it. */
const ENDING_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
/** initdb and postgres refuse to run as root: as root they run as this user. */
const SERVER_USER = 'postgres';

export interface OwnPostgres {
  /** postgres://postgres@127.0.0.1:<port>/postgres (trust authentication on loopback). */
  readonly url: string;
  readonly port: number;
  /** Starts the server again on the same port and data (after `stop`); resolves once it accepts connections. */
  start(): Promise<void>;
  /** `pg_ctl stop`: `fast` ends every session (57P01) and shuts down cleanly; `immediate` as a crash would. */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  /** `pg_ctl restart -m fast`: every session ends, the server is back when this resolves. */
  restart(): Promise<void>;
  /** Stops the server and removes its folder; also done when the test process exits. */
  remove(): Promise<void>;
}

function binDir(): string {
  const versions = existsSync(POSTGRESQL_ROOT)
    ? readdirSync(POSTGRESQL_ROOT)
        .filter((v) => existsSync(join(POSTGRESQL_ROOT, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const newest = versions[0];
  if (newest === undefined) throw new Error(`no PostgreSQL server programs under ${POSTGRESQL_ROOT}/<version>/bin`);
  return join(POSTGRESQL_ROOT, newest, 'bin');
}

/** The command line that runs a server program as a user PostgreSQL accepts. */
function asServerUser(program: string, args: readonly string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', SERVER_USER, '--', program, ...args]] : [program, [...args]];
}

/**
 * initdb into a new temporary folder and start a server on a free loopback port, without fsync (its data need
 * not survive a power cut, and the test is faster). Call `remove` when done; should the test process end before
 * that, an exit handler stops the server and removes the folder.
 */
export async function startOwnPostgres(): Promise<OwnPostgres> {
  const bin = binDir();
  const folder = mkdtempSync(join(tmpdir(), 'burgernet-own-pg-'));
  const dataDir = join(folder, 'data');
  const logFile = join(folder, 'server.log');
  if (process.getuid?.() === 0) {
    const { uid, gid } = serverUserIds();
    chownSync(folder, uid, gid);
  }
  const pgCtl = (args: readonly string[]) => {
    const [command, commandArgs] = asServerUser(join(bin, 'pg_ctl'), ['-D', dataDir, ...args]);
    return run(command, commandArgs, { timeout: 60_000 });
  };
  let removed = false;
  const removeNow = () => {
    if (removed) return;
    removed = true;
    process.off('exit', removeNow);
    for (const signal of ENDING_SIGNALS) process.off(signal, removeThenEnd);
    if (existsSync(join(dataDir, 'postmaster.pid'))) {
      const [command, args] = asServerUser(join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      try {
        execFileSync(command, args, { stdio: 'ignore', timeout: 30_000 });
      } catch {
        // Not running (it was stopped, or it crashed): there is nothing to stop, only the folder to remove.
      }
    }
    rmSync(folder, { recursive: true, force: true });
  };
  // Ended by a signal (the runner cancelling, Ctrl-C, a closed pipe): clean up, then end as that signal would.
  const removeThenEnd = (signal: NodeJS.Signals) => {
    removeNow();
    process.kill(process.pid, signal);
  };
  process.on('exit', removeNow);
  for (const signal of ENDING_SIGNALS) process.once(signal, removeThenEnd);

  try {
    const [initdb, initdbArgs] = asServerUser(join(bin, 'initdb'), [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
      '--no-instructions',
    ]);
    await run(initdb, initdbArgs, { timeout: 120_000 });
    const port = await freePort();
    // Loopback TCP only (no socket file to clash with the machine's server); nothing waits for the disk.
    const settings = {
      listen_addresses: "'127.0.0.1'",
      port: String(port),
      unix_socket_directories: "''",
      fsync: 'off',
      synchronous_commit: 'off',
      full_page_writes: 'off',
      max_connections: '100',
    };
    writeFileSync(
      join(dataDir, 'postgresql.conf'),
      Object.entries(settings)
        .map(([name, value]) => `${name} = ${value}\n`)
        .join(''),
      { flag: 'a' },
    );
    const start = async () => {
      await pgCtl(['-l', logFile, '-w', '-t', '60', 'start']);
    };
    await start();
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      port,
      start,
      async stop(mode = 'fast') {
        await pgCtl(['-m', mode, '-w', '-t', '60', 'stop']);
      },
      async restart() {
        await pgCtl(['-l', logFile, '-m', 'fast', '-w', '-t', '60', 'restart']);
      },
      async remove() {
        removeNow();
      },
    };
  } catch (error) {
    removeNow();
    throw error;
  }
}

function serverUserIds(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, SERVER_USER], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}
