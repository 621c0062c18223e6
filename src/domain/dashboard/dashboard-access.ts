import type { GemeenteScope, Staff } from '../staff/staff.js';

/**
 * Who sees a gemeente's detail on the dashboard (its participants by channel, trend, actions, e-mail): the
 * gemeente's own staff, the staff of the meldkamer whose region holds it, national beheer. Everyone who may open
 * the dashboard sees the aggregates of all gemeenten (participation per 1,000, the map, the ranking) and the
 * figures of regions and the country.
 */
export function mayViewGemeenteDetail(staff: Staff, gemeente: GemeenteScope): boolean {
  switch (staff.scope.kind) {
    case 'landelijk':
      return true;
    case 'gemeente':
      return staff.scope.gemeenteCode === gemeente.code;
    case 'meldkamer':
      return staff.scope.meldkamerCode === gemeente.meldkamerCode;
  }
}

/** Marking recruitment campaigns: the gemeente's own staff and national beheer (the role table decides the roles). */
export function mayManageCampaignsOf(staff: Staff, gemeenteCode: string): boolean {
  switch (staff.scope.kind) {
    case 'landelijk':
      return true;
    case 'gemeente':
      return staff.scope.gemeenteCode === gemeenteCode;
    case 'meldkamer':
      return false;
  }
}
