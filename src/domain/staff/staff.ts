export type StaffRole = 'centralist' | 'meldkamer-beheer' | 'gemeente' | 'gemeente-beheer' | 'landelijk-beheer';
export const STAFF_ROLES: readonly StaffRole[] = [
  'centralist',
  'meldkamer-beheer',
  'gemeente',
  'gemeente-beheer',
  'landelijk-beheer',
];

/** Where a staff member may act: one meldkamer, one gemeente, or the whole country. */
export type StaffScope =
  | { readonly kind: 'meldkamer'; readonly meldkamerCode: string }
  | { readonly kind: 'gemeente'; readonly gemeenteCode: string }
  | { readonly kind: 'landelijk' };

export interface Staff {
  readonly id: string;
  readonly name: string;
  readonly role: StaffRole;
  readonly scope: StaffScope;
}

export function scopeOf(role: StaffRole, meldkamerCode: string | null, gemeenteCode: string | null): StaffScope | null {
  switch (role) {
    case 'centralist':
    case 'meldkamer-beheer':
      return meldkamerCode === null ? null : { kind: 'meldkamer', meldkamerCode };
    case 'gemeente':
    case 'gemeente-beheer':
      return gemeenteCode === null ? null : { kind: 'gemeente', gemeenteCode };
    case 'landelijk-beheer':
      return { kind: 'landelijk' };
  }
}

/** Running actions is police work: a centralist or beheer of that meldkamer, or national beheer. */
export function mayRunActionsFor(staff: Staff, meldkamerCode: string): boolean {
  switch (staff.role) {
    case 'centralist':
    case 'meldkamer-beheer':
      return staff.scope.kind === 'meldkamer' && staff.scope.meldkamerCode === meldkamerCode;
    case 'landelijk-beheer':
      return true;
    case 'gemeente':
    case 'gemeente-beheer':
      return false;
  }
}

/** Seeing actions: police staff of that meldkamer, national beheer; gemeenten see actions in public pages later. */
export const mayViewActionsOf = mayRunActionsFor;

/** A meldkamer's own settings (its public number): its meldkamer-beheer, or national beheer. */
export function mayManageMeldkamer(staff: Staff, meldkamerCode: string): boolean {
  switch (staff.role) {
    case 'meldkamer-beheer':
      return staff.scope.kind === 'meldkamer' && staff.scope.meldkamerCode === meldkamerCode;
    case 'landelijk-beheer':
      return true;
    case 'centralist':
    case 'gemeente':
    case 'gemeente-beheer':
      return false;
  }
}

/** A gemeente as scoping needs it: which meldkamer covers it. */
export interface GemeenteScope {
  readonly code: string;
  readonly meldkamerCode: string;
}

function scopeCovers(scope: StaffScope, gemeente: GemeenteScope): boolean {
  switch (scope.kind) {
    case 'landelijk':
      return true;
    case 'gemeente':
      return scope.gemeenteCode === gemeente.code;
    case 'meldkamer':
      return scope.meldkamerCode === gemeente.meldkamerCode;
  }
}

/** Relatiebeheer: gemeente staff for their gemeente, meldkamer beheer for their region, national beheer. */
export function mayManageParticipantsIn(staff: Staff, gemeente: GemeenteScope): boolean {
  return staff.role !== 'centralist' && scopeCovers(staff.scope, gemeente);
}

/** Looking participants up: as managing, plus centralists for their own region. */
export function mayViewParticipantsIn(staff: Staff, gemeente: GemeenteScope): boolean {
  return scopeCovers(staff.scope, gemeente);
}
