import { mayViewActionsOf, type Staff } from '../staff/staff.js';
import type { Action } from './action.js';

/**
 * Who sees an action: those who may see their meldkamer's actions, and the police staff of every other meldkamer
 * whose region it reached (read-only: running it stays with its own meldkamer).
 */
export function mayViewAction(staff: Staff, action: Action): boolean {
  return mayViewActionsOf(staff, action.meldkamerCode) || reachesStaffRegion(staff, action);
}

/** Whether the action belongs to another meldkamer and reached the region of this staff member's meldkamer. */
export function reachesStaffRegion(staff: Staff, action: Action): boolean {
  switch (staff.role) {
    case 'centralist':
    case 'meldkamer-beheer':
      return staff.scope.kind === 'meldkamer' && action.reachesMeldkamers.includes(staff.scope.meldkamerCode);
    case 'landelijk-beheer':
    case 'gemeente':
    case 'gemeente-beheer':
      return false;
  }
}
