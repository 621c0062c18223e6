const PARTS = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const LONG = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const DATE_TIME = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  dateStyle: 'medium',
  timeStyle: 'short',
});

function wall(instant: number): string {
  const p = Object.fromEntries(PARTS.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** The instant a day ("2026-07-01") begins in Amsterdam; null for no such day. */
export function amsterdamStartOfDay(day: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (match === null) return null;
  const utcMidnight = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (Number.isNaN(utcMidnight) || new Date(utcMidnight).toISOString().slice(0, 10) !== day) return null;
  for (const offsetHours of [1, 2]) {
    const instant = utcMidnight - offsetHours * 3_600_000;
    if (wall(instant) === `${day} 00:00`) return new Date(instant);
  }
  return null;
}

/** The Amsterdam day of an instant, as a date input wants it. */
export function amsterdamDay(instant: Date): string {
  return wall(instant.getTime()).slice(0, 10);
}

export const formatLongDate = (instant: Date): string => LONG.format(instant);
export const formatDateTime = (instant: Date): string => DATE_TIME.format(instant);
