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
 * The areas as a table `areas(idx, kind, code)` from parameters `$index` (kinds) and `$index+1` (codes), and the
 * join condition of dashboard_actions `d` with it: one scan of the period's actions serves every area.
 */
export function areasTable(areas: readonly ActionArea[], index: number): { cte: string; join: string; params: unknown[] } {
  return {
    cte: `areas as (select (ordinality - 1)::int as idx, kind, code from unnest($${index}::text[], $${index + 1}::text[]) with ordinality as x(kind, code))`,
    join: `(areas.kind = 'national' or (areas.kind = 'gemeente' and d.gemeente_code = areas.code)
      or (areas.kind = 'safety-region' and d.safety_region_code = areas.code) or (areas.kind = 'police-unit' and d.meldkamer_code = areas.code))`,
    params: [areas.map((a) => a.kind), areas.map((a) => (a.kind === 'national' ? '' : a.code))],
  };
}

