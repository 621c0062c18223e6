import type { Area } from '../area/area.js';
import type { PoliceRegion } from '../area/police-region.js';
import { areaSurfaceKm2, regionReach } from '../area/region-reach.js';
import type { Action } from './action.js';
import type { ActionLimits } from './action-limits.js';

/** The police regions (one per meldkamer, by its code) and the limits: all the region rule needs. */
export interface ActionGeography {
  readonly regions: readonly PoliceRegion[];
  readonly limits: ActionLimits;
}

/** An area as the region rule sees it, for the meldkamer that runs the action. */
export interface AreaScope {
  /** The other meldkamers whose region the area touches: they see the action. */
  readonly touches: readonly string[];
  /** The other meldkamers whose region the area reaches beyond the margin: each must approve it first. */
  readonly needsApprovalOf: readonly string[];
  readonly areaKm2: number;
}

export function scopeOfArea(geography: ActionGeography, area: Area, meldkamerCode: string): AreaScope {
  const reach = regionReach(area, meldkamerCode, geography.regions, geography.limits.regionMarginMetres);
  return { touches: reach.touches, needsApprovalOf: reach.beyondMargin, areaKm2: areaSurfaceKm2(area) };
}

/**
 * The action with the meldkamers its area touches noted: a concept's are those of its current area; a live
 * action keeps those it reached before (people there got the alert, so that meldkamer keeps seeing it).
 */
export function noteMeldkamersReached(action: Action, touches: readonly string[]): Action {
  const codes =
    action.status === 'concept' ? [...touches] : [...new Set([...action.reachesMeldkamers, ...touches])].sort();
  return { ...action, reachesMeldkamers: codes };
}
