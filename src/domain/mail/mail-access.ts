import type { GemeenteScope, Staff } from '../staff/staff.js';
import type { Mail } from './mail.js';
import type { TemplateOwner } from './mail-template.js';

/** The organisation a staff member sends for: their gemeente or meldkamer, or landelijk. */
export function ownerOf(staff: Staff): TemplateOwner {
  switch (staff.scope.kind) {
    case 'landelijk':
      return { kind: 'landelijk' };
    case 'gemeente':
      return { kind: 'gemeente', code: staff.scope.gemeenteCode };
    case 'meldkamer':
      return { kind: 'meldkamer', code: staff.scope.meldkamerCode };
  }
}

/** Whom a staff member may mail: participants in their own gemeente; police: their own region; landelijk: all. */
export function mayMailIn(staff: Staff, gemeente: GemeenteScope): boolean {
  switch (staff.scope.kind) {
    case 'landelijk':
      return true;
    case 'gemeente':
      return staff.scope.gemeenteCode === gemeente.code;
    case 'meldkamer':
      return staff.scope.meldkamerCode === gemeente.meldkamerCode;
  }
}

/** A mail belongs to its organisation: its staff see and change it; landelijk beheer sees all. */
export function mayManageMail(staff: Staff, mail: Pick<Mail, 'owner'>): boolean {
  const own = ownerOf(staff);
  return (
    own.kind === 'landelijk' || (own.kind === mail.owner.kind && own.code === (mail.owner as { code?: string }).code)
  );
}

/**
 * Answers to a buurtonderzoek are for the organisation that sent it (the police user who sent it and their
 * colleagues, or the gemeente), and for the safety staff of each gemeente whose residents got it.
 */
export function mayReadAnswers(staff: Staff, mail: Pick<Mail, 'owner' | 'gemeenteCodes' | 'createdBy'>): boolean {
  if (mail.createdBy.id === staff.id || mayManageMail(staff, mail)) return true;
  return staff.scope.kind === 'gemeente' && mail.gemeenteCodes.includes(staff.scope.gemeenteCode);
}

/** Templates: each organisation keeps its own; everyone reads the national ones. */
export function mayUseTemplate(staff: Staff, owner: TemplateOwner): boolean {
  if (owner.kind === 'landelijk') return true;
  const own = ownerOf(staff);
  return own.kind === 'landelijk' || (own.kind === owner.kind && own.code === owner.code);
}

export function mayChangeTemplate(staff: Staff, owner: TemplateOwner): boolean {
  const own = ownerOf(staff);
  if (own.kind === 'landelijk') return true;
  return owner.kind !== 'landelijk' && own.kind === owner.kind && own.code === owner.code;
}
