import type { ActionType } from '../../domain/action/action-type.js';
import { addDays, type DayPeriod } from '../../domain/dashboard/dashboard-period.js';
import { shownCount, SUPPRESSED, isSuppressed, type ShownCount } from '../../domain/dashboard/suppression.js';
import type { Staff } from '../../domain/staff/staff.js';
import type { ActionArea, ActionFigures, ActionOutcome, MonthTypeCount } from '../ports/dashboard-repository.js';
import type { DashboardError } from '../../domain/dashboard/errors.js';
import { ok, type Result } from '../../domain/result.js';
import type { DashboardDeps } from './dashboard-deps.js';
import { gemeenteInScope, periodProblem, type GemeenteSummary } from './gemeente-summary.js';

/** An average per action of a count of people: suppressed with the total it comes from. */
export type ShownAverage = number | typeof SUPPRESSED | null;

export interface ShownOutcome {
  readonly type: ActionType | null;
  readonly actions: number;
  readonly closed: number;
  readonly successes: number;
  /** Successes over closed actions, 0–1 to three decimals; null without closed actions. */
  readonly successRatio: number | null;
  readonly medianFirstMessageSeconds: number | null;
  readonly medianLastMessageSeconds: number | null;
  readonly medianRecipients: ShownAverage;
  readonly recipientsPerAction: ShownAverage;
  readonly callsPerAction: ShownAverage;
  readonly tipsPerAction: ShownAverage;
}

export interface AreaActions {
  readonly area: ActionArea;
  readonly name: string;
  readonly perMonth: readonly MonthTypeCount[];
  readonly outcomes: readonly ShownOutcome[];
}

export interface ShownActionFigures extends Omit<ActionFigures, 'recipients' | 'calls' | 'tips' | 'appNotifications'> {
  readonly recipients: ShownCount;
  readonly calls: ShownCount;
  readonly tips: ShownCount;
  readonly appNotifications: ShownCount;
}

export interface ActionsView {
  readonly gemeente: GemeenteSummary;
  readonly period: DayPeriod;
  /** Every month of the period, "2026-03". */
  readonly months: readonly string[];
  /** The gemeente, its safety region, its police unit, the country. */
  readonly areas: readonly AreaActions[];
  /** The gemeente's own actions, newest first (at most ACTION_LIST_LIMIT). */
  readonly actions: readonly ShownActionFigures[];
}

export const ACTION_LIST_LIMIT = 500;

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

function average(total: number, actions: number): ShownAverage {
  if (actions === 0) return null;
  return isSuppressed(total) ? SUPPRESSED : round(total / actions, 1);
}

export function shownOutcome(o: ActionOutcome): ShownOutcome {
  return {
    type: o.type,
    actions: o.actions,
    closed: o.closed,
    successes: o.successes,
    successRatio: o.closed === 0 ? null : round(o.successes / o.closed, 3),
    medianFirstMessageSeconds: o.medianFirstMessageMs === null ? null : round(o.medianFirstMessageMs / 1000, 1),
    medianLastMessageSeconds: o.medianLastMessageMs === null ? null : round(o.medianLastMessageMs / 1000, 1),
    medianRecipients:
      o.medianRecipients === null ? null : isSuppressed(o.recipients) ? SUPPRESSED : Math.round(o.medianRecipients),
    recipientsPerAction: average(o.recipients, o.actions),
    callsPerAction: average(o.calls, o.actions),
    tipsPerAction: average(o.tips, o.actions),
  };
}

export function monthsOf(period: DayPeriod): string[] {
  const months: string[] = [];
  for (let m = period.from.slice(0, 7); m <= period.to.slice(0, 7);) {
    months.push(m);
    m = addDays(`${m}-28`, 5).slice(0, 7);
  }
  return months;
}

/** Actions per month by type, success, speed and response in the gemeente, its regions and the country. */
export async function viewActions(
  deps: DashboardDeps,
  staff: Staff,
  code: string,
  period: DayPeriod,
): Promise<Result<ActionsView, DashboardError>> {
  const found = gemeenteInScope(deps, staff, code);
  if (!found.ok) return found;
  const checked = periodProblem(period);
  if (!checked.ok) return checked;
  const gemeente = found.value;
  await deps.refresher.refreshChanged();
  const areas: { area: ActionArea; name: string }[] = [
    { area: { kind: 'gemeente', code }, name: gemeente.name },
    { area: { kind: 'safety-region', code: gemeente.safetyRegionCode }, name: gemeente.safetyRegionName },
    { area: { kind: 'police-unit', code: gemeente.policeUnitCode }, name: gemeente.policeUnitName },
    { area: { kind: 'national' }, name: 'Nederland' },
  ];
  const [perMonth, outcomes, list] = await Promise.all([
    deps.dashboard.actionsPerMonth(
      areas.map((a) => a.area),
      period,
    ),
    deps.dashboard.actionOutcomes(
      areas.map((a) => a.area),
      period,
    ),
    deps.dashboard.actionList(code, period, ACTION_LIST_LIMIT),
  ]);
  const figures = areas.map((a, i) => ({
    ...a,
    perMonth: perMonth[i] ?? [],
    outcomes: (outcomes[i] ?? []).map(shownOutcome),
  }));
  return ok({
    gemeente,
    period,
    months: monthsOf(period),
    areas: figures,
    actions: list.map((a) => ({
      ...a,
      recipients: shownCount(a.recipients),
      calls: shownCount(a.calls),
      tips: shownCount(a.tips),
      appNotifications: shownCount(a.appNotifications),
    })),
  });
}
