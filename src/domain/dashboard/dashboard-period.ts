/** How the sign-up trend groups its days. */
export type TrendInterval = 'day' | 'week' | 'month';

export const TREND_INTERVALS: readonly TrendInterval[] = ['day', 'week', 'month'];

/** A period of whole days (Europe/Amsterdam), both ends included, as ISO dates "2026-01-31". */
export interface DayPeriod {
  readonly from: string;
  readonly to: string;
}

/** The longest period a view covers: the history the dashboard keeps, with a margin. */
export const MAX_PERIOD_DAYS = 3 * 366;
/** A trend by day over more than this is unreadable (and heavy): it becomes weeks. */
export const MAX_DAY_POINTS = 186;

const DAY_MS = 86_400_000;

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export type PeriodProblem = 'order' | 'too-long';

export function checkPeriod(period: DayPeriod): PeriodProblem | null {
  const days = daysBetween(period.from, period.to);
  if (days < 0) return 'order';
  if (days > MAX_PERIOD_DAYS) return 'too-long';
  return null;
}

/** The default: the last twelve whole months up to today. */
export function defaultPeriod(today: string): DayPeriod {
  const [y = 2000, m = 1] = today.split('-').map(Number);
  const start = new Date(Date.UTC(y - 1, m, 1)).toISOString().slice(0, 10);
  return { from: start, to: today };
}

/** The interval a trend really uses: days only for short periods. */
export function effectiveInterval(period: DayPeriod, requested: TrendInterval): TrendInterval {
  return requested === 'day' && daysBetween(period.from, period.to) + 1 > MAX_DAY_POINTS ? 'week' : requested;
}

/** The first day of the bucket a day falls in: the day, its ISO week's Monday, or its month's first day. */
export function bucketOf(day: string, interval: TrendInterval): string {
  switch (interval) {
    case 'day':
      return day;
    case 'week': {
      const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
      return addDays(day, -weekday);
    }
    case 'month':
      return `${day.slice(0, 8)}01`;
  }
}

/** Every bucket start from the one holding `from` to the one holding `to`, so a quiet bucket shows as zero. */
export function bucketsOf(period: DayPeriod, interval: TrendInterval): string[] {
  const buckets: string[] = [];
  let bucket = bucketOf(period.from, interval);
  const last = bucketOf(period.to, interval);
  while (bucket <= last) {
    buckets.push(bucket);
    switch (interval) {
      case 'day':
        bucket = addDays(bucket, 1);
        break;
      case 'week':
        bucket = addDays(bucket, 7);
        break;
      case 'month': {
        const [y = 2000, m = 1] = bucket.split('-').map(Number);
        bucket = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
        break;
      }
    }
  }
  return buckets;
}

const AMSTERDAM_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Europe/Amsterdam calendar day of an instant, "2026-03-29". */
export function amsterdamDate(instant: Date): string {
  return AMSTERDAM_DATE.format(instant);
}
