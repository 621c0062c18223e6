import type { ActionResult } from '../../domain/action/action-result.js';
import type { ActionType } from '../../domain/action/action-type.js';
import type { DayPeriod, TrendInterval } from '../../domain/dashboard/dashboard-period.js';
import type { RecruitmentCampaign } from '../../domain/dashboard/recruitment-campaign.js';
import type { LatLon } from '../../domain/geo/lat-lon.js';

/** Participants of one gemeente now (see migration 0011 for what counts). */
export interface ParticipantCounts {
  readonly participants: number;
  readonly sms: number;
  readonly voice: number;
  readonly email: number;
}

export interface TrendBucket {
  /** The bucket's first day, "2026-03-01". */
  readonly bucket: string;
  readonly joined: number;
  readonly leaving: number;
}

/** An action on the trend chart. */
export interface ActionMarker {
  readonly actionId: string;
  readonly number: string;
  readonly type: ActionType;
  readonly missingChild: boolean;
  /** Europe/Amsterdam day of the start. */
  readonly day: string;
}

/** Where actions are counted: one gemeente, its safety region, its police unit (meldkamer), or the country. */
export type ActionArea =
  | { readonly kind: 'gemeente'; readonly code: string }
  | { readonly kind: 'safety-region'; readonly code: string }
  | { readonly kind: 'police-unit'; readonly code: string }
  | { readonly kind: 'national' };

export interface MonthTypeCount {
  /** "2026-03" */
  readonly month: string;
  readonly type: ActionType;
  readonly actions: number;
}

/** What the actions of one type (or of all types: `type` null) did in an area and period. */
export interface ActionOutcome {
  readonly type: ActionType | null;
  /** Started, not withdrawn. */
  readonly actions: number;
  /** Closed with a result. */
  readonly closed: number;
  readonly successes: number;
  readonly medianFirstMessageMs: number | null;
  readonly medianLastMessageMs: number | null;
  readonly medianRecipients: number | null;
  readonly recipients: number;
  readonly calls: number;
  readonly tips: number;
}

export interface ActionFigures {
  readonly actionId: string;
  readonly number: string;
  readonly type: ActionType;
  readonly startedAt: Date;
  readonly status: 'actief' | 'afgesloten' | 'ingetrokken';
  readonly result: ActionResult | null;
  readonly recipients: number;
  readonly firstMessageMs: number | null;
  readonly lastMessageMs: number | null;
  readonly calls: number;
  readonly tips: number;
  readonly appNotifications: number;
}

/** App installations with push notifications; nothing about where they are. */
export interface AppUsers {
  readonly subscriptions: number;
  readonly seenLast30Days: number;
}

/**
 * Burgernetmail in one gemeente over a period, from the mail tables (null when they do not exist in this database).
 * Mails that reached the gemeente: mails with recipients living there. Its own mails: those the gemeente sent, with
 * how many recipients they reached (sent or delivered). Answers: to buurtonderzoek, from recipients living there.
 */
export interface MailFigures {
  readonly mailsReaching: number;
  readonly mailsReachingByKind: readonly { readonly kind: string; readonly mails: number }[];
  readonly ownMails: number;
  readonly ownRecipients: number;
  readonly buurtonderzoekAnswers: number;
}

/** An action's figures as computed from its deliveries, calls, tips and pushes (for the refresher). */
export interface ComputedActionFigures {
  readonly actionId: string;
  readonly type: ActionType;
  readonly missingChild: boolean;
  readonly meldkamerCode: string;
  readonly status: 'actief' | 'afgesloten' | 'ingetrokken';
  readonly result: ActionResult | null;
  readonly startedAt: Date;
  readonly endedAt: Date | null;
  readonly incident: LatLon;
  readonly recipients: number;
  readonly firstMessageMs: number | null;
  readonly lastMessageMs: number | null;
  readonly calls: number;
  readonly tips: number;
  readonly appNotifications: number;
}

export interface StoredActionFigures extends ComputedActionFigures {
  readonly gemeenteCode: string | null;
  readonly safetyRegionCode: string | null;
  readonly success: boolean | null;
  readonly refreshedAt: Date;
}

export interface DashboardRepository {
  participantCounts(gemeenteCode: string): Promise<ParticipantCounts>;
  /** Participants of every gemeente that has any. */
  participantsPerGemeente(): Promise<ReadonlyMap<string, number>>;
  trend(gemeenteCode: string, period: DayPeriod, interval: TrendInterval): Promise<TrendBucket[]>;
  actionMarkers(gemeenteCode: string, period: DayPeriod): Promise<ActionMarker[]>;
  /** Per area (in the order given): its actions per month and type. One pass over the period's actions for all. */
  actionsPerMonth(areas: readonly ActionArea[], period: DayPeriod): Promise<MonthTypeCount[][]>;
  /** Per area: one outcome per type that had actions, and one for all types (`type` null). */
  actionOutcomes(areas: readonly ActionArea[], period: DayPeriod): Promise<ActionOutcome[][]>;
  /** The gemeente's actions in the period, newest first. */
  actionList(gemeenteCode: string, period: DayPeriod, limit: number): Promise<ActionFigures[]>;
  appUsers(today: string): Promise<AppUsers>;
  mailFigures(gemeenteCode: string, period: DayPeriod): Promise<MailFigures | null>;

  campaigns(gemeenteCode: string): Promise<RecruitmentCampaign[]>;
  addCampaign(campaign: RecruitmentCampaign, createdBy: string): Promise<void>;
  removeCampaign(gemeenteCode: string, id: string): Promise<boolean>;

  /**
   * Started actions whose figures are missing or out of date at `now`. `changed`: no row yet, or the action's
   * status moved on (cheap: what a view refreshes before it reads). `due`: also active actions and those that
   * ended within the hour (late receipts, calls and tips), at most every `minAgeMs`.
   */
  staleActions(now: Date, mode: 'changed' | 'due', minAgeMs: number, limit: number): Promise<string[]>;
  /** Every started action without figures (after the migration, on a database with history). */
  actionsWithoutFigures(limit: number): Promise<string[]>;
  computeActionFigures(actionId: string): Promise<ComputedActionFigures | null>;
  saveActionFigures(figures: readonly StoredActionFigures[]): Promise<void>;
}
