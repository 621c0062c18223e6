import type { ParticipantError, RelatiebeheerError } from '../../domain/participant/errors.js';
import type { Forbidden } from '../../domain/staff/errors.js';
import { mayManageParticipantsIn, type GemeenteScope, type Staff } from '../../domain/staff/staff.js';
import type { AuditLog } from '../ports/audit-log.js';
import type { ParticipantWithRegistrations, StoredRegistration } from '../ports/participant-repository.js';

/**
 * Relatiebeheer: what a gemeente may do with its participants. Staff see only the registrations whose address
 * lies in their gemeente (or region, for beheer); a participant with none there is someone else's.
 */
export type RelationError =
  | Forbidden
  | RelatiebeheerError
  | Extract<
      ParticipantError,
      {
        readonly code:
          | 'participant.not-found'
          | 'participant.out-of-scope'
          | 'participant.address-not-found'
          | 'participant.geocoder-unavailable'
          | 'participant.sms-needs-mobile'
          | 'participant.duplicate-registration';
      }
    >;

/** Relatiebeheer is for gemeenten and beheer; centralists run actions and do not keep relations. */
export function mayKeepRelations(staff: Staff): boolean {
  return staff.role !== 'centralist';
}

export function inScope(gemeenten: ReadonlyMap<string, GemeenteScope>, staff: Staff, gemeenteCode: string): boolean {
  const gemeente = gemeenten.get(gemeenteCode);
  return gemeente !== undefined && mayManageParticipantsIn(staff, gemeente);
}

/** The participant as this staff member may see them: only the registrations in their gemeente. */
export function scopedTo(gemeenten: ReadonlyMap<string, GemeenteScope>, staff: Staff, p: ParticipantWithRegistrations): ParticipantWithRegistrations | null {
  const registrations = p.registrations.filter((r: StoredRegistration) => inScope(gemeenten, staff, r.gemeenteCode));
  return registrations.length === 0 ? null : { ...p, registrations };
}

/** An attempt at someone outside the gemeente is refused (403) and written down: who, what, whom. */
export async function auditDenied(audit: AuditLog, staff: Staff, attempted: string, participantId: string | null, at: Date): Promise<void> {
  await audit.append({
    actorId: staff.id,
    actorName: staff.name,
    event: 'relatiebeheer.denied',
    subjectType: 'participant',
    subjectId: participantId,
    details: { attempted, scope: staff.scope },
    at,
  });
}
