import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { SpeechSynthesizer } from '../../app/ports/speech-synthesizer.js';
import { createEspeakSynthesizer } from './espeak-synthesizer.js';
import { createEspeakWasmSynthesizer, ESPEAK_WASM_ENGINE } from './espeak-wasm-synthesizer.js';

/** auto: the program when it runs, else the WebAssembly build; program or wasm: that one, whatever is installed. */
export type SpeechEngine = 'auto' | 'program' | 'wasm';

export interface ChooseEspeakOptions {
  readonly engine: SpeechEngine;
  readonly voice: string;
  readonly wordsPerMinute: number;
  /** The program, for a test or an installation elsewhere. */
  readonly command?: string;
}

export interface ChosenSynthesizer {
  readonly kind: 'program' | 'wasm';
  /** Which one speaks, for the start-up log: "espeak-ng program 1.51", or the npm package and its version. */
  readonly engine: string;
  /** Why auto did not take the program (not found, or it failed); null when it did, or when wasm was asked for. */
  readonly programUnavailable: string | null;
  /** Part of the speech cache's key: the two render the same text differently. */
  readonly variant: string;
  readonly synthesizer: SpeechSynthesizer;
  close(): Promise<void>;
}

type ProgramProbe =
  { readonly kind: 'found'; readonly version: string } | { readonly kind: 'unavailable'; readonly reason: string };

const PROBE_TIMEOUT_MS = 5_000;

/**
 * Debian's espeak-ng when it is there (it starts in milliseconds and costs no memory between calls), else the
 * same synthesizer built to WebAssembly from npm, so that a machine with only `npm ci` still speaks.
 */
export async function chooseEspeakSynthesizer(options: ChooseEspeakOptions): Promise<ChosenSynthesizer> {
  const command = options.command ?? 'espeak-ng';
  const settings = { voice: options.voice, wordsPerMinute: options.wordsPerMinute };
  const key = `${options.voice}/${options.wordsPerMinute}`;
  if (options.engine === 'wasm') return chooseWasm(settings, key, null);
  const probe = await probeProgram(command);
  if (probe.kind === 'unavailable') {
    if (options.engine === 'program') throw new Error(`the espeak-ng program was asked for, but ${probe.reason}`);
    return chooseWasm(settings, key, probe.reason);
  }
  return {
    kind: 'program',
    engine: `espeak-ng program ${probe.version}`,
    programUnavailable: null,
    // The key the cache had before there was a choice: speech already on disk stays valid.
    variant: `espeak-ng/${key}`,
    synthesizer: createEspeakSynthesizer({ ...settings, command }),
    close: async () => undefined,
  };
}

function chooseWasm(
  settings: Pick<ChooseEspeakOptions, 'voice' | 'wordsPerMinute'>,
  key: string,
  programUnavailable: string | null,
): ChosenSynthesizer {
  const wasm = createEspeakWasmSynthesizer(settings);
  return {
    kind: 'wasm',
    engine: ESPEAK_WASM_ENGINE,
    programUnavailable,
    variant: `espeak-ng-wasm/${key}`,
    synthesizer: wasm,
    close: () => wasm.close(),
  };
}

/** Runs `espeak-ng --version` once: "eSpeak NG text-to-speech: 1.51  Data at: …". */
async function probeProgram(command: string): Promise<ProgramProbe> {
  try {
    const { stdout } = await promisify(execFile)(command, ['--version'], { timeout: PROBE_TIMEOUT_MS });
    return { kind: 'found', version: /text-to-speech:\s*(\S+)/.exec(stdout)?.[1] ?? '(version not shown)' };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? `${command} is not on PATH`
        : `${command} --version failed: ${error instanceof Error ? error.message : String(error)}`;
    return { kind: 'unavailable', reason };
  }
}
