import type { TrendInterval } from '../dashboard/dashboard-period.js';
import type { SizeClass } from '../dashboard/size-class.js';

/** What staff read on the dashboard (Burgernetplein). */
export interface DashboardTexts {
  readonly title: string;
  readonly navLabel: string;
  readonly intervals: Record<TrendInterval, string>;
  readonly sizeClasses: Record<SizeClass, string>;
  readonly areaKinds: {
    readonly gemeente: string;
    readonly 'safety-region': string;
    readonly 'police-unit': string;
    readonly national: string;
  };
  readonly channels: {
    readonly participants: string;
    readonly sms: string;
    readonly voice: string;
    readonly email: string;
  };
  readonly statuses: { readonly actief: string; readonly afgesloten: string; readonly ingetrokken: string };
  readonly notes: {
    readonly suppression: string;
    readonly totalHidden: string;
    readonly participantsCount: string;
    readonly appUsers: string;
    readonly emailNotYet: string;
    readonly success: string;
    readonly speed: string;
    readonly markers: string;
    readonly mapTable: string;
  };
  readonly periodProblems: { readonly order: string; readonly 'too-long': string };
  /** The start page and a gemeente's dashboard: headings, the period filter, the charts' titles, campaigns. */
  readonly page: {
    readonly heading: (gemeente: string) => string;
    readonly lead: (p: { province: string; safetyRegion: string; policeUnit: string; sizeClass: string }) => string;
    readonly filterLabel: string;
    readonly from: string;
    readonly to: string;
    readonly interval: string;
    readonly show: string;
    readonly tocLabel: string;
    readonly toc: {
      readonly participants: string;
      readonly trend: string;
      readonly actions: string;
      readonly benchmark: string;
      readonly map: string;
      readonly mail: string;
    };
    readonly tableView: string;
    readonly participantsHeading: string;
    readonly participantsFigure: string;
    readonly perThousandFigure: string;
    readonly appUsersFigure: string;
    readonly channelsChart: (gemeente: string) => string;
    readonly trendHeading: (interval: string) => string;
    readonly trendWeekly: string;
    /** "In deze periode: <joined> aangemeld, <leaving> afgemeld."; the figures are marked up, so it comes back in parts. */
    readonly periodTotals: <T>(p: { joined: T; leaving: T }) => readonly (string | T)[];
    readonly trendChart: (p: { gemeente: string; interval: string }) => string;
    readonly joined: string;
    readonly left: string;
    readonly campaignsHeading: string;
    readonly noCampaigns: string;
    readonly removeCampaign: (name: string) => string;
    readonly actionsHeading: string;
    readonly areaHeading: (p: { kind: string; name: string | null }) => string;
    readonly actionsChart: (p: { kind: string; name: string | null }) => string;
    readonly successHeading: string;
    readonly successChart: (gemeente: string) => string;
    readonly successOf: (p: { type: string; area: string }) => string;
    readonly national: string;
    readonly noClosedActions: string;
    readonly actionsIn: (gemeente: string) => string;
    readonly noActions: string;
    /** n: the number of actions, already formatted ("1.204"). */
    readonly allActions: (n: string) => string;
    readonly benchmarkHeading: string;
    readonly benchmarkChart: (gemeente: string) => string;
    readonly sameSizeClass: string;
    readonly fewParticipants: string;
    readonly rankingSummary: (province: string) => string;
    readonly mapHeading: string;
    readonly mapLabel: string;
    readonly mapTableSummary: string;
    readonly mailHeading: string;
    readonly pickGemeente: string;
    readonly open: string;
    /** "Landelijk: <value> deelnemers per 1.000 inwoners."; the value is marked up, so it comes back in parts. */
    readonly nationalFigure: <T>(value: T) => readonly (string | T)[];
    readonly toDashboard: string;
    readonly unknownTable: string;
  };
  /** Recording a recruitment campaign, and what the page says after a change. */
  readonly campaigns: {
    readonly summary: string;
    readonly name: string;
    readonly startsOn: string;
    readonly endsOn: string;
    readonly submit: string;
    readonly nameMissing: string;
    readonly nameTooLong: string;
    readonly startsOnMissing: string;
    readonly endsOnMissing: string;
    readonly saved: string;
    readonly removed: string;
  };
  /** The tables under the charts (the same cells as their CSV downloads). */
  readonly tables: {
    readonly download: string;
    readonly weekOf: (day: string) => string;
    readonly feature: string;
    readonly count: string;
    readonly participantsCaption: (gemeente: string) => string;
    readonly perThousand: string;
    readonly population: string;
    readonly appUsers: string;
    readonly appUsersActive: string;
    readonly trendCaption: (p: { gemeente: string; from: string; to: string }) => string;
    readonly trendColumns: {
      readonly period: string;
      readonly joined: string;
      readonly left: string;
      readonly actions: string;
      readonly campaign: string;
    };
    readonly campaignsCaption: (gemeente: string) => string;
    readonly campaignColumns: { readonly campaign: string; readonly from: string; readonly to: string };
    readonly actionsPerMonthCaption: (p: { area: string; name: string }) => string;
    readonly month: string;
    readonly total: string;
    readonly outcomesCaption: string;
    readonly allTypes: string;
    readonly outcomeColumns: {
      readonly area: string;
      readonly type: string;
      readonly actions: string;
      readonly closed: string;
      readonly successes: string;
      readonly successRatio: string;
      readonly medianFirst: string;
      readonly medianLast: string;
      readonly medianRecipients: string;
      readonly calls: string;
      readonly tips: string;
    };
    readonly actionListCaption: (gemeente: string) => string;
    readonly actionListColumns: {
      readonly number: string;
      readonly type: string;
      readonly started: string;
      readonly status: string;
      readonly result: string;
      readonly recipients: string;
      readonly first: string;
      readonly last: string;
      readonly calls: string;
      readonly tips: string;
      readonly notifications: string;
    };
    readonly sizeClassGroup: (sizeClass: string) => string;
    readonly province: (province: string) => string;
    readonly national: string;
    readonly benchmarkCaption: (gemeente: string) => string;
    readonly benchmarkColumns: {
      readonly group: string;
      readonly gemeenten: string;
      readonly perThousand: string;
      readonly rank: (gemeente: string) => string;
    };
    readonly rankOf: (p: { rank: number; of: number }) => string;
    readonly rankingCaption: (province: string) => string;
    readonly rankingColumns: {
      readonly rank: string;
      readonly gemeente: string;
      readonly province: string;
      readonly population: string;
      readonly participants: string;
      readonly perThousand: string;
    };
    readonly mapCaption: string;
    readonly mailCaption: (p: { gemeente: string; from: string; to: string }) => string;
    readonly notYet: string;
    readonly mailConfirmed: string;
    readonly mailsReaching: string;
    readonly mailsOfKind: (kind: string) => string;
    readonly ownMails: string;
    readonly ownRecipients: string;
    readonly answers: string;
  };
  /**
   * What the map's script (dashboard-map.js) writes: the legend, a gemeente's tooltip, the attribution. A word in braces is
   * a value the script fills in: {from}/{to} a class's bounds, {value} participants per 1,000, {rank} the gemeente's place,
   * {name} its name, {figure} the text of `figure` or `suppressed`.
   */
  readonly mapScript: {
    readonly legendHeading: string;
    readonly classFrom: string;
    readonly classRange: string;
    readonly suppressed: string;
    readonly figure: string;
    readonly tooltip: string;
    readonly attribution: string;
    readonly failed: string;
  };
  /** The charts' descriptions and legends (for screen readers and beside the drawing). */
  readonly charts: {
    readonly tableHint: string;
    readonly stacked: (total: string) => string;
    readonly bars: (rows: number) => string;
    readonly lines: (p: { periods: number; actions: number; campaigns: number }) => string;
    readonly suppressed: string;
    readonly action: string;
    readonly campaign: string;
  };
}
