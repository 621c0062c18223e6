import {
  amsterdamDate,
  bucketsOf,
  effectiveInterval,
  type DayPeriod,
  type TrendInterval,
} from '../../domain/dashboard/dashboard-period.js';
import type { RecruitmentCampaign } from '../../domain/dashboard/recruitment-campaign.js';
import { shownCount, shownTotal, type ShownCount } from '../../domain/dashboard/suppression.js';
import { perThousand } from '../../domain/dashboard/participation.js';
import type { Staff } from '../../domain/staff/staff.js';
import type { ActionMarker, AppUsers } from '../ports/dashboard-repository.js';
import type { DashboardError } from '../../domain/dashboard/errors.js';
import { ok, type Result } from '../../domain/result.js';
import type { DashboardDeps } from './dashboard-deps.js';
import { gemeenteInScope, periodProblem, type GemeenteSummary } from './gemeente-summary.js';

export interface ParticipantsView {
  readonly gemeente: GemeenteSummary;
  readonly participants: ShownCount;
  readonly sms: ShownCount;
  readonly voice: ShownCount;
  readonly email: ShownCount;
  readonly perThousand: number | null;
  /** Only nationally: a push subscription holds no location (see README, Dashboard). */
  readonly appUsersNational: AppUsers;
}

export async function viewParticipants(
  deps: DashboardDeps,
  staff: Staff,
  code: string,
): Promise<Result<ParticipantsView, DashboardError>> {
  const gemeente = gemeenteInScope(deps, staff, code);
  if (!gemeente.ok) return gemeente;
  const [counts, appUsers] = await Promise.all([
    deps.dashboard.participantCounts(code),
    deps.dashboard.appUsers(amsterdamDate(deps.clock.now())),
  ]);
  return ok({
    gemeente: gemeente.value,
    participants: shownCount(counts.participants),
    sms: shownCount(counts.sms),
    voice: shownCount(counts.voice),
    email: shownCount(counts.email),
    perThousand: perThousand(counts.participants, gemeente.value.population),
    appUsersNational: appUsers,
  });
}

export interface TrendView {
  readonly gemeente: GemeenteSummary;
  readonly period: DayPeriod;
  /** A trend by day over a long period is shown by week. */
  readonly interval: TrendInterval;
  readonly buckets: readonly { readonly bucket: string; readonly joined: ShownCount; readonly leaving: ShownCount }[];
  /** Null where the total would give away a suppressed cell (see `shownTotal`). */
  readonly total: { readonly joined: ShownCount | null; readonly leaving: ShownCount | null };
  readonly actions: readonly ActionMarker[];
  readonly campaigns: readonly RecruitmentCampaign[];
}

export async function viewTrend(
  deps: DashboardDeps,
  staff: Staff,
  code: string,
  period: DayPeriod,
  requested: TrendInterval,
): Promise<Result<TrendView, DashboardError>> {
  const gemeente = gemeenteInScope(deps, staff, code);
  if (!gemeente.ok) return gemeente;
  const checked = periodProblem(period);
  if (!checked.ok) return checked;
  await deps.refresher.refreshChanged();
  const interval = effectiveInterval(period, requested);
  const [found, actions, campaigns] = await Promise.all([
    deps.dashboard.trend(code, period, interval),
    deps.dashboard.actionMarkers(code, period),
    deps.dashboard.campaigns(code),
  ]);
  // Every bucket of the period, a quiet one as zero: the chart's axis is time, not the days that had sign-ups.
  const byBucket = new Map(found.map((b) => [b.bucket, b]));
  const buckets = bucketsOf(period, interval).map(
    (bucket) => byBucket.get(bucket) ?? { bucket, joined: 0, leaving: 0 },
  );
  return ok({
    gemeente: gemeente.value,
    period,
    interval,
    buckets: buckets.map((b) => ({ bucket: b.bucket, joined: shownCount(b.joined), leaving: shownCount(b.leaving) })),
    total: {
      joined: shownTotal(buckets.map((b) => b.joined)),
      leaving: shownTotal(buckets.map((b) => b.leaving)),
    },
    actions,
    campaigns: campaigns.filter((c) => c.endsOn >= period.from && c.startsOn <= period.to),
  });
}

export interface EmailView {
  readonly gemeente: GemeenteSummary;
  readonly period: DayPeriod;
  /** Participants counted in the gemeente whose e-mail address is confirmed: whom Burgernetmail can reach. */
  readonly confirmedSubscribers: ShownCount;
  /** Null while this database has no Burgernetmail ("nog niet beschikbaar"). */
  readonly mail: {
    /** Mails with recipients in the gemeente, and by kind. */
    readonly mailsReaching: number;
    readonly mailsReachingByKind: readonly { readonly kind: string; readonly mails: number }[];
    /** Mails the gemeente itself sent, and the people they reached. */
    readonly ownMails: number;
    readonly ownRecipients: ShownCount;
    /** Answers to buurtonderzoek from people living in the gemeente. */
    readonly buurtonderzoekAnswers: ShownCount;
  } | null;
}

export async function viewEmail(
  deps: DashboardDeps,
  staff: Staff,
  code: string,
  period: DayPeriod,
): Promise<Result<EmailView, DashboardError>> {
  const gemeente = gemeenteInScope(deps, staff, code);
  if (!gemeente.ok) return gemeente;
  const checked = periodProblem(period);
  if (!checked.ok) return checked;
  const [counts, mail] = await Promise.all([
    deps.dashboard.participantCounts(code),
    deps.dashboard.mailFigures(code, period),
  ]);
  return ok({
    gemeente: gemeente.value,
    period,
    confirmedSubscribers: shownCount(counts.email),
    mail:
      mail === null
        ? null
        : {
            ...mail,
            ownRecipients: shownCount(mail.ownRecipients),
            buurtonderzoekAnswers: shownCount(mail.buurtonderzoekAnswers),
          },
  });
}
