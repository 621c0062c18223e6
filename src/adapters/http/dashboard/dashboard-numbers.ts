/**
 * The one number format of every dashboard page, its tables, charts and CSV downloads: Dutch grouping and decimal
 * comma ("1.234", "12,5") and percentages as "11,2%". The map's script (src/web/dashboard) formats its legend with
 * the same options.
 */
const NUMBER = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
const PERCENT = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 1 });

/** "1.234", "12,5". */
export const formatNumber = (value: number): string => NUMBER.format(value);

/** A ratio as a percentage: 0.112 is "11,2%". */
export const formatPercent = (ratio: number): string => PERCENT.format(ratio);

/** A count or figure as shown: formatted, "< 10" (a suppressed count) as it is, and "–" for nothing to show. */
export function formatFigure(value: number | string | null | undefined): string {
  if (value === null || value === undefined) return '–';
  return typeof value === 'number' ? formatNumber(value) : value;
}
