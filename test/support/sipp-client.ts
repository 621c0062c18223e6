import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** SIPp as the calling side (a UAC that runs a scenario against our server); test/support/sipp.ts runs it as the called side. */
export const SIPP = '/usr/bin/sipp';

export interface SippClientOptions {
  /** The scenario XML. */
  readonly scenario: string;
  readonly host: string;
  readonly port: number;
  readonly transport: 'udp' | 'tcp';
  /** Calls to make (-m). */
  readonly calls?: number;
  /** Calls per second (-r) and at most this many at once (-l). */
  readonly rate?: number;
  readonly limit?: number;
  /** Values for [name] keywords in the scenario (-key name value). */
  readonly keys?: Readonly<Record<string, string>>;
  /** Further arguments (statistics, traces). */
  readonly extraArgs?: readonly string[];
  /** SIPp gives up (and fails) after this long. */
  readonly timeoutSeconds?: number;
  /** Writes files SIPp reads (an injection file for -inf) into its folder before it starts. */
  readonly beforeStart?: (dir: string) => Promise<void>;
}

export interface SippClientResult {
  /** 0: every call passed; 1: at least one failed; other codes: SIPp could not run. */
  readonly code: number | null;
  readonly output: string;
  /** The messages SIPp sent and received (-trace_msg). */
  readonly messages: string;
  /** Unexpected messages (-trace_err). */
  readonly errors: string;
  /** The folder SIPp ran in (statistics files); removed by `cleanup`. */
  readonly dir: string;
  cleanup(): Promise<void>;
}

/** Runs SIPp as a client against the given address and waits for it to end. */
export async function runSipp(options: SippClientOptions): Promise<SippClientResult> {
  const dir = await mkdtemp(join(tmpdir(), 'burgernet-sipp-'));
  const scenarioFile = join(dir, 'scenario.xml');
  await writeFile(scenarioFile, options.scenario);
  await options.beforeStart?.(dir);
  const args = [
    `${options.host}:${options.port}`,
    '-sf',
    scenarioFile,
    '-t',
    options.transport === 'udp' ? 'u1' : 't1',
    '-i',
    options.host,
    '-m',
    String(options.calls ?? 1),
    '-r',
    String(options.rate ?? 10),
    '-l',
    String(options.limit ?? 100),
    '-nostdin',
    '-timeout',
    `${options.timeoutSeconds ?? 30}s`,
    '-timeout_error',
    '-trace_msg',
    '-message_file',
    join(dir, 'messages.log'),
    '-trace_err',
    '-error_file',
    join(dir, 'errors.log'),
    ...Object.entries(options.keys ?? {}).flatMap(([k, v]) => ['-key', k, v]),
    ...(options.extraArgs ?? []),
  ];
  const child = spawn(SIPP, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (output = (output + c).slice(-20_000)));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (output = (output + c).slice(-20_000)));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (exitCode) => resolve(exitCode));
  });
  const read = (name: string) => readFile(join(dir, name), 'utf8').catch(() => '');
  return {
    code,
    output,
    messages: await read('messages.log'),
    errors: await read('errors.log'),
    dir,
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
