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
