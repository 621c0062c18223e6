/** A moment as read from a wall clock in the Netherlands. */
export interface WallTime {
  /** 0 = Monday … 6 = Sunday, the order of WEEKDAYS. */
  readonly dayIndex: number;
  /** Minutes since local midnight, 0–1439. */
  readonly minuteOfDay: number;
}

// Built once: constructing a DateTimeFormat is far slower than using one. The explicit time zone makes the result
// independent of the process's TZ; h23 avoids "24" for midnight.
const AMSTERDAM = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const DAY_INDEX: Readonly<Record<string, number>> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };

/** Europe/Amsterdam wall time of an instant, DST included (via the IANA zone data in Intl). */
export function amsterdamWallTime(instant: Date): WallTime {
  let dayIndex: number | undefined;
  let hour = Number.NaN;
  let minute = Number.NaN;
  for (const part of AMSTERDAM.formatToParts(instant)) {
    if (part.type === 'weekday') dayIndex = DAY_INDEX[part.value];
    else if (part.type === 'hour') hour = Number(part.value);
    else if (part.type === 'minute') minute = Number(part.value);
  }
  if (dayIndex === undefined || !Number.isInteger(hour) || !Number.isInteger(minute)) {
    throw new Error(`cannot read Amsterdam wall time of ${instant.toISOString()}`);
  }
  return { dayIndex, minuteOfDay: hour * 60 + minute };
}
