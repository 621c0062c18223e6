// The map's classes: quintiles of participants per 1,000 inhabitants.

/** The quintiles' lower bounds; equal breaks (many gemeenten with the same rounded rate) merge, so a class never reads "1,2 tot 1,2". */
export function classBreaks(values: readonly (number | null)[]): number[] {
  const sorted = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  const lowest = sorted[0];
  if (lowest === undefined) return [];
  const breaks = [1, 2, 3, 4].map((q) => sorted[Math.min(sorted.length - 1, Math.floor((q * sorted.length) / 5))]!);
  return breaks.filter((b, i) => b > lowest && (i === 0 || b !== breaks[i - 1]));
}

/** The class of a value (0 is the lowest), or -1 when there is no value. */
export function classOf(value: number | null | undefined, breaks: readonly number[]): number {
  if (value === null || value === undefined) return -1;
  let k = 0;
  while (k < breaks.length && value >= breaks[k]!) k++;
  return k;
}
