import { channelFitsNumber } from '../../domain/participant/phone-number.js';
import type { Staff } from '../../domain/staff/staff.js';
import type { ParticipantWithRegistrations, StoredRegistration } from '../ports/participant-repository.js';
import type { RegistrationInput } from '../participants/registration-input.js';
import type { Stores } from '../ports/stores.js';
import { fail, ok, type Result } from '../../domain/result.js';
import { auditDenied, inScope, mayKeepRelations, scopedTo, type RelationError } from './relation-access.js';
import type { RelatiebeheerDeps } from './relatiebeheer-deps.js';

/** Loads a participant for one of the gemeente's actions; outside the gemeente: 403 and an audit entry. */
async function loadInScope(
  deps: RelatiebeheerDeps,
  stores: Stores,
  staff: Staff,
  participantId: string,
  attempted: string,
): Promise<Result<{ full: ParticipantWithRegistrations; scoped: ParticipantWithRegistrations }, RelationError>> {
  if (!mayKeepRelations(staff)) return fail({ code: 'auth.forbidden' });
  const full = await stores.participants.findParticipant(participantId);
  if (full === null) return fail({ code: 'participant.not-found' });
  const scoped = scopedTo(deps.gemeenten, staff, full);
  if (scoped === null) {
    await auditDenied(stores.audit, staff, attempted, participantId, deps.clock.now());
    return fail({ code: 'relatiebeheer.outside-gemeente' });
  }
  return ok({ full, scoped });
}

export async function findRelations(
  deps: RelatiebeheerDeps,
  staff: Staff,
  search: { readonly text: string | null; readonly msisdn: string | null; readonly limit: number; readonly offset: number },
  purpose: string,
): Promise<Result<{ readonly items: readonly ParticipantWithRegistrations[]; readonly total: number }, RelationError>> {
  if (!mayKeepRelations(staff)) return fail({ code: 'auth.forbidden' });
  const result = await deps.store.participants.searchParticipants({ ...search, gemeenteCode: null, scope: staff.scope });
  const items = result.items.map((p) => scopedTo(deps.gemeenten, staff, p)).filter((p): p is ParticipantWithRegistrations => p !== null);
  await deps.store.audit.append({
    actorId: staff.id, actorName: staff.name, event: 'participant.searched', subjectType: 'participant', subjectId: null,
    details: { purpose, via: 'relatiebeheer', byText: search.text !== null, byPhone: search.msisdn !== null, shown: items.map((p) => p.id) },
    at: deps.clock.now(),
  });
  return ok({ items, total: result.total });
}

export async function viewRelation(deps: RelatiebeheerDeps, staff: Staff, participantId: string, purpose: string): Promise<Result<ParticipantWithRegistrations, RelationError>> {
  const loaded = await loadInScope(deps, deps.store, staff, participantId, 'view');
  if (!loaded.ok) return loaded;
  await deps.store.audit.append({
    actorId: staff.id, actorName: staff.name, event: 'participant.viewed', subjectType: 'participant', subjectId: participantId,
    details: { purpose, via: 'relatiebeheer' }, at: deps.clock.now(),
  });
  return ok(loaded.value.scoped);
}

/** Places each address; every one must lie in the staff member's gemeente. */
async function resolveAll(
  deps: RelatiebeheerDeps,
  staff: Staff,
  participantId: string,
  inputs: readonly RegistrationInput[],
): Promise<Result<StoredRegistration[], RelationError>> {
  const at = deps.clock.now();
  const out: StoredRegistration[] = [];
  for (const input of inputs) {
    if (!channelFitsNumber(input.channel, input.phone)) return fail({ code: 'participant.sms-needs-mobile' });
    const geocoded = await deps.geocoder.geocode(input.address);
    if (geocoded.kind === 'not-found') return fail({ code: 'participant.address-not-found' });
    if (geocoded.kind === 'unavailable') return fail({ code: 'participant.geocoder-unavailable', reason: geocoded.reason });
    if (!deps.gemeenten.has(geocoded.result.gemeenteCode)) return fail({ code: 'participant.address-not-found' });
    if (!inScope(deps.gemeenten, staff, geocoded.result.gemeenteCode)) {
      await auditDenied(deps.store.audit, staff, 'register-outside', null, at);
      return fail({ code: 'participant.out-of-scope' });
    }
    out.push({
      id: deps.ids.newId(), participantId, msisdn: input.phone.msisdn, channel: input.channel, address: geocoded.result.address,
      street: geocoded.result.street, city: geocoded.result.city, location: geocoded.result.location, gemeenteCode: geocoded.result.gemeenteCode,
      timeWindows: input.timeWindows, createdAt: at,
    });
  }
  return ok(out);
}

export async function addRelation(
  deps: RelatiebeheerDeps,
  staff: Staff,
  input: { readonly name: string; readonly email: string | null; readonly registrations: readonly RegistrationInput[] },
): Promise<Result<ParticipantWithRegistrations, RelationError>> {
  if (!mayKeepRelations(staff)) return fail({ code: 'auth.forbidden' });
  const participantId = deps.ids.newId();
  const resolved = await resolveAll(deps, staff, participantId, input.registrations);
  if (!resolved.ok) return resolved;
  const at = deps.clock.now();
  return deps.store.transaction(async (stores) => {
    const participant = { id: participantId, name: input.name, email: input.email, createdAt: at, updatedAt: at };
    await stores.participants.insertParticipant(participant);
    for (const r of resolved.value) {
      if ((await stores.participants.insertRegistration(r)) === 'duplicate') throw new DuplicateInInput();
    }
    await stores.audit.append({
      actorId: staff.id, actorName: staff.name, event: 'participant.created', subjectType: 'participant', subjectId: participantId,
      details: { via: 'relatiebeheer', registrations: resolved.value.length }, at,
    });
    return ok({ ...participant, registrations: resolved.value });
  }).catch((error: unknown) => {
    if (error instanceof DuplicateInInput) return fail({ code: 'participant.duplicate-registration' });
    throw error;
  });
}

class DuplicateInInput extends Error {}

export async function changeRelation(
  deps: RelatiebeheerDeps,
  staff: Staff,
  participantId: string,
  input: { readonly name: string; readonly email: string | null },
): Promise<Result<ParticipantWithRegistrations, RelationError>> {
  const at = deps.clock.now();
  return deps.store.transaction(async (stores) => {
    const loaded = await loadInScope(deps, stores, staff, participantId, 'change');
    if (!loaded.ok) return loaded;
    const updated = { ...loaded.value.full, name: input.name, email: input.email, updatedAt: at };
    await stores.participants.updateParticipant(updated);
    await stores.audit.append({
      actorId: staff.id, actorName: staff.name, event: 'participant.updated', subjectType: 'participant', subjectId: participantId,
      details: { via: 'relatiebeheer', fields: ['name', 'email'] }, at,
    });
    return ok({ ...loaded.value.scoped, name: input.name, email: input.email, updatedAt: at });
  });
}

/** Changes one registration in the gemeente; its new address must lie in the gemeente too. */
export async function changeRelationRegistration(
  deps: RelatiebeheerDeps,
  staff: Staff,
  participantId: string,
  registrationId: string,
  input: RegistrationInput,
): Promise<Result<StoredRegistration, RelationError>> {
  const first = await loadInScope(deps, deps.store, staff, participantId, 'change-registration');
  if (!first.ok) return first;
  const existing = first.value.scoped.registrations.find((r) => r.id === registrationId);
  if (existing === undefined) return fail({ code: 'participant.not-found' });
  const resolved = await resolveAll(deps, staff, participantId, [input]);
  if (!resolved.ok) return resolved;
  const changed = { ...resolved.value[0]!, id: registrationId, createdAt: existing.createdAt };
  const at = deps.clock.now();
  await deps.store.transaction(async (stores) => {
    await stores.participants.updateRegistration(changed);
    await stores.audit.append({
      actorId: staff.id, actorName: staff.name, event: 'registration.updated', subjectType: 'registration', subjectId: registrationId,
      details: { via: 'relatiebeheer', participantId }, at,
    });
  });
  return ok(changed);
}

/**
 * Removes the participant's registrations in the gemeente. Someone also registered elsewhere keeps those; with
 * nothing left, the participant is erased as if they had deleted their own data.
 */
export async function removeRelation(deps: RelatiebeheerDeps, staff: Staff, participantId: string): Promise<Result<{ readonly erased: boolean }, RelationError>> {
  const at = deps.clock.now();
  return deps.store.transaction(async (stores) => {
    const loaded = await loadInScope(deps, stores, staff, participantId, 'remove');
    if (!loaded.ok) return loaded;
    const { full, scoped } = loaded.value;
    const erased = scoped.registrations.length === full.registrations.length;
    if (erased) {
      const numbers = [...new Set(full.registrations.map((r) => r.msisdn))];
      const targets = [...numbers, ...(full.email === null ? [] : [full.email.trim().toLowerCase()])];
      await stores.selfService.eraseParticipant(participantId, numbers, targets.map((t) => deps.crypto.digest('target', t)), at);
    } else {
      for (const r of scoped.registrations) await stores.participants.deleteRegistration(r.id);
    }
    await stores.audit.append({
      actorId: staff.id, actorName: staff.name, event: erased ? 'participant.deleted' : 'registration.deleted', subjectType: 'participant',
      subjectId: participantId, details: { via: 'relatiebeheer', registrations: scoped.registrations.length }, at,
    });
    return ok({ erased });
  });
}
