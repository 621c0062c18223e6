import alawmulaw from 'alawmulaw';
import type { SpeechAudio } from '../../app/ports/speech-synthesizer.js';

export const TELEPHONE_RATE = 8000;

/** 8 kHz linear samples with both G.711 encodings, ready to be cut into RTP packets. */
export function telephoneAudio(samples: Int16Array): SpeechAudio {
  return {
    sampleRate: TELEPHONE_RATE,
    samples,
    alaw: alawmulaw.alaw.encode(samples),
    ulaw: alawmulaw.mulaw.encode(samples),
    durationMs: Math.round((samples.length * 1000) / TELEPHONE_RATE),
  };
}
