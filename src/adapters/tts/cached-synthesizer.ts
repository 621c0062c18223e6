import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SpeechAudio, SpeechSynthesizer } from '../../app/ports/speech-synthesizer.js';
import { TELEPHONE_RATE, telephoneAudio } from './telephone-audio.js';
import { formatWav, parseWav } from './wav-pcm.js';

export interface SpeechCacheOptions {
  /** Part of the key: a different voice or speed is a different rendering of the same text. */
  readonly variant: string;
  /** Memory the cached audio may take (about 3 bytes per sample: linear, A-law and µ-law). */
  readonly maxMemoryBytes: number;
  /** A folder for rendered audio that outlives the process (8 kHz WAV per text); null: memory only. */
  readonly directory: string | null;
}

export interface CachedSynthesizer extends SpeechSynthesizer {
  /** Renderings done by the inner synthesizer (not served from memory or disk). */
  readonly renderCount: number;
  /** Bytes of audio held in memory now. */
  readonly memoryBytes: number;
}

const bytesOf = (audio: SpeechAudio) => audio.samples.byteLength + audio.alaw.byteLength + audio.ulaw.byteLength;

/**
 * Renders each text once: from memory (least recently used go first when the bound is reached), else from
 * disk, else by the inner synthesizer. Calls for a text being rendered wait for that one rendering.
 */
export function createCachedSynthesizer(inner: SpeechSynthesizer, options: SpeechCacheOptions): CachedSynthesizer {
  const memory = new Map<string, SpeechAudio>();
  const rendering = new Map<string, Promise<SpeechAudio>>();
  let memoryBytes = 0;
  let renderCount = 0;

  function remember(key: string, audio: SpeechAudio): void {
    const size = bytesOf(audio);
    if (size > options.maxMemoryBytes) return;
    memory.set(key, audio);
    memoryBytes += size;
    for (const [oldKey, old] of memory) {
      if (memoryBytes <= options.maxMemoryBytes) break;
      memory.delete(oldKey);
      memoryBytes -= bytesOf(old);
    }
  }

  async function fromDisk(key: string): Promise<SpeechAudio | null> {
    if (options.directory === null) return null;
    const wav = await readFile(join(options.directory, `${key}.wav`)).catch(() => null);
    if (wav === null) return null;
    const pcm = parseWav(wav);
    return pcm.sampleRate === TELEPHONE_RATE ? telephoneAudio(pcm.samples) : null;
  }

  async function toDisk(key: string, audio: SpeechAudio): Promise<void> {
    if (options.directory === null) return;
    await mkdir(options.directory, { recursive: true });
    // Written aside and renamed: a reader never sees half a file.
    const path = join(options.directory, `${key}.wav`);
    const temporary = `${path}.${process.pid}.tmp`;
    await writeFile(temporary, formatWav({ sampleRate: TELEPHONE_RATE, samples: audio.samples }));
    await rename(temporary, path);
  }

  async function load(key: string, text: string): Promise<SpeechAudio> {
    const stored = await fromDisk(key);
    if (stored !== null) return stored;
    renderCount += 1;
    const audio = await inner.render(text);
    await toDisk(key, audio);
    return audio;
  }

  return {
    get renderCount() {
      return renderCount;
    },
    get memoryBytes() {
      return memoryBytes;
    },
    render(text) {
      const key = createHash('sha256').update(options.variant).update('\0').update(text).digest('hex');
      const cached = memory.get(key);
      if (cached !== undefined) {
        // Most recently used goes to the end of the map's order.
        memory.delete(key);
        memory.set(key, cached);
        return Promise.resolve(cached);
      }
      const pending = rendering.get(key);
      if (pending !== undefined) return pending;
      const promise = load(key, text)
        .then((audio) => {
          remember(key, audio);
          return audio;
        })
        .finally(() => rendering.delete(key));
      rendering.set(key, promise);
      return promise;
    },
  };
}
