import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resample } from './resample.js';

function tone(hz: number, rate: number, seconds: number, amplitude = 10_000): Int16Array {
  const out = new Int16Array(Math.round(rate * seconds));
  for (let i = 0; i < out.length; i++) out[i] = Math.round(amplitude * Math.sin((2 * Math.PI * hz * i) / rate));
  return out;
}

/** Root-mean-square level away from the edges, where the filter has only half its taps. */
function rms(samples: Int16Array): number {
  const from = Math.floor(samples.length * 0.1);
  const to = Math.floor(samples.length * 0.9);
  let sum = 0;
  for (let i = from; i < to; i++) sum += samples[i]! ** 2;
  return Math.sqrt(sum / (to - from));
}

/** Frequency from zero crossings. */
function frequency(samples: Int16Array, rate: number): number {
  let crossings = 0;
  for (let i = 1; i < samples.length; i++) if (samples[i - 1]! < 0 !== samples[i]! < 0) crossings++;
  return (crossings / 2) * (rate / samples.length);
}

describe('resample', () => {
  it('turns a second of 22,050 Hz audio into 8,000 samples', () => {
    assert.equal(resample(tone(440, 22_050, 1), 22_050, 8_000).length, 8_000);
  });

  it('keeps a tone in the telephone band at its pitch and level', () => {
    const out = resample(tone(1_000, 22_050, 1), 22_050, 8_000);
    assert.ok(Math.abs(frequency(out, 8_000) - 1_000) < 5, `${frequency(out, 8_000)} Hz`);
    const level = rms(out) / rms(tone(1_000, 22_050, 1));
    assert.ok(level > 0.95 && level < 1.05, `level ${level}`);
  });

  it('filters out what would fold back below 4 kHz', () => {
    // 6 kHz at 8 kHz sampling would alias to 2 kHz if it were not filtered first.
    const out = resample(tone(6_000, 22_050, 1), 22_050, 8_000);
    assert.ok(rms(out) < rms(tone(6_000, 22_050, 1)) * 0.01, `left ${rms(out)}`);
  });
});
