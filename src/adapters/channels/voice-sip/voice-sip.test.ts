import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { pino } from 'pino';
import { loadConfig } from '../../../config.js';
import { asMsisdn } from '../../../domain/participant/msisdn.js';
import { voiceSip } from './voice-sip.js';

const NUMBER = '+31201234567';

/** A logger whose lines a test can read. */
function recordingLogger() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'info' }, destination), lines };
}

describe('voice start-up', () => {
  it('says once which espeak-ng speaks, and calls with the WebAssembly build when told to', async () => {
    const { logger, lines } = recordingLogger();
    // Fast speech, the message once: a short call.
    const config = loadConfig({
      VOICE_TTS_ENGINE: 'wasm',
      VOICE_TTS_WORDS_PER_MINUTE: '400',
      VOICE_SIMULATOR_PORT: '0',
    });
    const started = await voiceSip.start(config, { logger, clock: { now: () => new Date() } });
    const voice = started.value;
    try {
      const said = lines.filter((l) => l.msg === 'speech engine');
      assert.equal(said.length, 1);
      assert.match(String(said[0]!.engine), /^espeak-ng WebAssembly \(npm @echogarden\/espeak-ng-emscripten /);

      const outcome = await voice.channel.placeCall({
        callId: 'start-voice-1',
        to: asMsisdn(NUMBER),
        text: 'Vermist: Sanne.',
        closing: 'Bel 0800-0011.',
        plays: 1,
      });
      assert.equal(outcome.kind, 'answered');
      const [call] = voice.simulator!.callsTo(NUMBER);
      // The far end heard both texts, as rendered by the WebAssembly build.
      const message = await voice.synthesizer.render('Vermist: Sanne.');
      const closing = await voice.synthesizer.render('Bel 0800-0011.');
      assert.equal(voice.synthesizer.renderCount, 2);
      assert.ok(call!.audioBytes >= message.samples.length + closing.samples.length, `${call!.audioBytes} bytes heard`);
    } finally {
      await started.stop();
    }
  });
});
