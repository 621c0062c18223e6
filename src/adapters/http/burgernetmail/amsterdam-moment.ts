const PARTS = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The moment as a datetime-local input holds it in Amsterdam: "2026-05-12T21:30". */
export function amsterdamLocal(instant: Date): string {
  const p = Object.fromEntries(PARTS.formatToParts(instant).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/**
 * "2026-05-12T21:30" (a datetime-local value; "2026-05-12 21:30" too) read as Amsterdam time; null when it is no
 * such moment (a malformed value, or an hour skipped when summer time starts).
 */
export function amsterdamMoment(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})$/.exec(text.trim());
  if (m === null) return null;
  const local = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  const wanted = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}`;
  for (const offsetHours of [1, 2]) {
    const instant = new Date(local - offsetHours * 3_600_000);
    if (amsterdamLocal(instant) === wanted) return instant;
  }
  return null;
}

const SPOKEN = new Intl.DateTimeFormat('nl-NL', {
  dateStyle: 'full',
  timeStyle: 'short',
  timeZone: 'Europe/Amsterdam',
});

/** "dinsdag 12 mei 2026 om 21:30" (Amsterdam time), as the confirm step says it. */
export const momentText = (instant: Date): string => SPOKEN.format(instant);
