/** Zero crossings of the windowed sinc on each side: more is a steeper filter and more work. */
const HALF_WIDTH_ZEROS = 12;

/**
 * Band-limited resampling (windowed sinc, Blackman window). Going down to 8 kHz the filter cuts at
 * `cutoffHz` first, so that speech above the telephone band does not fold back as noise.
 */
export function resample(
  samples: Int16Array,
  fromRate: number,
  toRate: number,
  cutoffHz = Math.min(fromRate, toRate) * 0.45,
): Int16Array {
  if (fromRate === toRate) return samples.slice();
  const outLength = Math.floor((samples.length * toRate) / fromRate);
  const out = new Int16Array(outLength);
  const step = fromRate / toRate;
  // Cut-off as a fraction of the input rate; the sinc's zero crossings are 1 / (2 fc) input samples apart.
  const fc = cutoffHz / fromRate;
  const halfWidth = HALF_WIDTH_ZEROS / (2 * fc);
  for (let n = 0; n < outLength; n++) {
    const t = n * step;
    const first = Math.max(0, Math.ceil(t - halfWidth));
    const last = Math.min(samples.length - 1, Math.floor(t + halfWidth));
    let acc = 0;
    let weights = 0;
    for (let k = first; k <= last; k++) {
      const x = k - t;
      const arg = 2 * Math.PI * fc * x;
      const sinc = x === 0 ? 1 : Math.sin(arg) / arg;
      const w = 0.42 + 0.5 * Math.cos((Math.PI * x) / halfWidth) + 0.08 * Math.cos((2 * Math.PI * x) / halfWidth);
      const h = sinc * w;
      acc += samples[k]! * h;
      weights += h;
    }
    const value = weights === 0 ? 0 : acc / weights;
    out[n] = Math.max(-32768, Math.min(32767, Math.round(value)));
  }
  return out;
}
