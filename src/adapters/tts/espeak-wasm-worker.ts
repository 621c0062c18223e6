import { parentPort, workerData } from 'node:worker_threads';
import createEspeakModule from '@echogarden/espeak-ng-emscripten';
import type { SpeechAudio } from '../../app/ports/speech-synthesizer.js';
import { resample } from './resample.js';
import { TELEPHONE_RATE, telephoneAudio } from './telephone-audio.js';

export interface WasmSpeechSettings {
  readonly voice: string;
  readonly wordsPerMinute: number;
  /** A rendering that grows past this many samples is stopped (runaway input), as the program's output is bounded. */
  readonly maxSamples: number;
}

export interface WasmSpeechRequest {
  readonly id: number;
  /** Plain text: the worker escapes it, as espeak-ng reads it as SSML. */
  readonly text: string;
}

/**
 * Telephone audio, resampled and encoded here too: resampling a spoken alert of 20 seconds takes longer than
 * speaking it (some 400 ms against 100). Its arrays are transferred, not copied.
 */
export type WasmSpeechResponse =
  { readonly id: number; readonly audio: SpeechAudio } | { readonly id: number; readonly error: string };

/** The first message: ready to speak, or why it never will be (an unknown voice). */
export type WasmWorkerStatus = { readonly ready: true } | { readonly failed: string };

const port = parentPort;
if (port === null) throw new Error('espeak-wasm-worker runs as a worker thread');
const settings = (workerData as { readonly settings: WasmSpeechSettings }).settings;

const espeakModule = await createEspeakModule();
const espeak = new espeakModule.eSpeakNGWorker();
const voiceResult = espeak.set_voice(settings.voice);
if (voiceResult !== 0) {
  const status: WasmWorkerStatus = { failed: `voice "${settings.voice}" is unknown (espeak-ng error ${voiceResult})` };
  port.postMessage(status);
} else {
  espeak.set_rate(settings.wordsPerMinute);
  port.on('message', (request: WasmSpeechRequest) => port.postMessage(...speak(request)));
  const status: WasmWorkerStatus = { ready: true };
  port.postMessage(status);
}

function speak(request: WasmSpeechRequest): [WasmSpeechResponse, ArrayBuffer[]] {
  try {
    const chunks: Int16Array[] = [];
    let length = 0;
    let overflow = false;
    espeak.synthesize(asSsmlText(request.text), (samples) => {
      length += samples.length;
      overflow = length > settings.maxSamples;
      if (!overflow) chunks.push(samples);
      return overflow;
    });
    if (overflow) return [{ id: request.id, error: `speech longer than ${settings.maxSamples} samples` }, []];
    const samples = new Int16Array(length);
    let offset = 0;
    for (const chunk of chunks) {
      samples.set(chunk, offset);
      offset += chunk.length;
    }
    const audio = telephoneAudio(resample(samples, espeak.get_samplerate(), TELEPHONE_RATE));
    // Each array was made by resample or the encoder and fills a buffer of its own (never a shared one).
    return [{ id: request.id, audio }, [audio.samples.buffer, audio.alaw.buffer, audio.ulaw.buffer] as ArrayBuffer[]];
  } catch (error) {
    return [{ id: request.id, error: error instanceof Error ? error.message : String(error) }, []];
  }
}

/**
 * The build always reads SSML: a "<break time=…/>" in an alert would be obeyed, not spoken. Escaped, the text is
 * spoken as the program speaks it (which reads plain text), and one line, as the program gets it.
 */
function asSsmlText(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
