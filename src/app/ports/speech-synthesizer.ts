/** Telephone audio: 8 kHz, 16-bit linear, mono, and its G.711 encodings (one byte per sample). */
export interface SpeechAudio {
  readonly sampleRate: 8000;
  readonly samples: Int16Array;
  readonly alaw: Uint8Array;
  readonly ulaw: Uint8Array;
  readonly durationMs: number;
}

/** Turns Dutch text into telephone audio. Implementations cache: the same text costs one rendering. */
export interface SpeechSynthesizer {
  render(text: string): Promise<SpeechAudio>;
}
