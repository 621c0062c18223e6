interface Point {
  readonly at: number;
  readonly sent: number;
  readonly delivered: number;
}

const MAX_POINTS = 600;
const LINES = [
  ['sent', '#154273', []],
  ['delivered', '#1e6b2e', [4, 3]],
] as const;

/**
 * A small line chart on a canvas for the console's progress: sent (submitted + delivered) and delivered over
 * time. `labels` are the two lines' names under the chart.
 */
export class ProgressChart {
  readonly #canvas: HTMLCanvasElement;
  readonly #labels: { readonly sent: string; readonly delivered: string };
  #points: Point[] = [];

  constructor(canvas: HTMLCanvasElement, labels: { readonly sent: string; readonly delivered: string }) {
    this.#canvas = canvas;
    this.#labels = labels;
  }

  add(at: number, sent: number, delivered: number): void {
    this.#points.push({ at, sent, delivered });
    if (this.#points.length > MAX_POINTS) this.#points.shift();
    this.#draw();
  }

  reset(): void {
    this.#points = [];
    this.#draw();
  }

  #draw(): void {
    const c = this.#canvas.getContext('2d');
    if (c === null) return;
    const { width, height } = this.#canvas;
    c.clearRect(0, 0, width, height);
    c.strokeStyle = '#767676';
    c.lineWidth = 1;
    c.strokeRect(0.5, 0.5, width - 1, height - 1);
    const first = this.#points[0];
    const last = this.#points[this.#points.length - 1];
    if (first === undefined || last === undefined) return;
    const t0 = first.at;
    const t1 = Math.max(t0 + 1000, last.at);
    const max = Math.max(1, ...this.#points.map((p) => p.sent));
    const x = (t: number) => 30 + ((t - t0) / (t1 - t0)) * (width - 40);
    const y = (v: number) => height - 20 - (v / max) * (height - 35);
    c.fillStyle = '#1a1a1a';
    c.font = '11px system-ui, sans-serif';
    c.fillText(String(max), 2, 14);
    c.fillText('0', 2, height - 20);
    for (const [key, colour, dash] of LINES) {
      c.strokeStyle = colour;
      c.setLineDash(dash);
      c.lineWidth = 2;
      c.beginPath();
      this.#points.forEach((p, i) => (i === 0 ? c.moveTo(x(p.at), y(p[key])) : c.lineTo(x(p.at), y(p[key]))));
      c.stroke();
    }
    c.setLineDash([]);
    c.fillStyle = '#154273';
    c.fillText(this.#labels.sent, 40, height - 5);
    c.fillStyle = '#1e6b2e';
    c.fillText(this.#labels.delivered, 120, height - 5);
  }
}
