import { mayManageParticipantsIn, type Staff } from '../../domain/staff/staff.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { ParticipantWithRegistrations, StoredRegistration } from '../ports/participant-repository.js';
import type { Stores } from '../ports/stores.js';
import { visiblePart } from './find-participants.js';
import type { ParticipantDeps } from './participant-deps.js';
import { isSameRegistration, resolveRegistration, type RegistrationInput } from './registration-input.js';

export interface ParticipantInput {
  readonly name: string;
  readonly email: string | null;
}

/** The registrations this staff member may change: those whose address lies in a gemeente they manage. */
export function manageablePart(
  deps: Pick<ParticipantDeps, 'gemeenten'>,
  staff: Staff,
  p: ParticipantWithRegistrations,
): readonly StoredRegistration[] {
  if (staff.role === 'centralist') return [];
  if (staff.scope.kind === 'landelijk') return p.registrations;
  return p.registrations.filter((r) => {
    const gemeente = deps.gemeenten.get(r.gemeenteCode);
    return gemeente !== undefined && mayManageParticipantsIn(staff, gemeente);
  });
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
): Promise<Result<Manageable>> {
  const participant = await stores.participants.findParticipant(participantId);
  if (participant === null || visiblePart(deps, staff, participant) === null) return fail({ code: 'participant.not-found' });
  const registrations = manageablePart(deps, staff, participant);
  if (registrations.length === 0) return fail({ code: 'auth.forbidden' });
  return ok({ full: participant, managed: { ...participant, registrations } });
}

/** An attempt at a registration outside the staff member's scope: answered as not found, and written down. */
export async function auditDeniedRegistration(stores: Stores, staff: Staff, attempted: string, participantId: string, at: Date): Promise<void> {
  await stores.audit.append({
    actorId: staff.id, actorName: staff.name, event: 'participant.denied', subjectType: 'participant',
    subjectId: participantId, details: { attempted, scope: staff.scope }, at,
  });
}

export async function registerParticipant(
  deps: ParticipantDeps,
  staff: Staff,
  input: ParticipantInput & { readonly registrations: readonly RegistrationInput[] },
): Promise<Result<ParticipantWithRegistrations>> {
  if (staff.role === 'centralist') return fail({ code: 'auth.forbidden' });
  const at = deps.clock.now();
  const participantId = deps.ids.newId();
  const registrations: StoredRegistration[] = [];
  for (const r of input.registrations) {
    const resolved = await resolveRegistration(deps, staff, r, { id: deps.ids.newId(), participantId }, at);
    if (!resolved.ok) return resolved;
    if (registrations.some((earlier) => isSameRegistration(earlier, resolved.value))) return fail({ code: 'participant.duplicate-registration' });
    registrations.push(resolved.value);
  }
  return deps.store.transaction(async (stores) => {
    const participant = { id: participantId, name: input.name, email: input.email, createdAt: at, updatedAt: at };
    await stores.participants.insertParticipant(participant);
    for (const r of registrations) {
      if ((await stores.participants.insertRegistration(r)) === 'duplicate') {
        throw new DuplicateRegistration();
      }
    }
    await stores.audit.append({
      actorId: staff.id, actorName: staff.name, event: 'participant.created', subjectType: 'participant',
      subjectId: participantId, details: { registrations: registrations.length }, at,
    });
    return ok({ ...participant, registrations });
  }).catch((error: unknown) => {
    if (error instanceof DuplicateRegistration) return fail({ code: 'participant.duplicate-registration' });
    throw error;
  });
}

/** Thrown inside the transaction so that it rolls back; turned into an outcome outside it. */
class DuplicateRegistration extends Error {}

export async function updateParticipant(
  deps: ParticipantDeps,
  staff: Staff,
  participantId: string,
  input: ParticipantInput,
): Promise<Result<ParticipantWithRegistrations>> {
  const at = deps.clock.now();
  return deps.store.transaction(async (stores) => {
    const loaded = await loadManageable(deps, stores, staff, participantId);
    if (!loaded.ok) return loaded;
    const updated = { ...loaded.value.managed, name: input.name, email: input.email, updatedAt: at };
    await stores.participants.updateParticipant(updated);
    await stores.audit.append({
      actorId: staff.id, actorName: staff.name, event: 'participant.updated', subjectType: 'participant',
      subjectId: participantId, details: { fields: ['name', 'email'] }, at,
    });
    return ok(updated);
  });
}

/**
 * Deletion is real: a participant registered only within the staff member's scope is gone with every
 * registration, and the audit log keeps only the fact. Someone also registered elsewhere loses only the
 * registrations in scope: the other gemeente keeps its resident.
 */
export async function deleteParticipant(deps: ParticipantDeps, staff: Staff, participantId: string): Promise<Result<null>> {
  const at = deps.clock.now();
  return deps.store.transaction(async (stores) => {
    const loaded = await loadManageable(deps, stores, staff, participantId);
    if (!loaded.ok) return loaded;
    const { full, managed } = loaded.value;
    if (managed.registrations.length === full.registrations.length) {
      await stores.participants.deleteParticipant(participantId);
      await stores.audit.append({
        actorId: staff.id, actorName: staff.name, event: 'participant.deleted', subjectType: 'participant',
        subjectId: participantId, details: {}, at,
      });
    } else {
      for (const r of managed.registrations) await stores.participants.deleteRegistration(r.id);
      await stores.audit.append({
        actorId: staff.id, actorName: staff.name, event: 'registration.deleted', subjectType: 'participant',
        subjectId: participantId, details: { registrations: managed.registrations.length, registeredElsewhere: true }, at,
      });
    }
    return ok(null);
  });
}
