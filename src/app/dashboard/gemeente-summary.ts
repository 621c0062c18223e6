import { mayViewGemeenteDetail } from '../../domain/dashboard/dashboard-access.js';
import { checkPeriod, type DayPeriod } from '../../domain/dashboard/dashboard-period.js';
import { sizeClassOf, type SizeClass } from '../../domain/dashboard/size-class.js';
import type { Gemeente } from '../../domain/geo/gemeente.js';
import type { Staff } from '../../domain/staff/staff.js';
import type { DashboardError } from '../../domain/dashboard/errors.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { DashboardDeps } from './dashboard-deps.js';

export interface GemeenteSummary extends Gemeente {
  readonly sizeClass: SizeClass;
}

export function summaryOf(gemeente: Gemeente): GemeenteSummary {
  return { ...gemeente, sizeClass: sizeClassOf(gemeente.population) };
}

/** The gemeente, if it exists (any dashboard user sees its aggregates). */
export function findGemeente(deps: DashboardDeps, code: string): Result<GemeenteSummary, DashboardError> {
  const gemeente = deps.gemeenten.get(code);
  return gemeente === undefined ? fail({ code: 'dashboard.unknown-gemeente' }) : ok(summaryOf(gemeente));
}

/** The gemeente, if it exists and the staff member may see its detail. */
export function gemeenteInScope(
  deps: DashboardDeps,
  staff: Staff,
  code: string,
): Result<GemeenteSummary, DashboardError> {
  const found = findGemeente(deps, code);
  if (!found.ok) return found;
  return mayViewGemeenteDetail(staff, { code, meldkamerCode: found.value.policeUnitCode })
    ? found
    : fail({ code: 'dashboard.out-of-scope' });
}

export function periodProblem(period: DayPeriod): Result<DayPeriod, DashboardError> {
  const problem = checkPeriod(period);
  return problem === null ? ok(period) : fail({ code: 'dashboard.invalid-period', problem });
}

/** The gemeenten whose detail this staff member may open (the dashboard's start page lists them). */
export function gemeentenInScope(deps: DashboardDeps, staff: Staff): GemeenteSummary[] {
  return [...deps.gemeenten.values()]
    .filter((g) => mayViewGemeenteDetail(staff, { code: g.code, meldkamerCode: g.policeUnitCode }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'))
    .map(summaryOf);
}
