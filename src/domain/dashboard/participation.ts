import { isSuppressed } from './suppression.js';

/**
 * Participants per 1,000 inhabitants, to one decimal. Null when the count is suppressed (with the population
 * known, the rate would give the small count away) or the population is unknown.
 */
export function perThousand(participants: number, population: number): number | null {
  if (population <= 0 || isSuppressed(participants)) return null;
  return Math.round((participants * 10_000) / population) / 10;
}

/** A group's rate: all its participants over all its inhabitants (a big gemeente weighs more than a small one). */
export function groupPerThousand(
  members: readonly { readonly participants: number; readonly population: number }[],
): number | null {
  const population = members.reduce((n, m) => n + m.population, 0);
  const participants = members.reduce((n, m) => n + m.participants, 0);
  return population <= 0 ? null : Math.round((participants * 10_000) / population) / 10;
}
