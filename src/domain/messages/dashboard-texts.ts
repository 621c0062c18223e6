import type { TrendInterval } from '../dashboard/dashboard-period.js';
import type { SizeClass } from '../dashboard/size-class.js';

/** What staff read on the dashboard (Burgernetplein). */
export interface DashboardTexts {
  readonly title: string;
  readonly navLabel: string;
  readonly intervals: Record<TrendInterval, string>;
  readonly sizeClasses: Record<SizeClass, string>;
  readonly areaKinds: { readonly gemeente: string; readonly 'safety-region': string; readonly 'police-unit': string; readonly national: string };
  readonly channels: { readonly participants: string; readonly sms: string; readonly voice: string; readonly email: string };
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
}
