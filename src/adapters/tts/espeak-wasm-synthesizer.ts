import { Worker } from 'node:worker_threads';
import espeakPackage from '@echogarden/espeak-ng-emscripten/package.json' with { type: 'json' };
import type { SpeechAudio, SpeechSynthesizer } from '../../app/ports/speech-synthesizer.js';
import type { EspeakOptions } from './espeak-synthesizer.js';
import type {
  WasmSpeechRequest,
  WasmSpeechResponse,
  WasmSpeechSettings,
  WasmWorkerStatus,
} from './espeak-wasm-worker.js';

const BOOT = new URL('./espeak-wasm-worker-boot.mjs', import.meta.url);
const ENTRY = new URL('./espeak-wasm-worker.ts', import.meta.url).href;
/** As many samples as the program adapter's 64 MiB of WAV holds. */
const MAX_SAMPLES = 32 * 1024 * 1024;

/** Which build speaks, for the start-up log. */
export const ESPEAK_WASM_ENGINE = `espeak-ng WebAssembly (npm ${espeakPackage.name} ${espeakPackage.version})`;

export type EspeakWasmOptions = Omit<EspeakOptions, 'command'>;

export interface EspeakWasmSynthesizer extends SpeechSynthesizer {
  /** Ends the worker thread; later renderings are refused. */
  close(): Promise<void>;
}

interface Pending {
  readonly resolve: (audio: SpeechAudio) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

interface Thread {
  readonly worker: Worker;
  readonly ready: Promise<void>;
  readonly pending: Map<number, Pending>;
  /** Fails what the thread was given and ends it; the next rendering starts a new one. */
  fail(error: Error): Promise<void>;
}

/**
 * Dutch speech from espeak-ng compiled to WebAssembly and shipped in an npm package, for a machine without the
 * program. Its synthesis is synchronous and takes a tenth of a second or more per sentence, so it runs on a
 * worker thread, where it cannot hold up the RTP packets of calls under way. The thread starts at the first
 * rendering (loading the voices takes a few hundred milliseconds and about 100 MB) and keeps the process alive
 * only while a rendering is under way.
 */
export function createEspeakWasmSynthesizer(options: EspeakWasmOptions): EspeakWasmSynthesizer {
  const maxTextLength = options.maxTextLength ?? 5_000;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const settings: WasmSpeechSettings = {
    voice: options.voice,
    wordsPerMinute: options.wordsPerMinute,
    maxSamples: MAX_SAMPLES,
  };
  let current: Thread | null = null;
  let closed = false;
  let nextId = 1;

  function start(): Thread {
    // Without the parent's flags: the boot file loads the package before tsx's hooks (see there).
    const worker = new Worker(BOOT, { workerData: { entry: ENTRY, settings }, execArgv: [] });
    worker.unref();
    const pending = new Map<number, Pending>();
    let markReady: () => void = () => undefined;
    let failReady: (error: Error) => void = () => undefined;
    const ready = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      failReady = reject;
    });
    // Renderings that wait for `ready` get the failure; this only keeps an unawaited one from crashing the process.
    ready.catch(() => 'reported to the callers');
    const thread: Thread = {
      worker,
      ready,
      pending,
      async fail(error) {
        if (current === thread) current = null;
        failReady(error);
        for (const request of pending.values()) {
          clearTimeout(request.timer);
          request.reject(error);
        }
        pending.clear();
        await worker.terminate();
      },
    };
    worker.on('message', (message: WasmWorkerStatus | WasmSpeechResponse) => {
      if ('ready' in message) return markReady();
      if ('failed' in message) return void thread.fail(new Error(`espeak-ng WebAssembly: ${message.failed}`));
      const request = pending.get(message.id);
      if (request === undefined) return;
      pending.delete(message.id);
      clearTimeout(request.timer);
      if (pending.size === 0) worker.unref();
      if ('error' in message) return request.reject(new Error(`espeak-ng WebAssembly: ${message.error}`));
      request.resolve(message.audio);
    });
    worker.on(
      'error',
      (error: Error) => void thread.fail(new Error(`espeak-ng WebAssembly failed: ${error.message}`, { cause: error })),
    );
    worker.on('exit', (code) => void thread.fail(new Error(`espeak-ng WebAssembly worker exited with ${code}`)));
    return thread;
  }

  return {
    async render(text) {
      if (closed) throw new Error('espeak-ng WebAssembly is closed');
      if (text.length > maxTextLength) throw new Error(`text to speak is longer than ${maxTextLength} characters`);
      const thread = (current ??= start());
      // Referenced while a rendering waits on it, so that the process does not exit before the answer.
      thread.worker.ref();
      await thread.ready;
      if (current !== thread) throw new Error('espeak-ng WebAssembly stopped before the rendering began');
      const id = nextId++;
      return new Promise<SpeechAudio>((resolve, reject) => {
        // A synthesis cannot be interrupted inside the thread: one that hangs costs the thread.
        const timeout = () => void thread.fail(new Error(`espeak-ng WebAssembly took longer than ${timeoutMs} ms`));
        thread.pending.set(id, { resolve, reject, timer: setTimeout(timeout, timeoutMs) });
        const request: WasmSpeechRequest = { id, text };
        thread.worker.postMessage(request);
      });
    },
    async close() {
      closed = true;
      await current?.fail(new Error('espeak-ng WebAssembly is closed'));
    },
  };
}
