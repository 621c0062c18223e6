import type { ParticipantVia } from '../../domain/audit/audit-event.js';
import type { Staff } from '../../domain/staff/staff.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { ParticipantWithRegistrations, StoredRegistration } from '../ports/participant-repository.js';
import type { ParticipantDeps } from './participant-deps.js';
import { loadManageable, mayUse, viaDetail } from './participant-scope.js';
import { isSameRegistration, resolveRegistration, type RegistrationInput } from './registration-input.js';

export interface ParticipantInput {
  readonly name: string;
  readonly email: string | null;
}

export async function registerParticipant(
  deps: ParticipantDeps,
  staff: Staff,
  input: ParticipantInput & { readonly registrations: readonly RegistrationInput[] },
  via: ParticipantVia = 'participants',
): Promise<Result<ParticipantWithRegistrations>> {
  if (staff.role === 'centralist' || !mayUse(staff, via)) return fail({ code: 'auth.forbidden' });
  const at = deps.clock.now();
  const participantId = deps.ids.newId();
  const registrations: StoredRegistration[] = [];
  for (const r of input.registrations) {
    const resolved = await resolveRegistration(
      deps,
      staff,
      r,
      { id: deps.ids.newId(), participantId },
      at,
      { attempted: 'register-outside', via },
      null,
    );
    if (!resolved.ok) return resolved;
    if (registrations.some((earlier) => isSameRegistration(earlier, resolved.value)))
      return fail({ code: 'participant.duplicate-registration' });
    registrations.push(resolved.value);
  }
  return deps.store
    .transaction(async (stores) => {
      const participant = { id: participantId, name: input.name, email: input.email, createdAt: at, updatedAt: at };
      await stores.participants.insertParticipant(participant);
      for (const r of registrations) {
        if ((await stores.participants.insertRegistration(r)) === 'duplicate') {
          throw new DuplicateRegistration();
        }
      }
      await stores.audit.append({
        actorId: staff.id,
        actorName: staff.name,
        event: 'participant.created',
        subjectType: 'participant',
        subjectId: participantId,
        details: { registrations: registrations.length, ...viaDetail(via) },
        at,
      });
      return ok({ ...participant, registrations });
    })
    .catch((error: unknown) => {
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
  via: ParticipantVia = 'participants',
): Promise<Result<ParticipantWithRegistrations>> {
  const at = deps.clock.now();
  return deps.store.transaction(async (stores) => {
    const loaded = await loadManageable(deps, stores, staff, participantId, { attempted: 'change', via });
    if (!loaded.ok) return loaded;
    const updated = { ...loaded.value.managed, name: input.name, email: input.email, updatedAt: at };
    await stores.participants.updateParticipant(updated);
    await stores.audit.append({
      actorId: staff.id,
      actorName: staff.name,
      event: 'participant.updated',
      subjectType: 'participant',
      subjectId: participantId,
      details: { fields: ['name', 'email'], ...viaDetail(via) },
      at,
    });
    return ok(updated);
  });
}

/**
 * Deletion is real: a participant registered only within the staff member's scope is erased as if they had
 * deleted their own data (pending deliveries, codes, sessions), and the audit log keeps only the fact. Someone
 * also registered elsewhere loses only the registrations in scope: the other gemeente keeps its resident.
 */
export async function deleteParticipant(
  deps: ParticipantDeps,
  staff: Staff,
  participantId: string,
  via: ParticipantVia = 'participants',
): Promise<Result<{ readonly erased: boolean }>> {
  const at = deps.clock.now();
  return deps.store.transaction(async (stores) => {
    const loaded = await loadManageable(deps, stores, staff, participantId, { attempted: 'remove', via });
    if (!loaded.ok) return loaded;
    const { full, managed } = loaded.value;
    const erased = managed.registrations.length === full.registrations.length;
    if (erased) {
      const numbers = [...new Set(full.registrations.map((r) => r.msisdn))];
      const targets = [...numbers, ...(full.email === null ? [] : [full.email.trim().toLowerCase()])];
      const crypto = deps.crypto;
      const hashes = crypto === undefined ? [] : targets.map((t) => crypto.digest('target', t));
      await stores.selfService.eraseParticipant(participantId, numbers, hashes, at);
      await stores.audit.append({
        actorId: staff.id,
        actorName: staff.name,
        event: 'participant.deleted',
        subjectType: 'participant',
        subjectId: participantId,
        details: { registrations: managed.registrations.length, ...viaDetail(via) },
        at,
      });
    } else {
      for (const r of managed.registrations) await stores.participants.deleteRegistration(r.id);
      await stores.audit.append({
        actorId: staff.id,
        actorName: staff.name,
        event: 'registration.deleted',
        subjectType: 'participant',
        subjectId: participantId,
        details: { registrations: managed.registrations.length, registeredElsewhere: true, ...viaDetail(via) },
        at,
      });
    }
    return ok({ erased });
  });
}
