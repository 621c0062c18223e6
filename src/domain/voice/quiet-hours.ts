import { amsterdamWallTime } from '../time-window/amsterdam-time.js';

/**
 * The hours in which no call is placed that can wait (closing messages), in Amsterdam wall time. Minutes
 * since midnight; a start after the end wraps past midnight (21:00–08:00). Equal start and end: never quiet.
 */
export interface QuietHours {
  readonly startMinute: number;
  readonly endMinute: number;
}

const MINUTE = 60_000;
const DAY_MINUTES = 24 * 60;

export function isQuiet(at: Date, hours: QuietHours): boolean {
  const { startMinute: start, endMinute: end } = hours;
  if (start === end) return false;
  const m = amsterdamWallTime(at).minuteOfDay;
  return start < end ? m >= start && m < end : m >= start || m < end;
}

/** When the quiet hours that hold `at` end (the first minute calls may be placed again); `at` itself when not quiet. */
export function endOfQuietHours(at: Date, hours: QuietHours): Date {
  if (!isQuiet(at, hours)) return at;
  const minuteOfDay = amsterdamWallTime(at).minuteOfDay;
  const minutesToEnd = (hours.endMinute - minuteOfDay + DAY_MINUTES) % DAY_MINUTES;
  let candidate = Math.floor(at.getTime() / MINUTE) * MINUTE + minutesToEnd * MINUTE;
  // A change to or from summer time in the night moves the wall clock by an hour: correct for it.
  for (let i = 0; i < 3; i++) {
    const wall = amsterdamWallTime(new Date(candidate)).minuteOfDay;
    if (wall === hours.endMinute) break;
    let shift = hours.endMinute - wall;
    if (shift > DAY_MINUTES / 2) shift -= DAY_MINUTES;
    if (shift < -DAY_MINUTES / 2) shift += DAY_MINUTES;
    candidate += shift * MINUTE;
  }
  if (amsterdamWallTime(new Date(candidate)).minuteOfDay !== hours.endMinute) {
    // The end falls in the hour skipped at the change to summer time (02:00–03:00 does not exist that night):
    // the quiet hours end at the first minute after the gap. Go to before the gap, then forward minute by minute.
    if (amsterdamWallTime(new Date(candidate)).minuteOfDay > hours.endMinute) candidate -= 60 * MINUTE;
    for (let i = 0; i < 180 && amsterdamWallTime(new Date(candidate)).minuteOfDay < hours.endMinute; i++) {
      candidate += MINUTE;
    }
    candidate = Math.max(candidate, at.getTime());
  }
  return new Date(candidate);
}

/** "21:00-08:00" (the configuration's form, checked there) as minutes since midnight. */
export function parseQuietHours(text: string): QuietHours {
  const [start, end] = text.split('-').map((hm) => {
    const [h, m] = hm.split(':').map(Number);
    return (h ?? 0) * 60 + (m ?? 0);
  });
  return { startMinute: start ?? 0, endMinute: end ?? 0 };
}
