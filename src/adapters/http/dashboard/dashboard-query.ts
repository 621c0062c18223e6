import { z } from 'zod';
import {
  amsterdamDate,
  defaultPeriod,
  TREND_INTERVALS,
  type DayPeriod,
  type TrendInterval,
} from '../../../domain/dashboard/dashboard-period.js';

// Beyond the year 9999 a date no longer reads as YYYY-MM-DD, and the views step past `to` by days and months.
const isoDate = z.iso.date().refine((day) => day < '3000-01-01', 'Kies een datum vóór het jaar 3000.');

/** ?from=2026-01-01&to=2026-06-30&interval=week: every dashboard view's filter (all optional). */
export const periodQuery = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  interval: z.enum(TREND_INTERVALS as [TrendInterval, ...TrendInterval[]]).default('month'),
});
export type PeriodQuery = z.infer<typeof periodQuery>;

export const gemeenteParams = z.object({ code: z.string().regex(/^GM\d{4}$/) });

/** The period asked for, the last twelve months when not given (Europe/Amsterdam days). */
export function periodOf(
  query: { readonly from?: string | undefined; readonly to?: string | undefined },
  now: Date,
): DayPeriod {
  const to = query.to ?? amsterdamDate(now);
  return { from: query.from ?? defaultPeriod(to).from, to };
}
