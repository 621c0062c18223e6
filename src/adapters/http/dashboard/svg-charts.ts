import type { DashboardTexts } from '../../../domain/messages/dashboard-texts.js';
import { html, raw, type SafeHtml } from '../html/html.js';

type ChartTexts = DashboardTexts['charts'];

/**
 * Small charts drawn on the server as SVG: no chart library, no script, readable without colour (every series also
 * has its own dash or marker shape, and labels), and each one is shown with its table for screen readers.
 * Colours: Okabe & Ito's palette, which stays distinguishable with the common colour-vision deficiencies.
 */
export const OKABE_ITO = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#000000',
] as const;

const NUMBER = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
const W = 720;
const PAD = { left: 56, right: 16, top: 16, bottom: 44 };

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

function frame(
  t: ChartTexts,
  id: string,
  title: string,
  description: string,
  height: number,
  body: SafeHtml,
  legend: SafeHtml | null,
): SafeHtml {
  return html`<figure class="chart" id="grafiek-${id}">
<svg viewBox="0 0 ${W} ${height}" role="img" aria-labelledby="grafiek-${id}-titel grafiek-${id}-uitleg" preserveAspectRatio="xMinYMin meet">
<title id="grafiek-${id}-titel">${title}</title>
<desc id="grafiek-${id}-uitleg">${description}</desc>
${body}
</svg>
${legend}
<figcaption>${title} <span class="chart-hint">${t.tableHint}</span></figcaption>
</figure>`;
}

function legendOf(items: readonly { label: string; swatch: SafeHtml }[]): SafeHtml {
  return html`<ul class="chart-legend" aria-hidden="true">${items.map((i) => html`<li><svg viewBox="0 0 24 12" width="24" height="12">${i.swatch}</svg> ${i.label}</li>`)}</ul>`;
}

function yAxis(
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
        html`<line x1="${left}" x2="${right}" y1="${scale(v)}" y2="${scale(v)}" class="grid"/><text x="${left - 6}" y="${scale(v) + 4}" text-anchor="end" class="tick">${NUMBER.format(v)}</text>`,
    )}`,
  };
}

/** Which x labels to print so that they do not overlap. */
function labelEvery(count: number, width: number, labelWidth = 44): number {
  return Math.max(1, Math.ceil((count * labelWidth) / width));
}

export interface StackedSeries {
  readonly label: string;
  readonly values: readonly number[];
}

/** Stacked columns: one column per category (month), one colour per series (type), from the bottom up. */
export function stackedColumns(
  t: ChartTexts,
  id: string,
  title: string,
  categories: readonly string[],
  series: readonly StackedSeries[],
): SafeHtml {
  const height = 260;
  const bottom = height - PAD.bottom;
  const totals = categories.map((_, i) => series.reduce((n, s) => n + (s.values[i] ?? 0), 0));
  const axis = yAxis(Math.max(...totals, 1), PAD.top, bottom, PAD.left, W - PAD.right);
  const slot = (W - PAD.left - PAD.right) / Math.max(1, categories.length);
  const every = labelEvery(categories.length, W - PAD.left - PAD.right);
  const columns = categories.map((c, i) => {
    let base = 0;
    const x = PAD.left + i * slot + slot * 0.15;
    return html`${series.map((s, k) => {
      const v = s.values[i] ?? 0;
      if (v === 0) return null;
      const y0 = axis.scale(base);
      base += v;
      const y1 = axis.scale(base);
      return html`<rect x="${x}" y="${y1}" width="${slot * 0.7}" height="${Math.max(0, y0 - y1)}" fill="${OKABE_ITO[k % OKABE_ITO.length]}" stroke="#fff" stroke-width="0.5"/>`;
    })}${i % every === 0 ? html`<text x="${x + slot * 0.35}" y="${bottom + 16}" text-anchor="middle" class="tick">${c}</text>` : null}`;
  });
  const total = totals.reduce((a, b) => a + b, 0);
  return frame(
    t,
    id,
    title,
    t.stacked(NUMBER.format(total)),
    height,
    html`${axis.markup}${columns}<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${bottom}" y2="${bottom}" class="axis"/>`,
    legendOf(
      series.map((s, k) => ({
        label: s.label,
        swatch: html`<rect width="24" height="12" fill="${OKABE_ITO[k % OKABE_ITO.length]}"/>`,
      })),
    ),
  );
}

export interface BarItem {
  readonly label: string;
  /** Null: nothing to draw (suppressed or unknown); `note` says why. */
  readonly value: number | null;
  readonly note?: string;
  /** Highlight (the gemeente itself among groups). */
  readonly strong?: boolean;
}

/** Horizontal bars with their value printed at the end: easy to read on a phone and without colour. */
export function horizontalBars(
  t: ChartTexts,
  id: string,
  title: string,
  items: readonly BarItem[],
  format: (v: number) => string = (v) => NUMBER.format(v),
): SafeHtml {
  const row = 30;
  const labelWidth = 320;
  const height = PAD.top + items.length * row + 8;
  const max = Math.max(...items.map((i) => i.value ?? 0), 0) || 1;
  const width = W - labelWidth - 120;
  const bars = items.map((item, i) => {
    const y = PAD.top + i * row;
    const w = item.value === null ? 0 : (width * item.value) / max;
    return html`<text x="${labelWidth - 8}" y="${y + 18}" text-anchor="end" class="bar-label${item.strong ? ' strong' : ''}">${item.label}</text>
<rect x="${labelWidth}" y="${y + 4}" width="${w}" height="${row - 10}" fill="${item.strong ? OKABE_ITO[1] : OKABE_ITO[0]}"${item.strong ? raw(' stroke="#000" stroke-width="1"') : null}/>
<text x="${labelWidth + w + 6}" y="${y + 18}" class="bar-value">${item.value === null ? (item.note ?? '–') : format(item.value)}</text>`;
  });
  return frame(t, id, title, t.bars(items.length), height, html`${bars}`, null);
}

/** Where a suppressed count ("< 10") is drawn: an open marker halfway the band it lies in. */
const SUPPRESSED_AT = 5;

export interface LineSeries {
  readonly label: string;
  /** '< 10': drawn as an open marker in the band under 10, the line broken around it. */
  readonly values: readonly (number | '< 10')[];
  readonly dash: string | null;
  readonly marker: 'circle' | 'square';
}

export interface ChartMarker {
  readonly index: number;
  readonly label: string;
}

export interface ChartBand {
  readonly from: number;
  readonly to: number;
  readonly label: string;
}

/** Lines over time with ▲ markers under the axis (actions) and hatched bands (campaigns). */
export function lineChart(
  t: ChartTexts,
  id: string,
  title: string,
  labels: readonly string[],
  series: readonly LineSeries[],
  markers: readonly ChartMarker[],
  bands: readonly ChartBand[],
): SafeHtml {
  const height = 300;
  const bottom = height - PAD.bottom - 14;
  const values = series.flatMap((s) => s.values.map((v) => (typeof v === 'number' ? v : SUPPRESSED_AT * 2)));
  const axis = yAxis(Math.max(...values, 1), PAD.top, bottom, PAD.left, W - PAD.right);
  const step = (W - PAD.left - PAD.right) / Math.max(1, labels.length - 1);
  const x = (i: number) => PAD.left + (labels.length === 1 ? (W - PAD.left - PAD.right) / 2 : i * step);
  const every = labelEvery(labels.length, W - PAD.left - PAD.right, 7 * Math.max(...labels.map((l) => l.length), 4));
  const bandMarkup = bands.map(
    (b) =>
      html`<rect x="${x(b.from) - step / 2}" y="${PAD.top}" width="${Math.max(step, x(b.to) - x(b.from) + step)}" height="${bottom - PAD.top}" fill="url(#arcering-${id})" class="band"><title>${b.label}</title></rect>`,
  );
  const lines = series.map((s, k) => {
    const colour = OKABE_ITO[k === 0 ? 0 : 5];
    const segments: string[] = [];
    let current: string[] = [];
    s.values.forEach((v, i) => {
      if (typeof v !== 'number') {
        if (current.length > 0) segments.push(current.join(' '));
        current = [];
      } else current.push(`${x(i).toFixed(1)},${axis.scale(v).toFixed(1)}`);
    });
    if (current.length > 0) segments.push(current.join(' '));
    const dots = s.values.map((v, i) => {
      const suppressed = typeof v !== 'number';
      if (!suppressed && labels.length > 60) return null;
      const y = axis.scale(suppressed ? SUPPRESSED_AT : v);
      const style = suppressed ? html` class="suppressed" stroke="${colour}"` : html` fill="${colour}"`;
      return s.marker === 'circle'
        ? html`<circle cx="${x(i)}" cy="${y}" r="3"${style}/>`
        : html`<rect x="${x(i) - 3}" y="${y - 3}" width="6" height="6"${style}/>`;
    });
    return html`${segments.map((points) => html`<polyline points="${points}" fill="none" stroke="${colour}" stroke-width="2"${s.dash ? html` stroke-dasharray="${s.dash}"` : null}/>`)}${dots}`;
  });
  const markerMarkup = markers.map(
    (m) =>
      html`<path d="M${x(m.index) - 5},${bottom + 12} l5,-9 l5,9 z" class="marker"><title>${m.label}</title></path>`,
  );
  const xLabels = labels.map((l, i) =>
    i % every === 0 ? html`<text x="${x(i)}" y="${bottom + 30}" text-anchor="middle" class="tick">${l}</text>` : null,
  );
  const defs = html`<defs><pattern id="arcering-${id}" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="#fff7e0"/><line x1="0" y1="0" x2="0" y2="8" stroke="#b07d00" stroke-width="2"/></pattern></defs>`;
  const legend = legendOf([
    ...series.map((s, k) => ({
      label: s.label,
      swatch: html`<line x1="0" y1="6" x2="24" y2="6" stroke="${OKABE_ITO[k === 0 ? 0 : 5]}" stroke-width="2"${s.dash ? html` stroke-dasharray="${s.dash}"` : null}/>`,
    })),
    { label: t.suppressed, swatch: html`<circle cx="12" cy="6" r="4" fill="#fff" stroke="#333" stroke-width="1.5"/>` },
    { label: t.action, swatch: html`<path d="M7,11 l5,-9 l5,9 z" class="marker"/>` },
    { label: t.campaign, swatch: html`<rect width="24" height="12" fill="url(#arcering-${id})" stroke="#b07d00"/>` },
  ]);
  return frame(
    t,
    id,
    title,
    t.lines({ periods: labels.length, actions: markers.length, campaigns: bands.length }),
    height,
    html`${defs}${bandMarkup}${axis.markup}<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${bottom}" y2="${bottom}" class="axis"/>${lines}${markerMarkup}${xLabels}`,
    legend,
  );
}
