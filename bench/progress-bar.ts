import { SingleBar } from 'cli-progress';

export interface ProgressBar {
  update(done: number): void;
  stop(): void;
}

/** A bar on stderr (stdout keeps only the figures). */
export function startProgressBar(label: string, total: number): ProgressBar {
  const started = performance.now();
  const bar = new SingleBar({
    format: `${label.padEnd(22)} [{bar}] {percentage}% | {value}/{total} | {rate}/s | {duration}s`,
    stream: process.stderr,
    hideCursor: true,
    // Redirected to a file, a line every ten seconds still shows how far it got.
    noTTYOutput: true,
    notTTYSchedule: 10_000,
  });
  bar.start(total, 0, { rate: 0 });
  return {
    update(done) {
      const seconds = Math.max(0.001, (performance.now() - started) / 1000);
      bar.update(done, { rate: Math.round(done / seconds) });
    },
    stop() {
      bar.stop();
    },
  };
}
