import type { DashboardTexts } from '../../../domain/messages/dashboard-texts.js';
import { html, type SafeHtml } from '../html/html.js';
import { X_LABEL_HEIGHT, xLabelOverhang, xLabels, yAxis, type AxisTick } from './chart-axes.js';
import {
  BACKGROUND,
  BAR_COLOUR,
  HATCH,
  LINE_COLOURS,
  SEPARATOR_WIDTH,
  seriesColour,
  STRONG_BAR_COLOUR,
} from './chart-palette.js';
import { formatNumber } from './dashboard-numbers.js';

type ChartTexts = DashboardTexts['charts'];

/**
 * Small charts drawn on the server as SVG: no chart library, no script, readable without colour (every series also
 * has its own dash or marker shape, and labels), and each one is shown with its table for screen readers. The
 * colours are in chart-palette.ts, the axes in chart-axes.ts.
 */
const W = 720;
/** The left edge leaves room for the y axis' values at their largest (20 units on narrow screens). */
const PAD = { left: 72, right: 16, top: 16 };

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

function legendOf(items: readonly { label: string; swatch: SafeHtml; note?: boolean }[]): SafeHtml {
  return html`<ul class="chart-legend" aria-hidden="true">${items.map((i) => html`<li${i.note ? html` class="legend-note"` : null}><svg viewBox="0 0 24 12" width="24" height="12">${i.swatch}</svg> ${i.label}</li>`)}</ul>`;
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
  categories: readonly AxisTick[],
  series: readonly StackedSeries[],
): SafeHtml {
  const bottom = PAD.top + 200;
  const height = bottom + 8 + X_LABEL_HEIGHT;
  const totals = categories.map((_, i) => series.reduce((n, s) => n + (s.values[i] ?? 0), 0));
  const axis = yAxis(Math.max(...totals, 1), PAD.top, bottom, PAD.left, W - PAD.right);
  const slot = (W - PAD.left - PAD.right) / Math.max(1, categories.length);
  const left = (i: number) => PAD.left + i * slot + slot * 0.15;
  const columns = categories.map((_, i) => {
    let base = 0;
    return html`${series.map((s, k) => {
      const v = s.values[i] ?? 0;
      if (v === 0) return null;
      const y0 = axis.scale(base);
      base += v;
      const y1 = axis.scale(base);
      return html`<rect x="${left(i)}" y="${y1}" width="${slot * 0.7}" height="${Math.max(0, y0 - y1)}" fill="${seriesColour(k)}" stroke="${BACKGROUND}" stroke-width="${SEPARATOR_WIDTH}" class="segment" data-series="${k}" data-index="${i}"/>`;
    })}`;
  });
  const total = totals.reduce((a, b) => a + b, 0);
  return frame(
    t,
    id,
    title,
    t.stacked(formatNumber(total)),
    height,
    html`${axis.markup}${columns}<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${bottom}" y2="${bottom}" class="axis"/>${xLabels(categories, (i) => left(i) + slot * 0.35, slot, bottom + 6)}`,
    legendOf(
      series.map((s, k) => ({
        label: s.label,
        swatch: html`<rect width="24" height="12" fill="${seriesColour(k)}"/>`,
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
  format: (v: number) => string = formatNumber,
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
${item.value === null ? null : html`<rect x="${labelWidth}" y="${y + 4}" width="${w}" height="${row - 10}" fill="${item.strong ? STRONG_BAR_COLOUR : BAR_COLOUR}" class="bar" data-index="${i}"/>`}
<text x="${labelWidth + w + 6}" y="${y + 18}" class="bar-value">${item.value === null ? (item.note ?? '–') : format(item.value)}</text>`;
  });
  return frame(t, id, title, t.bars(items.length), height, html`${bars}`, null);
}

export interface LineSeries {
  readonly label: string;
  /** '< 10' (suppressed): a gap in the line, never a point at some value. */
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

/** The runs of shown values ([from, to] indices), split where a value is suppressed. */
function runsOf(values: readonly (number | '< 10')[]): [number, number][] {
  const runs: [number, number][] = [];
  values.forEach((v, i) => {
    if (typeof v !== 'number') return;
    const last = runs[runs.length - 1];
    if (last !== undefined && last[1] === i - 1) last[1] = i;
    else runs.push([i, i]);
  });
  return runs;
}

/** Lines over time with ▲ markers under the axis (actions) and hatched bands (campaigns). */
export function lineChart(
  t: ChartTexts,
  id: string,
  title: string,
  labels: readonly AxisTick[],
  series: readonly LineSeries[],
  markers: readonly ChartMarker[],
  bands: readonly ChartBand[],
): SafeHtml {
  const bottom = PAD.top + 220;
  const height = bottom + 16 + X_LABEL_HEIGHT;
  const right = Math.max(PAD.right, xLabelOverhang(labels));
  const values = series.flatMap((s) => s.values.filter((v): v is number => typeof v === 'number'));
  const axis = yAxis(Math.max(...values, 1), PAD.top, bottom, PAD.left, W - right);
  const step = (W - PAD.left - right) / Math.max(1, labels.length - 1);
  const x = (i: number) => PAD.left + (labels.length === 1 ? (W - PAD.left - right) / 2 : i * step);
  const bandMarkup = bands.map(
    (b) =>
      html`<rect x="${x(b.from) - step / 2}" y="${PAD.top}" width="${Math.max(step, x(b.to) - x(b.from) + step)}" height="${bottom - PAD.top}" fill="url(#arcering-${id})" class="band"><title>${b.label}</title></rect>`,
  );
  const lines = series.map((s, k) => {
    const colour = LINE_COLOURS[k % LINE_COLOURS.length]!;
    const runs = runsOf(s.values);
    const point = (i: number) => `${x(i).toFixed(1)},${axis.scale(s.values[i] as number).toFixed(1)}`;
    const segments = runs
      .filter(([from, to]) => to > from)
      .map(
        ([from, to]) =>
          html`<polyline points="${Array.from({ length: to - from + 1 }, (_, j) => point(from + j)).join(' ')}" fill="none" stroke="${colour}" stroke-width="2"${s.dash ? html` stroke-dasharray="${s.dash}"` : null} class="series-line" data-series="${k}" data-from="${from}" data-to="${to}"/>`,
      );
    // Points where there is room for them, and always where a value stands alone between gaps.
    const dots = runs.flatMap(([from, to]) =>
      Array.from({ length: to - from + 1 }, (_, j) => from + j)
        .filter(() => labels.length <= 60 || from === to)
        .map((i) => {
          const cx = x(i);
          const cy = axis.scale(s.values[i] as number);
          return s.marker === 'circle'
            ? html`<circle cx="${cx}" cy="${cy}" r="3" fill="${colour}" class="point" data-series="${k}" data-index="${i}"/>`
            : html`<rect x="${cx - 3}" y="${cy - 3}" width="6" height="6" fill="${colour}" class="point" data-series="${k}" data-index="${i}"/>`;
        }),
    );
    return html`${segments}${dots}`;
  });
  const markerMarkup = markers.map(
    (m) =>
      html`<path d="M${x(m.index) - 5},${bottom + 12} l5,-9 l5,9 z" class="marker"><title>${m.label}</title></path>`,
  );
  const defs = html`<defs><pattern id="arcering-${id}" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="${HATCH.ground}"/><line x1="0" y1="0" x2="0" y2="8" stroke="${HATCH.line}" stroke-width="2"/></pattern></defs>`;
  const legend = legendOf([
    ...series.map((s, k) => ({
      label: s.label,
      swatch: html`<line x1="0" y1="6" x2="24" y2="6" stroke="${LINE_COLOURS[k % LINE_COLOURS.length]}" stroke-width="2"${s.dash ? html` stroke-dasharray="${s.dash}"` : null}/>`,
    })),
    {
      label: t.suppressed,
      note: true,
      // A line that stops at a point and picks up again after a gap, as the chart draws it.
      swatch: html`<line x1="0" y1="6" x2="6" y2="6" stroke="#333" stroke-width="2"/><circle cx="6" cy="6" r="2.5" fill="#333"/><circle cx="18" cy="6" r="2.5" fill="#333"/><line x1="18" y1="6" x2="24" y2="6" stroke="#333" stroke-width="2"/>`,
    },
    { label: t.action, swatch: html`<path d="M7,11 l5,-9 l5,9 z" class="marker"/>` },
    {
      label: t.campaign,
      swatch: html`<rect width="24" height="12" fill="url(#arcering-${id})" stroke="${HATCH.line}"/>`,
    },
  ]);
  return frame(
    t,
    id,
    title,
    t.lines({ periods: labels.length, actions: markers.length, campaigns: bands.length }),
    height,
    html`${defs}${bandMarkup}${axis.markup}<line x1="${PAD.left}" x2="${W - right}" y1="${bottom}" y2="${bottom}" class="axis"/>${lines}${markerMarkup}${xLabels(labels, x, step, bottom + 16)}`,
    legend,
  );
}
