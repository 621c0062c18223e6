import type { Staff } from '../../domain/staff/staff.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { ParticipantWithRegistrations, StoredRegistration } from '../ports/participant-repository.js';
import type { Stores } from '../ports/stores.js';
import { auditDeniedRegistration, loadManageable } from './manage-participant.js';
import type { ParticipantDeps } from './participant-deps.js';
import { isSameRegistration, resolveRegistration, type RegistrationInput } from './registration-input.js';

export async function addRegistration(
  deps: ParticipantDeps,
  staff: Staff,
  participantId: string,
  input: RegistrationInput,
): Promise<Result<StoredRegistration>> {
  if (staff.role === 'centralist') return fail({ code: 'auth.forbidden' });
  const at = deps.clock.now();
  const resolved = await resolveRegistration(deps, staff, input, { id: deps.ids.newId(), participantId }, at);
  if (!resolved.ok) return resolved;
  return deps.store.transaction(async (stores) => {
    const loaded = await loadManageable(deps, stores, staff, participantId);
    if (!loaded.ok) return fail(loaded.error);
    if (loaded.value.full.registrations.some((r) => isSameRegistration(r, resolved.value))) {
      return fail({ code: 'participant.duplicate-registration' });
    }
    if ((await stores.participants.insertRegistration(resolved.value)) === 'duplicate') {
      return fail({ code: 'participant.duplicate-registration' });
    }
    await stores.audit.append({
      actorId: staff.id, actorName: staff.name, event: 'registration.created', subjectType: 'registration',
      subjectId: resolved.value.id, details: { participantId }, at,
    });
    return ok(resolved.value);
  });
}

export async function changeRegistration(
  deps: ParticipantDeps,
  staff: Staff,
  participantId: string,
  registrationId: string,
  input: RegistrationInput,
): Promise<Result<StoredRegistration>> {
  if (staff.role === 'centralist') return fail({ code: 'auth.forbidden' });
  const at = deps.clock.now();
  const resolved = await resolveRegistration(deps, staff, input, { id: registrationId, participantId }, at);
  if (!resolved.ok) return resolved;
  return deps.store.transaction(async (stores) => {
    const loaded = await loadManageable(deps, stores, staff, participantId);
    if (!loaded.ok) return fail(loaded.error);
    const existing = loaded.value.managed.registrations.find((r) => r.id === registrationId);
    if (existing === undefined) return refuseOutsideScope(stores, staff, loaded.value.full, registrationId, 'change-registration', at);
    if (loaded.value.full.registrations.some((r) => r.id !== registrationId && isSameRegistration(r, resolved.value))) {
      return fail({ code: 'participant.duplicate-registration' });
    }
    const changed = { ...resolved.value, createdAt: existing.createdAt };
    await stores.participants.updateRegistration(changed);
    await stores.audit.append({
      actorId: staff.id, actorName: staff.name, event: 'registration.updated', subjectType: 'registration',
      subjectId: registrationId, details: { participantId }, at,
    });
    return ok(changed);
  });
}

export async function removeRegistration(
  deps: ParticipantDeps,
  staff: Staff,
  participantId: string,
  registrationId: string,
): Promise<Result<null>> {
  const at = deps.clock.now();
  return deps.store.transaction(async (stores) => {
    const loaded = await loadManageable(deps, stores, staff, participantId);
    if (!loaded.ok) return fail(loaded.error);
    if (!loaded.value.managed.registrations.some((r) => r.id === registrationId)) {
      return refuseOutsideScope(stores, staff, loaded.value.full, registrationId, 'remove-registration', at);
    }
    await stores.participants.deleteRegistration(registrationId);
    await stores.audit.append({
      actorId: staff.id, actorName: staff.name, event: 'registration.deleted', subjectType: 'registration',
      subjectId: registrationId, details: { participantId }, at,
    });
    return ok(null);
  });
}

/** Not found either way; an attempt at another gemeente's registration of this participant is written down. */
async function refuseOutsideScope<T>(
  stores: Stores,
  staff: Staff,
  participant: ParticipantWithRegistrations,
  registrationId: string,
  attempted: string,
  at: Date,
): Promise<Result<T>> {
  if (participant.registrations.some((r) => r.id === registrationId)) {
    await auditDeniedRegistration(stores, staff, attempted, participant.id, at);
  }
  return fail({ code: 'participant.not-found' });
}
