import { spawn } from 'node:child_process';
import type { SpeechAudio, SpeechSynthesizer } from '../../app/ports/speech-synthesizer.js';
import { resample } from './resample.js';
import { TELEPHONE_RATE, telephoneAudio } from './telephone-audio.js';
import { parseWav } from './wav-pcm.js';

export interface EspeakOptions {
  /** espeak-ng voice, e.g. "nl". */
  readonly voice: string;
  /** Speaking rate in words per minute (espeak-ng's default is 175; slower is clearer on the phone). */
  readonly wordsPerMinute: number;
  /** The program, for a test or an installation elsewhere. */
  readonly command?: string;
  /** A text longer than this is refused: a call's message is a few sentences. */
  readonly maxTextLength?: number;
  /** espeak-ng is killed after this long. */
  readonly timeoutMs?: number;
}

const MAX_WAV_BYTES = 64 * 1024 * 1024;

/**
 * Dutch speech from Debian's espeak-ng: WAV on its stdout, resampled to 8 kHz and encoded as G.711. The
 * text goes in on stdin, never as an argument, so no text can be read as an option.
 */
export function createEspeakSynthesizer(options: EspeakOptions): SpeechSynthesizer {
  const command = options.command ?? 'espeak-ng';
  const maxTextLength = options.maxTextLength ?? 5_000;
  const timeoutMs = options.timeoutMs ?? 30_000;
  return {
    async render(text: string): Promise<SpeechAudio> {
      if (text.length > maxTextLength) throw new Error(`text to speak is longer than ${maxTextLength} characters`);
      const wav = await run(
        command,
        ['-v', options.voice, '-s', String(options.wordsPerMinute), '--stdin', '--stdout'],
        text,
        timeoutMs,
      );
      const pcm = parseWav(wav);
      return telephoneAudio(resample(pcm.samples, pcm.sampleRate, TELEPHONE_RATE));
    },
  };
}

function run(command: string, args: readonly string[], input: string, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], timeout: timeoutMs });
    const out: Buffer[] = [];
    let outBytes = 0;
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      outBytes += chunk.length;
      if (outBytes > MAX_WAV_BYTES) child.kill('SIGKILL');
      else out.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (err.length < 2_000) err += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new Error(`${command} ended with ${signal ?? `code ${code}`}: ${err.trim().slice(0, 300)}`));
    });
    // espeak-ng that stops at once (an unknown voice) may close stdin before the text is in: its exit says why.
    child.stdin.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') reject(error);
    });
    // A newline ends the last sentence; espeak-ng otherwise may wait for more.
    child.stdin.end(`${input.replace(/\s+/g, ' ').trim()}\n`, 'utf8');
  });
}
