import { html, type SafeHtml } from '../html/html.js';
import { formatNumber } from './dashboard-numbers.js';

/** A label under the x axis: "mrt" (or "3 mrt"), with its year printed where the year changes. */
export interface AxisTick {
  readonly text: string;
  readonly year: string;
}

/**
 * Two sets of x labels, each planned for its own font size: the page shows the wide set, and the narrow one on
 * small screens (dashboard.css), where the chart is scaled down and larger, fewer labels stay readable. A character
 * is taken as 0.68 em (wide fonts such as DejaVu Sans), so that labels never touch whatever font the browser picks.
 */
const LABEL_SETS = [
  { name: 'wide', fontSize: 12 },
  { name: 'narrow', fontSize: 24 },
] as const;
const LARGEST_FONT = Math.max(...LABEL_SETS.map((s) => s.fontSize));
const CHAR_EM = 0.68;
const LABEL_GAP = 6;

/** How wide a label of `chars` characters can be at `fontSize`, in user units. */
const labelWidth = (chars: number, fontSize: number): number => chars * CHAR_EM * fontSize;

/** The room under the axis that two-line labels need at their largest. */
export const X_LABEL_HEIGHT = Math.ceil(2.6 * LARGEST_FONT);

/** A round step for an axis up to `max` with about five ticks. */
function ticks(max: number): number[] {
  if (max <= 0) return [0, 1];
  const rough = max / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * power).find((s) => s >= rough) ?? rough;
  const out: number[] = [];
  for (let v = 0; v <= max + step / 2; v += step) out.push(Math.round(v * 1000) / 1000);
  if ((out[out.length - 1] ?? 0) < max) out.push((out[out.length - 1] ?? 0) + step);
  return out;
}

/** The y axis: grid lines with their values, and the scale from a value to a y. */
export function yAxis(
  maxValue: number,
  top: number,
  bottom: number,
  left: number,
  right: number,
): { scale: (v: number) => number; markup: SafeHtml } {
  const t = ticks(maxValue);
  const max = t[t.length - 1] ?? 1;
  const scale = (v: number) => bottom - ((bottom - top) * v) / max;
  return {
    scale,
    markup: html`${t.map(
      (v) =>
        html`<line x1="${left}" x2="${right}" y1="${scale(v)}" y2="${scale(v)}" class="grid"/><text x="${left - 6}" y="${scale(v) + 4}" text-anchor="end" class="tick">${formatNumber(v)}</text>`,
    )}`,
  };
}

const widestOf = (labels: readonly AxisTick[]) =>
  Math.max(4, ...labels.map((l) => Math.max(l.text.length, l.year.length)));

/** How far a centred label reaches beyond its tick: the room to keep at the chart's edges. */
export const xLabelOverhang = (labels: readonly AxisTick[]): number =>
  Math.ceil(labelWidth(widestOf(labels), LARGEST_FONT) / 2);

/**
 * The labels under the x axis, thinned out so that they never overlap: every n-th one, n chosen from the widest
 * label and the room per tick (`slot`), once per label set. The year goes on a second line under the first label
 * and wherever it changes.
 */
export function xLabels(labels: readonly AxisTick[], x: (i: number) => number, slot: number, top: number): SafeHtml {
  const widest = widestOf(labels);
  return html`${LABEL_SETS.map((set) => {
    const every = Math.max(1, Math.ceil((labelWidth(widest, set.fontSize) + LABEL_GAP) / Math.max(1, slot)));
    let lastYear: string | null = null;
    return html`<g class="x-labels x-labels-${set.name}" font-size="${set.fontSize}">${labels.map((label, i) => {
      if (i % every !== 0) return null;
      const year = label.year === lastYear ? null : label.year;
      lastYear = label.year;
      return html`<text x="${x(i)}" y="${top}" text-anchor="middle" class="x-tick" data-index="${i}"><tspan x="${x(i)}" dy="1em">${label.text}</tspan>${year === null ? null : html`<tspan x="${x(i)}" dy="1.2em">${year}</tspan>`}</text>`;
    })}</g>`;
  })}`;
}
