import type { ActionArea } from '../../../app/ports/dashboard-repository.js';
import type { DayPeriod } from '../../../domain/dashboard/dashboard-period.js';

/** The where-clause of an area over dashboard_actions, with its parameter at `$index` (none for the country). */
/** started_at within the period's Amsterdam days: `$index` is the first day, `$index+1` the last. */
export function periodCondition(column: string, index: number): string {
  return `${column} >= ($${index}::date)::timestamp at time zone 'Europe/Amsterdam'
    and ${column} < ($${index + 1}::date + 1)::timestamp at time zone 'Europe/Amsterdam'`;
}

export const periodParams = (period: DayPeriod): unknown[] => [period.from, period.to];

/**
 * Each action of `d` once per area it lies in, as `areas.idx` (the area's place in the list): one scan of the
 * period's actions serves the gemeente, its region, its police unit and the country. Codes are parameters from
 * `$index` on.
 */
export function areasLateral(areas: readonly ActionArea[], index: number): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const rows = areas.map((area, i) => {
    if (area.kind === 'national') return `(${i}, true)`;
    params.push(area.code);
    const column =
      area.kind === 'gemeente'
        ? 'd.gemeente_code'
        : area.kind === 'safety-region'
          ? 'd.safety_region_code'
          : 'd.meldkamer_code';
    return `(${i}, ${column} = $${index + params.length - 1}::text)`;
  });
  return { sql: `cross join lateral (values ${rows.join(', ')}) as areas(idx, hit)`, params };
}
