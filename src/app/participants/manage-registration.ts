import type { ParticipantVia } from '../../domain/audit/audit-event.js';
import type { Staff } from '../../domain/staff/staff.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { StoredRegistration } from '../ports/participant-repository.js';
import { loadManageable, mayUse, refuseRegistration, viaDetail } from './participant-scope.js';
import type { ParticipantDeps } from './participant-deps.js';
import { isSameRegistration, resolveRegistration, type RegistrationInput } from './registration-input.js';

export async function addRegistration(
  deps: ParticipantDeps,
  staff: Staff,
  participantId: string,
  input: RegistrationInput,
  via: ParticipantVia = 'participants',
): Promise<Result<StoredRegistration>> {
  if (staff.role === 'centralist' || !mayUse(staff, via)) return fail({ code: 'auth.forbidden' });
  const at = deps.clock.now();
  const resolved = await resolveRegistration(
    deps,
    staff,
    input,
    { id: deps.ids.newId(), participantId },
    at,
    { attempted: 'register-outside', via },
    participantId,
  );
  if (!resolved.ok) return resolved;
  return deps.store.transaction(async (stores) => {
    const loaded = await loadManageable(deps, stores, staff, participantId, { attempted: 'add-registration', via });
    if (!loaded.ok) return fail(loaded.error);
    if (loaded.value.full.registrations.some((r) => isSameRegistration(r, resolved.value))) {
      return fail({ code: 'participant.duplicate-registration' });
    }
    if ((await stores.participants.insertRegistration(resolved.value)) === 'duplicate') {
      return fail({ code: 'participant.duplicate-registration' });
    }
    await stores.audit.append({
      actorId: staff.id,
      actorName: staff.name,
      event: 'registration.created',
      subjectType: 'registration',
      subjectId: resolved.value.id,
      details: { participantId, ...viaDetail(via) },
      at,
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
  via: ParticipantVia = 'participants',
): Promise<Result<StoredRegistration>> {
  if (staff.role === 'centralist' || !mayUse(staff, via)) return fail({ code: 'auth.forbidden' });
  const at = deps.clock.now();
  const resolved = await resolveRegistration(
    deps,
    staff,
    input,
    { id: registrationId, participantId },
    at,
    { attempted: 'register-outside', via },
    participantId,
  );
  if (!resolved.ok) return resolved;
  return deps.store.transaction(async (stores) => {
    const attempt = { attempted: 'change-registration', via } as const;
    const loaded = await loadManageable(deps, stores, staff, participantId, attempt);
    if (!loaded.ok) return fail(loaded.error);
    const existing = loaded.value.managed.registrations.find((r) => r.id === registrationId);
    if (existing === undefined)
      return refuseRegistration(stores, staff, loaded.value.full, registrationId, attempt, at);
    if (loaded.value.full.registrations.some((r) => r.id !== registrationId && isSameRegistration(r, resolved.value))) {
      return fail({ code: 'participant.duplicate-registration' });
    }
    const changed = { ...resolved.value, createdAt: existing.createdAt };
    await stores.participants.updateRegistration(changed);
    await stores.audit.append({
      actorId: staff.id,
      actorName: staff.name,
      event: 'registration.updated',
      subjectType: 'registration',
      subjectId: registrationId,
      details: { participantId, ...viaDetail(via) },
      at,
    });
    return ok(changed);
  });
}

export async function removeRegistration(
  deps: ParticipantDeps,
  staff: Staff,
  participantId: string,
  registrationId: string,
  via: ParticipantVia = 'participants',
): Promise<Result<null>> {
  const at = deps.clock.now();
  return deps.store.transaction(async (stores) => {
    const attempt = { attempted: 'remove-registration', via } as const;
    const loaded = await loadManageable(deps, stores, staff, participantId, attempt);
    if (!loaded.ok) return fail(loaded.error);
    if (!loaded.value.managed.registrations.some((r) => r.id === registrationId)) {
      return refuseRegistration(stores, staff, loaded.value.full, registrationId, attempt, at);
    }
    await stores.participants.deleteRegistration(registrationId);
    await stores.audit.append({
      actorId: staff.id,
      actorName: staff.name,
      event: 'registration.deleted',
      subjectType: 'registration',
      subjectId: registrationId,
      details: { participantId, ...viaDetail(via) },
      at,
    });
    return ok(null);
  });
}
