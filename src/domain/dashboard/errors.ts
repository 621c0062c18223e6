import type { PeriodProblem } from './dashboard-period.js';

/** The dashboard and recruitment campaigns. */
export type DashboardError =
  | { readonly code: 'dashboard.unknown-gemeente' }
  | { readonly code: 'dashboard.out-of-scope' }
  | { readonly code: 'dashboard.invalid-period'; readonly problem: PeriodProblem }
  | { readonly code: 'campaign.not-found' };
