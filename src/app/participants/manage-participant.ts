import { mayManageParticipantsIn, type Staff } from '../../domain/staff/staff.js';
import { failure, success, type Outcome } from '../errors.js';
import type { ParticipantWithRegistrations, StoredRegistration } from '../ports/participant-repository.js';
import type { Stores } from '../ports/stores.js';
import { isVisibleTo } from './find-participants.js';
import type { ParticipantDeps } from './participant-deps.js';
import { isSameRegistration, resolveRegistration, type RegistrationInput } from './registration-input.js';

export interface ParticipantInput {
  readonly name: string;
  readonly email: string | null;
}

/** May this staff member change this participant: every address must be theirs to manage. */
export function mayManage(deps: Pick<ParticipantDeps, 'gemeenten'>, staff: Staff, p: ParticipantWithRegistrations): boolean {
  if (staff.role === 'centralist') return false;
  if (staff.scope.kind === 'landelijk') return true;
  return p.registrations.some((r) => {
    const gemeente = deps.gemeenten.get(r.gemeenteCode);
    return gemeente !== undefined && mayManageParticipantsIn(staff, gemeente);
  });
}

/** Loads a participant the staff member may change, or says why not (never revealing one outside scope). */
export async function loadManageable(
  deps: ParticipantDeps,
  stores: Stores,
  staff: Staff,
  participantId: string,
): Promise<Outcome<ParticipantWithRegistrations>> {
  const participant = await stores.participants.findParticipant(participantId);
  if (participant === null || !isVisibleTo(deps, staff, participant)) return failure({ code: 'participant.not-found' });
  if (!mayManage(deps, staff, participant)) return failure({ code: 'auth.forbidden' });
  return success(participant);
}

export async function registerParticipant(
  deps: ParticipantDeps,
  staff: Staff,
  input: ParticipantInput & { readonly registrations: readonly RegistrationInput[] },
): Promise<Outcome<ParticipantWithRegistrations>> {
  if (staff.role === 'centralist') return failure({ code: 'auth.forbidden' });
  const at = deps.clock.now();
  const participantId = deps.ids.newId();
  const registrations: StoredRegistration[] = [];
  for (const r of input.registrations) {
    const resolved = await resolveRegistration(deps, staff, r, { id: deps.ids.newId(), participantId }, at);
    if (!resolved.ok) return resolved;
    if (registrations.some((earlier) => isSameRegistration(earlier, resolved.value))) return failure({ code: 'participant.duplicate-registration' });
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
    return success({ ...participant, registrations });
  }).catch((error: unknown) => {
    if (error instanceof DuplicateRegistration) return failure<ParticipantWithRegistrations>({ code: 'participant.duplicate-registration' });
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
): Promise<Outcome<ParticipantWithRegistrations>> {
  const at = deps.clock.now();
  return deps.store.transaction(async (stores) => {
    const loaded = await loadManageable(deps, stores, staff, participantId);
    if (!loaded.ok) return loaded;
    const updated = { ...loaded.value, name: input.name, email: input.email, updatedAt: at };
    await stores.participants.updateParticipant(updated);
    await stores.audit.append({
      actorId: staff.id, actorName: staff.name, event: 'participant.updated', subjectType: 'participant',
      subjectId: participantId, details: { fields: ['name', 'email'] }, at,
    });
    return success(updated);
  });
}

/** Deletion is real: the participant and every registration are gone; the audit log keeps only the fact. */
export async function deleteParticipant(deps: ParticipantDeps, staff: Staff, participantId: string): Promise<Outcome<null>> {
  const at = deps.clock.now();
  return deps.store.transaction(async (stores) => {
    const loaded = await loadManageable(deps, stores, staff, participantId);
    if (!loaded.ok) return loaded;
    await stores.participants.deleteParticipant(participantId);
    await stores.audit.append({
      actorId: staff.id, actorName: staff.name, event: 'participant.deleted', subjectType: 'participant',
      subjectId: participantId, details: {}, at,
    });
    return success(null);
  });
}
