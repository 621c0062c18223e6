import type { SmscTraffic } from './smsc-health.js';

/** A profile as routing sees it. `priority`: 1 is tried first; null: it never gets new SMS (receipts only). */
export interface RoutableSmsc {
  readonly name: string;
  readonly priority: number | null;
  readonly traffic: SmscTraffic;
}

/**
 * The profiles to try for one SMS, in order: those that take traffic (up, or half-open with room for a trial) by
 * priority, so that a half-open profile of higher priority gets its trial messages before the others get the rest.
 * When none takes traffic, the one of highest priority still gets it: an SMS waiting there for a bind is no worse
 * off than one not sent, and a single profile keeps working as before.
 */
export function smscRoute(profiles: readonly RoutableSmsc[]): readonly string[] {
  const routable = profiles
    .filter((p): p is RoutableSmsc & { readonly priority: number } => p.priority !== null)
    .map((p, listed) => ({ ...p, listed }))
    .sort((a, b) => a.priority - b.priority || a.listed - b.listed);
  const taking = routable.filter((p) => p.traffic !== 'none');
  if (taking.length > 0) return taking.map((p) => p.name);
  const [first] = routable;
  return first === undefined ? [] : [first.name];
}
