import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import alawmulaw from 'alawmulaw';
import type { SpeechAudio } from '../../app/ports/speech-synthesizer.js';
import { createEspeakWasmSynthesizer } from './espeak-wasm-synthesizer.js';

const espeak = createEspeakWasmSynthesizer({ voice: 'nl', wordsPerMinute: 150 });
after(() => espeak.close());

const peakOf = (audio: SpeechAudio) => audio.samples.reduce((peak, s) => Math.max(peak, Math.abs(s)), 0);

describe('espeak-ng WebAssembly Dutch speech', () => {
  it('renders a sentence as 8 kHz telephone audio in both G.711 laws', async () => {
    const audio = await espeak.render('Heeft u iets gezien? Bel gratis 0800-0011.');
    assert.equal(audio.sampleRate, 8000);
    // A sentence of eight words at 150 words a minute: a few seconds, not silence, not a minute.
    assert.ok(audio.durationMs > 1_500 && audio.durationMs < 8_000, `${audio.durationMs} ms`);
    assert.equal(audio.durationMs, Math.round(audio.samples.length / 8));
    assert.equal(audio.alaw.length, audio.samples.length);
    assert.equal(audio.ulaw.length, audio.samples.length);
    assert.ok(peakOf(audio) > 2_000, `peak ${peakOf(audio)}: speech, not silence`);
    // The encodings decode back to the same speech (G.711 is lossy by a few percent).
    const decoded = alawmulaw.alaw.decode(audio.alaw);
    const i = audio.samples.indexOf(audio.samples.reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a)));
    assert.ok(Math.abs(decoded[i]! - audio.samples[i]!) < Math.abs(audio.samples[i]!) * 0.07);
  });

  it('speaks faster at a higher rate', async () => {
    const fast = createEspeakWasmSynthesizer({ voice: 'nl', wordsPerMinute: 300 });
    try {
      const text = 'Vermist: Sanne de Vries, acht jaar, rode jas.';
      const [slow, quick] = await Promise.all([espeak.render(text), fast.render(text)]);
      assert.ok(
        quick.durationMs < slow.durationMs * 0.75,
        `${quick.durationMs} ms at 300, ${slow.durationMs} ms at 150`,
      );
    } finally {
      await fast.close();
    }
  });

  it('speaks markup in a text instead of obeying it', async () => {
    // Obeyed, the build (which reads SSML) would return twenty seconds of silence.
    const audio = await espeak.render('<break time="20s"/> & <speak>');
    assert.ok(audio.durationMs > 500 && audio.durationMs < 10_000, `${audio.durationMs} ms`);
    assert.ok(peakOf(audio) > 2_000);
  });

  it('keeps the event loop free while it speaks', async () => {
    const text = Array.from(
      { length: 8 },
      () => 'Vermist in Utrecht: Sanne de Vries, acht jaar, een rode jas en blauwe laarzen.',
    ).join(' ');
    let longestGap = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 5);
    try {
      const started = performance.now();
      const audio = await espeak.render(text);
      const took = performance.now() - started;
      assert.ok(audio.durationMs > 30_000, `${audio.durationMs} ms`);
      // Resampling and speaking this text on the main thread would stall it for about half a second.
      assert.ok(
        longestGap < Math.max(150, took / 2),
        `the event loop stalled ${Math.round(longestGap)} ms in ${Math.round(took)} ms`,
      );
    } finally {
      clearInterval(timer);
    }
  });

  it('refuses a text longer than the bound', async () => {
    await assert.rejects(espeak.render('a'.repeat(5_001)), /longer than 5000 characters/);
  });

  it('refuses an unknown voice with a clear error', async () => {
    const unknown = createEspeakWasmSynthesizer({ voice: 'xx-none', wordsPerMinute: 150 });
    await assert.rejects(unknown.render('Hallo'), /espeak-ng WebAssembly: voice "xx-none" is unknown/);
    await unknown.close();
  });

  it('refuses to speak once closed', async () => {
    const closing = createEspeakWasmSynthesizer({ voice: 'nl', wordsPerMinute: 150 });
    await closing.render('Een.');
    await closing.close();
    await assert.rejects(closing.render('Twee.'), /closed/);
  });
});
