import { loadPoliceRegions } from '../adapters/geodata/police-regions.js';
import type { ActionGeography } from '../domain/action/geographic-scope.js';
import type { Section } from './config-section.js';

export const ACTION_GEOGRAPHY_KEYS = [
  'ACTION_REGION_MARGIN_METRES',
  'ACTION_MAX_AREA_KM2',
  'ACTION_MAX_RECIPIENTS_WITHOUT_APPROVAL',
] as const;

/** What keeps actions to their meldkamer's region and in size: the bundled police regions and the limits. */
export async function loadActionGeography(config: Section<typeof ACTION_GEOGRAPHY_KEYS>): Promise<ActionGeography> {
  return {
    regions: await loadPoliceRegions(),
    limits: {
      regionMarginMetres: config.ACTION_REGION_MARGIN_METRES,
      maxAreaKm2: config.ACTION_MAX_AREA_KM2,
      maxRecipientsWithoutApproval: config.ACTION_MAX_RECIPIENTS_WITHOUT_APPROVAL,
    },
  };
}
