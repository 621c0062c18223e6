import { mayManageCampaignsOf } from '../../domain/dashboard/dashboard-access.js';
import { checkCampaignPeriod, type RecruitmentCampaign } from '../../domain/dashboard/recruitment-campaign.js';
import type { Staff } from '../../domain/staff/staff.js';
import type { DashboardError } from '../../domain/dashboard/errors.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { DashboardDeps } from './dashboard-deps.js';
import { gemeenteInScope } from './gemeente-summary.js';

export async function listCampaigns(
  deps: DashboardDeps,
  staff: Staff,
  gemeenteCode: string,
): Promise<Result<RecruitmentCampaign[], DashboardError>> {
  const gemeente = gemeenteInScope(deps, staff, gemeenteCode);
  if (!gemeente.ok) return gemeente;
  return ok(await deps.dashboard.campaigns(gemeenteCode));
}

export interface NewCampaign {
  readonly name: string;
  readonly startsOn: string;
  readonly endsOn: string;
}

/** A gemeente marks a recruitment campaign on its trend (audited). */
export async function addCampaign(
  deps: DashboardDeps,
  staff: Staff,
  gemeenteCode: string,
  input: NewCampaign,
): Promise<Result<RecruitmentCampaign, DashboardError>> {
  const gemeente = gemeenteInScope(deps, staff, gemeenteCode);
  if (!gemeente.ok) return gemeente;
  if (!mayManageCampaignsOf(staff, gemeenteCode)) return fail({ code: 'dashboard.out-of-scope' });
  const problem = checkCampaignPeriod(input.startsOn, input.endsOn);
  if (problem !== null) return fail({ code: 'dashboard.invalid-period', problem });
  const at = deps.clock.now();
  const campaign: RecruitmentCampaign = {
    id: deps.ids.newId(),
    gemeenteCode,
    name: input.name.trim(),
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    createdAt: at,
  };
  await deps.dashboard.addCampaign(campaign, staff.id);
  await deps.store.audit.append({
    actorId: staff.id,
    actorName: staff.name,
    event: 'campaign.added',
    subjectType: 'system',
    subjectId: gemeenteCode,
    details: { campaignId: campaign.id, startsOn: campaign.startsOn, endsOn: campaign.endsOn },
    at,
  });
  return ok(campaign);
}

export async function removeCampaign(
  deps: DashboardDeps,
  staff: Staff,
  gemeenteCode: string,
  id: string,
): Promise<Result<null, DashboardError>> {
  const gemeente = gemeenteInScope(deps, staff, gemeenteCode);
  if (!gemeente.ok) return gemeente;
  if (!mayManageCampaignsOf(staff, gemeenteCode)) return fail({ code: 'dashboard.out-of-scope' });
  if (!(await deps.dashboard.removeCampaign(gemeenteCode, id))) return fail({ code: 'campaign.not-found' });
  await deps.store.audit.append({
    actorId: staff.id,
    actorName: staff.name,
    event: 'campaign.removed',
    subjectType: 'system',
    subjectId: gemeenteCode,
    details: { campaignId: id },
    at: deps.clock.now(),
  });
  return ok(null);
}
