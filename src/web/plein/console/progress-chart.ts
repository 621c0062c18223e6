interface Point {
  readonly at: number;
  readonly sent: number;
  readonly delivered: number;
}

export interface ChartLabels {
  readonly sent: string;
  readonly delivered: string;
  /** Under the time axis's first tick: the moment the action started. */
  readonly start: string;
  /** In the empty chart before anything was sent. */
  readonly empty: string;
}

const MAX_POINTS = 600;
const LINES = [
  ['sent', '#154273', []],
  ['delivered', '#1e6b2e', [4, 3]],
] as const;
const LEFT = 34;
const RIGHT = 10;
const TOP = 16;
const BOTTOM = 36;

/** Minutes and seconds since the start, as the axis shows them: "0:00", "1:30", "12:00". */
function sinceStart(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** A tick distance that gives at most about five ticks: 10 s, 30 s, 1, 2, 5, 10, 30 minutes … */
function tickStep(spanMs: number): number {
  const steps = [10, 30, 60, 120, 300, 600, 1800, 3600, 7200].map((s) => s * 1000);
  return steps.find((s) => spanMs / s <= 5) ?? 4 * 3_600_000;
}

/**
 * A small line chart on a canvas for the console's progress: sent (submitted + delivered) and delivered over
 * time, on a time axis that starts when the action started (minutes:seconds since then), so the first seconds are
 * already a picture. `labels` are the two lines' names under the chart.
 */
export class ProgressChart {
  readonly #canvas: HTMLCanvasElement;
  readonly #labels: ChartLabels;
  #points: Point[] = [];
  #start = Date.now();

  constructor(canvas: HTMLCanvasElement, labels: ChartLabels) {
    this.#canvas = canvas;
    this.#labels = labels;
  }

  add(at: number, sent: number, delivered: number): void {
    this.#points.push({ at, sent, delivered });
    if (this.#points.length > MAX_POINTS) this.#points.shift();
    this.#draw();
  }

  /** Starts again for an action that started at `start` (epoch milliseconds). */
  reset(start: number): void {
    this.#points = [];
    this.#start = Math.min(start, Date.now());
    this.#draw();
  }

  #draw(): void {
    const c = this.#canvas.getContext('2d');
    if (c === null) return;
    const { width, height } = this.#canvas;
    c.clearRect(0, 0, width, height);
    const last = this.#points[this.#points.length - 1];
    const t0 = this.#start;
    const t1 = Math.max(t0 + 60_000, last?.at ?? 0, Date.now());
    const max = Math.max(1, ...this.#points.map((p) => p.sent));
    const plotWidth = width - LEFT - RIGHT;
    const plotHeight = height - TOP - BOTTOM;
    const x = (t: number) => LEFT + ((t - t0) / (t1 - t0)) * plotWidth;
    const y = (v: number) => TOP + plotHeight - (v / max) * plotHeight;

    // Axes: counts on the left, time since the start below.
    c.strokeStyle = '#767676';
    c.lineWidth = 1;
    c.setLineDash([]);
    c.beginPath();
    c.moveTo(LEFT, TOP);
    c.lineTo(LEFT, TOP + plotHeight);
    c.lineTo(LEFT + plotWidth, TOP + plotHeight);
    c.stroke();
    c.fillStyle = '#1a1a1a';
    c.font = '11px system-ui, sans-serif';
    c.textAlign = 'right';
    c.fillText(max.toLocaleString('nl-NL'), LEFT - 4, TOP + 4);
    c.fillText('0', LEFT - 4, TOP + plotHeight);
    c.textAlign = 'center';
    const step = tickStep(t1 - t0);
    for (let t = t0; t <= t1; t += step) {
      c.beginPath();
      c.moveTo(x(t), TOP + plotHeight);
      c.lineTo(x(t), TOP + plotHeight + 4);
      c.stroke();
      c.fillText(t === t0 ? this.#labels.start : sinceStart(t - t0), x(t), TOP + plotHeight + 15);
    }

    if (this.#points.length === 0 || last === undefined || last.sent === 0) {
      c.fillStyle = '#4d4d4d';
      c.fillText(this.#labels.empty, LEFT + plotWidth / 2, TOP + plotHeight / 2);
    }
    for (const [key, colour, dash] of LINES) {
      c.strokeStyle = colour;
      c.setLineDash(dash);
      c.lineWidth = 2;
      c.beginPath();
      // From the start at zero, through every reading, to now.
      c.moveTo(x(t0), y(0));
      for (const p of this.#points) c.lineTo(x(p.at), y(p[key]));
      if (last !== undefined) c.lineTo(x(t1), y(last[key]));
      c.stroke();
    }
    c.setLineDash([]);
    c.textAlign = 'left';
    c.fillStyle = '#154273';
    c.fillText(this.#labels.sent, LEFT, height - 4);
    c.fillStyle = '#1e6b2e';
    c.fillText(this.#labels.delivered, LEFT + 90, height - 4);
  }
}
