import { z } from 'zod';
import {
  amsterdamDate,
  defaultPeriod,
  TREND_INTERVALS,
  type DayPeriod,
  type TrendInterval,
} from '../../../domain/dashboard/dashboard-period.js';

const isoDate = z.iso.date();

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
