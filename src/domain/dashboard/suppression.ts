/**
 * Small numbers can point at a person ("the 3 people in this village who left"), so a breakdown never shows a
 * count of people from 1 to 9: it says "< 10" instead. Zero is shown (it points at nobody). Counts of actions are
 * not people and are shown as they are: Burgernetacties are public.
 */
export const SUPPRESSION_THRESHOLD = 10;

export const SUPPRESSED = '< 10' as const;

/** A count of people as a breakdown may show it. */
export type ShownCount = number | typeof SUPPRESSED;

export function shownCount(count: number): ShownCount {
  return count > 0 && count < SUPPRESSION_THRESHOLD ? SUPPRESSED : count;
}

export function isSuppressed(count: number): boolean {
  return count > 0 && count < SUPPRESSION_THRESHOLD;
}

/**
 * The total of a breakdown (the joins over a period, say) beside its cells. A total would give away what the
 * suppressed cells hide when they add up to fewer than 10 people (one suppressed day: total minus the shown days
 * is that day), so then it is not shown at all (null). A total that is itself small is "< 10" like any count.
 */
export function shownTotal(cells: readonly number[]): ShownCount | null {
  const total = cells.reduce((n, c) => n + c, 0);
  if (isSuppressed(total)) return SUPPRESSED;
  const hidden = cells.filter(isSuppressed).reduce((n, c) => n + c, 0);
  return isSuppressed(hidden) ? null : total;
}
