import type { Clock } from '../src/app/ports/clock.js';

/** A clock that starts at a fixed moment and then runs with real time, so that time windows select the same. */
export function clockFrom(start: Date): Clock {
  const offset = start.getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}
