/** The parts of the untyped `@echogarden/espeak-ng-emscripten` package (0.3.x, espeak-ng's WebIDL glue) that we use. */
declare module '@echogarden/espeak-ng-emscripten' {
  interface EspeakEvent {
    readonly type: string;
  }

  /** One espeak-ng instance; all of its calls are synchronous. */
  class eSpeakNGWorker {
    /** Sample rate of what `synthesize` hands over (22,050 Hz). */
    get_samplerate(): number;
    /** espeak_SetVoiceByName: 0 when the voice is known. */
    set_voice(name: string): number;
    /** Words per minute, used from the next `synthesize` on. */
    set_rate(wordsPerMinute: number): void;
    /**
     * Speaks the text (read as SSML) and hands over the audio in chunks as it goes; a callback that returns
     * true stops the synthesis.
     */
    synthesize(
      text: string,
      onChunk: (samples: Int16Array, events: readonly EspeakEvent[]) => boolean | undefined,
    ): void;
  }

  interface EspeakModule {
    readonly eSpeakNGWorker: typeof eSpeakNGWorker;
  }

  /** Compiles the WebAssembly and loads the voice data (about 24 MB) into the module's own file system. */
  export default function createEspeakModule(): Promise<EspeakModule>;
}
