import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import alawmulaw from 'alawmulaw';
import { createCachedSynthesizer } from './cached-synthesizer.js';
import { createEspeakSynthesizer } from './espeak-synthesizer.js';

const espeak = createEspeakSynthesizer({ voice: 'nl', wordsPerMinute: 150 });

describe('espeak-ng Dutch speech', () => {
  it('renders a sentence as 8 kHz telephone audio in both G.711 laws', async () => {
    const audio = await espeak.render('Heeft u iets gezien? Bel gratis 0800-0011.');
    assert.equal(audio.sampleRate, 8000);
    // A sentence of eight words at 150 words a minute: a few seconds, not silence, not a minute.
    assert.ok(audio.durationMs > 1_500 && audio.durationMs < 8_000, `${audio.durationMs} ms`);
    assert.equal(audio.durationMs, Math.round(audio.samples.length / 8));
    assert.equal(audio.alaw.length, audio.samples.length);
    assert.equal(audio.ulaw.length, audio.samples.length);
    let peak = 0;
    for (const s of audio.samples) peak = Math.max(peak, Math.abs(s));
    assert.ok(peak > 2_000, `peak ${peak}: speech, not silence`);
    // The encodings decode back to the same speech (G.711 is lossy by a few percent).
    const decoded = alawmulaw.alaw.decode(audio.alaw);
    const i = audio.samples.indexOf(audio.samples.reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a)));
    assert.ok(Math.abs(decoded[i]! - audio.samples[i]!) < Math.abs(audio.samples[i]!) * 0.07);
  });

  it('speaks a text that starts with a dash instead of reading it as an option', async () => {
    const audio = await espeak.render('-v en --help');
    assert.ok(audio.durationMs > 300);
  });

  it('refuses an unknown voice with a clear error', async () => {
    await assert.rejects(
      createEspeakSynthesizer({ voice: 'xx-none', wordsPerMinute: 150 }).render('Hallo'),
      /espeak-ng ended with code/,
    );
  });
});

describe('speech cache', () => {
  it('renders a text once however many calls ask for it at the same time', async () => {
    const cache = createCachedSynthesizer(espeak, { variant: 'nl/150', maxMemoryBytes: 10_000_000, directory: null });
    const results = await Promise.all(Array.from({ length: 20 }, () => cache.render('Vermist: Sanne, acht jaar.')));
    assert.equal(cache.renderCount, 1);
    assert.ok(results.every((r) => r === results[0]));
    await cache.render('Een andere tekst.');
    assert.equal(cache.renderCount, 2);
  });

  it('keeps to its memory bound, dropping the least recently used', async () => {
    const first = await espeak.render('Een.');
    const bound = Math.floor((first.samples.byteLength + first.alaw.byteLength + first.ulaw.byteLength) * 2.5);
    const cache = createCachedSynthesizer(espeak, { variant: 'nl/150', maxMemoryBytes: bound, directory: null });
    await cache.render('Een.');
    await cache.render('Twee.');
    await cache.render('Een.'); // now the most recent
    await cache.render('Drie.');
    assert.ok(cache.memoryBytes <= bound);
    const before = cache.renderCount;
    await cache.render('Een.');
    assert.equal(cache.renderCount, before, 'the recently used text stayed');
    await cache.render('Twee.');
    assert.equal(cache.renderCount, before + 1, 'the least recently used text was dropped');
  });

  it('finds a rendering on disk after a restart', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'burgernet-tts-'));
    try {
      const options = { variant: 'nl/150', maxMemoryBytes: 10_000_000, directory };
      const first = createCachedSynthesizer(espeak, options);
      const spoken = await first.render('Burgernet test.');
      assert.equal((await readdir(directory)).filter((f) => f.endsWith('.wav')).length, 1);
      const second = createCachedSynthesizer(espeak, options);
      const again = await second.render('Burgernet test.');
      assert.equal(second.renderCount, 0);
      assert.deepEqual(again.alaw, spoken.alaw);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
