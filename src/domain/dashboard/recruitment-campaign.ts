import { daysBetween } from './dashboard-period.js';

/** A period in which a gemeente recruited participants (a letter to every household, a stand at the market). */
export interface RecruitmentCampaign {
  readonly id: string;
  readonly gemeenteCode: string;
  readonly name: string;
  /** ISO dates, both included. */
  readonly startsOn: string;
  readonly endsOn: string;
  readonly createdAt: Date;
}

export const MAX_CAMPAIGN_DAYS = 366;

export type CampaignProblem = 'order' | 'too-long';

export function checkCampaignPeriod(startsOn: string, endsOn: string): CampaignProblem | null {
  const days = daysBetween(startsOn, endsOn);
  if (days < 0) return 'order';
  if (days + 1 > MAX_CAMPAIGN_DAYS) return 'too-long';
  return null;
}
