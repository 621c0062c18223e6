import type { Staff, StaffRole } from './staff.js';

/**
 * What a role may do, whatever its scope. The one table of the product: the API checks it per endpoint
 * (src/adapters/http/route-permissions.ts), the portal per page. Scope (which meldkamer or gemeente) is
 * checked by the use cases with the rules in staff.ts.
 */
export type Permission =
  | 'actions.run' // create, revise, start, widen, update, close, withdraw; reach estimates
  | 'actions.view' // search and view actions, their progress and tips
  | 'actions.approve' // the second centralist's approval
  | 'participants.view'
  | 'participants.manage'
  | 'reference.view' // meldkamers, gemeenten
  | 'staff.manage' // create, revoke and change accounts within the own scope
  | 'audit.view' // search and export the audit log within the own scope
  | 'settings.manage' // action-type templates and approval rules, routing targets, configuration
  | 'gemeente.view' // the gemeente page
  | 'dashboard.view' // the dashboard: detail of the own gemeente or region, aggregates of all
  | 'campaigns.manage' // mark a gemeente's recruitment campaigns on its dashboard
  | 'mail.send' // Burgernetmail: write, count the audience, send, schedule, stop, see the figures
  | 'mail.answers' // read and export the answers to a buurtonderzoek (the sender's organisation, the gemeente reached)
  | 'mail.templates'; // Burgernetmail templates and the organisation's sender name and Reply-To

const BY_ROLE: Record<StaffRole, readonly Permission[]> = {
  centralist: [
    'actions.run',
    'actions.view',
    'actions.approve',
    'participants.view',
    'reference.view',
    'dashboard.view',
    'mail.send',
    'mail.answers',
  ],
  'meldkamer-beheer': [
    'actions.run',
    'actions.view',
    'actions.approve',
    'participants.view',
    'participants.manage',
    'reference.view',
    'staff.manage',
    'audit.view',
    'settings.manage',
    'dashboard.view',
    'mail.send',
    'mail.answers',
    'mail.templates',
  ],
  gemeente: [
    'participants.view',
    'participants.manage',
    'reference.view',
    'gemeente.view',
    'dashboard.view',
    'campaigns.manage',
    'mail.send',
    'mail.answers',
  ],
  'gemeente-beheer': [
    'participants.view',
    'participants.manage',
    'reference.view',
    'gemeente.view',
    'staff.manage',
    'audit.view',
    'dashboard.view',
    'campaigns.manage',
    'mail.send',
    'mail.answers',
    'mail.templates',
  ],
  'landelijk-beheer': [
    'actions.run',
    'actions.view',
    'actions.approve',
    'participants.view',
    'participants.manage',
    'reference.view',
    'staff.manage',
    'audit.view',
    'settings.manage',
    'gemeente.view',
    'dashboard.view',
    'campaigns.manage',
    'mail.send',
    'mail.answers',
    'mail.templates',
  ],
};

export function permissionsOf(role: StaffRole): readonly Permission[] {
  return BY_ROLE[role];
}

export function may(staff: Pick<Staff, 'role'>, permission: Permission): boolean {
  return BY_ROLE[staff.role].includes(permission);
}

/**
 * Which roles a beheer account may give: meldkamer beheer its meldkamer's centralists and beheer, gemeente
 * beheer its gemeente's users and beheer, national beheer everything.
 */
export function rolesGrantableBy(role: StaffRole): readonly StaffRole[] {
  switch (role) {
    case 'meldkamer-beheer':
      return ['centralist', 'meldkamer-beheer'];
    case 'gemeente-beheer':
      return ['gemeente', 'gemeente-beheer'];
    case 'landelijk-beheer':
      return ['centralist', 'meldkamer-beheer', 'gemeente', 'gemeente-beheer', 'landelijk-beheer'];
    case 'centralist':
    case 'gemeente':
      return [];
  }
}

/** Whether `manager` may manage (create, revoke, change) an account with this role and scope. */
export function mayManageAccount(
  manager: Staff,
  target: { readonly role: StaffRole; readonly meldkamerCode: string | null; readonly gemeenteCode: string | null },
): boolean {
  if (!may(manager, 'staff.manage') || !rolesGrantableBy(manager.role).includes(target.role)) return false;
  switch (manager.scope.kind) {
    case 'landelijk':
      return true;
    case 'meldkamer':
      return target.meldkamerCode === manager.scope.meldkamerCode;
    case 'gemeente':
      return target.gemeenteCode === manager.scope.gemeenteCode;
  }
}
