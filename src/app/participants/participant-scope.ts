import type { DeniedAttempt, ParticipantVia } from '../../domain/audit/audit-event.js';
import { fail, ok, type Result } from '../../domain/result.js';
import {
  mayManageParticipantsIn,
  mayViewParticipantsIn,
  type GemeenteScope,
  type Staff,
} from '../../domain/staff/staff.js';
import type { ParticipantWithRegistrations, StoredRegistration } from '../ports/participant-repository.js';
import type { Stores } from '../ports/stores.js';
import type { ParticipantDeps } from './participant-deps.js';

/**
 * The one scope rule for participants, whichever way staff reach them (the participants API, or relatiebeheer:
 * the gemeente's view, over the API and in Burgernetplein). A gemeente sees and changes only the registrations
 * whose address lies in its scope; a person also registered elsewhere keeps those. Someone outside scope is
 * answered as not found (a gemeente must not learn that a person exists elsewhere), and the attempt is audited.
 */

/** Relatiebeheer is the gemeente's view: gemeenten and beheer keep relations, centralists run actions. */
export function mayUse(staff: Staff, via: ParticipantVia): boolean {
  switch (via) {
    case 'participants':
      return true;
    case 'relatiebeheer':
      return staff.role !== 'centralist';
  }
}

/** Marks an audit entry written through relatiebeheer; the participants API's entries keep their old shape. */
export const viaDetail = (via: ParticipantVia) => (via === 'relatiebeheer' ? { via } : {});

/** Whether this staff member may manage participants at an address in this gemeente. */
export function managesGemeente(
  gemeenten: ReadonlyMap<string, GemeenteScope>,
  staff: Staff,
  gemeenteCode: string,
): boolean {
  const gemeente = gemeenten.get(gemeenteCode);
  return gemeente !== undefined && mayManageParticipantsIn(staff, gemeente);
}

/** The participant as this staff member may see them: only the registrations in their scope; null when none is. */
export function visiblePart(
  deps: Pick<ParticipantDeps, 'gemeenten'>,
  staff: Staff,
  p: ParticipantWithRegistrations,
): ParticipantWithRegistrations | null {
  if (staff.scope.kind === 'landelijk') return p;
  const registrations = p.registrations.filter((r) => {
    const gemeente = deps.gemeenten.get(r.gemeenteCode);
    return gemeente !== undefined && mayViewParticipantsIn(staff, gemeente);
  });
  return registrations.length === 0 ? null : { ...p, registrations };
}

/** The registrations this staff member may change: those whose address lies in a gemeente they manage. */
export function manageablePart(
  deps: Pick<ParticipantDeps, 'gemeenten'>,
  staff: Staff,
  p: ParticipantWithRegistrations,
): readonly StoredRegistration[] {
  if (staff.role === 'centralist') return [];
  if (staff.scope.kind === 'landelijk') return p.registrations;
  return p.registrations.filter((r) => managesGemeente(deps.gemeenten, staff, r.gemeenteCode));
}

/** What a staff member tried, and through which view: written down with every refusal. */
export interface Attempt {
  readonly attempted: DeniedAttempt;
  readonly via: ParticipantVia;
}

/** Writes down a refused attempt at a participant (or, for an address outside scope, at no one yet). */
export async function auditDenied(
  stores: Pick<Stores, 'audit'>,
  staff: Staff,
  attempt: Attempt,
  participantId: string | null,
  at: Date,
): Promise<void> {
  await stores.audit.append({
    actorId: staff.id,
    actorName: staff.name,
    event: 'participant.denied',
    subjectType: 'participant',
    subjectId: participantId,
    details: { attempted: attempt.attempted, scope: staff.scope, via: attempt.via },
    at,
  });
}

/** Loads a participant with the part this staff member may see; outside scope: not found, and audited. */
async function loadInScope(
  deps: ParticipantDeps,
  stores: Stores,
  staff: Staff,
  participantId: string,
  attempt: Attempt,
): Promise<Result<{ readonly full: ParticipantWithRegistrations; readonly visible: ParticipantWithRegistrations }>> {
  if (!mayUse(staff, attempt.via)) return fail({ code: 'auth.forbidden' });
  const full = await stores.participants.findParticipant(participantId);
  if (full === null) return fail({ code: 'participant.not-found' });
  const visible = visiblePart(deps, staff, full);
  if (visible === null) {
    await auditDenied(stores, staff, attempt, participantId, deps.clock.now());
    return fail({ code: 'participant.not-found' });
  }
  return ok({ full, visible });
}

/** The part of a participant this staff member may see, for looking them up. */
export async function loadVisible(
  deps: ParticipantDeps,
  stores: Stores,
  staff: Staff,
  participantId: string,
  attempt: Attempt,
): Promise<Result<ParticipantWithRegistrations>> {
  const loaded = await loadInScope(deps, stores, staff, participantId, attempt);
  return loaded.ok ? ok(loaded.value.visible) : loaded;
}

export interface Manageable {
  /** The participant with every registration, for the store; never shown to this staff member as it is. */
  readonly full: ParticipantWithRegistrations;
  /** The participant as this staff member may see and change them: only their own gemeente's registrations. */
  readonly managed: ParticipantWithRegistrations;
}

/**
 * Loads a participant the staff member may change, or says why not (never revealing one outside scope). Someone
 * with at least one address in scope is theirs to manage, but only at those addresses.
 */
export async function loadManageable(
  deps: ParticipantDeps,
  stores: Stores,
  staff: Staff,
  participantId: string,
  attempt: Attempt,
): Promise<Result<Manageable>> {
  const loaded = await loadInScope(deps, stores, staff, participantId, attempt);
  if (!loaded.ok) return loaded;
  const { full } = loaded.value;
  const registrations = manageablePart(deps, staff, full);
  if (registrations.length === 0) return fail({ code: 'auth.forbidden' });
  return ok({ full, managed: { ...full, registrations } });
}

/** A registration of this participant that is not the staff member's: not found either way, audited when it exists. */
export async function refuseRegistration<T>(
  stores: Stores,
  staff: Staff,
  participant: ParticipantWithRegistrations,
  registrationId: string,
  attempt: Attempt,
  at: Date,
): Promise<Result<T>> {
  if (participant.registrations.some((r) => r.id === registrationId)) {
    await auditDenied(stores, staff, attempt, participant.id, at);
  }
  return fail({ code: 'participant.not-found' });
}
