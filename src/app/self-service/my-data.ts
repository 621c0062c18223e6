import type { AuditEvent } from '../../domain/audit/audit-event.js';
import { checkPause, type Pause, type PauseProblem } from '../../domain/participant/pause.js';
import type { Address, ContactChannel } from '../../domain/participant/registration.js';
import type { TimeWindow } from '../../domain/time-window/time-window.js';
import type { ParticipantWithRegistrations, StoredRegistration } from '../ports/participant-repository.js';
import type { DeliveryRecord } from '../ports/self-service-repository.js';
import { normalizeEmail } from './code-target.js';
import { sendEmailConfirmation } from './email-opt-in.js';
import { SELF, type SelfServiceDeps } from './self-service-deps.js';

export interface MyData {
  readonly participant: ParticipantWithRegistrations;
  readonly deliveries: readonly DeliveryRecord[];
}

/** Everything held about the participant: details, addresses, pause, and the messages sent to their numbers. */
export async function viewMyData(deps: SelfServiceDeps, participantId: string): Promise<MyData | null> {
  const participant = await deps.store.participants.findParticipant(participantId);
  if (participant === null) return null;
  const numbers = [...new Set(participant.registrations.map((r) => r.msisdn))];
  return { participant, deliveries: await deps.store.selfService.deliveriesTo(numbers) };
}

async function audit(deps: SelfServiceDeps, participantId: string, entry: AuditEvent): Promise<void> {
  await deps.store.audit.append({
    ...SELF,
    ...entry,
    subjectType: 'participant',
    subjectId: participantId,
    at: deps.clock.now(),
  });
}

/** Name and e-mail address; a new address is confirmed by double opt-in before any mail goes to it. */
export async function changeMyDetails(
  deps: SelfServiceDeps,
  participantId: string,
  input: { readonly name: string; readonly email: string | null },
): Promise<boolean> {
  const participant = await deps.store.participants.findParticipant(participantId);
  if (participant === null) return false;
  const email = input.email === null ? null : normalizeEmail(input.email);
  const emailChanged = email !== null && email !== participant.email;
  await deps.store.participants.updateParticipant({
    ...participant,
    name: input.name,
    email,
    updatedAt: deps.clock.now(),
  });
  await audit(deps, participantId, { event: 'participant.self-updated', details: { fields: ['name', 'email'] } });
  if (emailChanged) await sendEmailConfirmation(deps, participantId, email);
  return true;
}

export type AddressChange =
  | { readonly kind: 'done'; readonly registration: StoredRegistration }
  | { readonly kind: 'address-not-found' }
  | { readonly kind: 'geocoder-unavailable' }
  | { readonly kind: 'channel-needs-other-number' }
  | { readonly kind: 'duplicate' }
  | { readonly kind: 'not-found' };

/** Another address for the same number (work), with its own days and hours and its own channel. */
export async function addMyAddress(
  deps: SelfServiceDeps,
  participantId: string,
  input: { readonly address: Address; readonly channel: ContactChannel; readonly timeWindows: readonly TimeWindow[] },
): Promise<AddressChange> {
  const participant = await deps.store.participants.findParticipant(participantId);
  const first = participant?.registrations[0];
  if (participant === null || first === undefined) return { kind: 'not-found' };
  // The number was verified at sign-up; SMS needs it to be a mobile number.
  if (input.channel === 'sms' && !deps.isMobileNumber(first.msisdn)) return { kind: 'channel-needs-other-number' };
  const geocoded = await deps.geocoder.geocode(input.address);
  if (geocoded.kind === 'not-found' || (geocoded.kind === 'found' && !deps.gemeenten.has(geocoded.result.gemeenteCode)))
    return { kind: 'address-not-found' };
  if (geocoded.kind === 'unavailable') return { kind: 'geocoder-unavailable' };
  const registration: StoredRegistration = {
    id: deps.ids.newId(),
    participantId,
    msisdn: first.msisdn,
    channel: input.channel,
    address: geocoded.result.address,
    street: geocoded.result.street,
    city: geocoded.result.city,
    location: geocoded.result.location,
    gemeenteCode: geocoded.result.gemeenteCode,
    timeWindows: input.timeWindows,
    createdAt: deps.clock.now(),
  };
  if ((await deps.store.participants.insertRegistration(registration)) === 'duplicate') return { kind: 'duplicate' };
  await audit(deps, participantId, {
    event: 'registration.self-added',
    details: { registrationId: registration.id, gemeenteCode: registration.gemeenteCode },
  });
  return { kind: 'done', registration };
}

/** Channel and hours at one address. */
export async function changeMyAddress(
  deps: SelfServiceDeps,
  participantId: string,
  registrationId: string,
  input: { readonly channel: ContactChannel; readonly timeWindows: readonly TimeWindow[] },
): Promise<AddressChange> {
  const participant = await deps.store.participants.findParticipant(participantId);
  const existing = participant?.registrations.find((r) => r.id === registrationId);
  if (existing === undefined) return { kind: 'not-found' };
  if (input.channel === 'sms' && !deps.isMobileNumber(existing.msisdn)) return { kind: 'channel-needs-other-number' };
  const changed = { ...existing, channel: input.channel, timeWindows: input.timeWindows };
  await deps.store.participants.updateRegistration(changed);
  await audit(deps, participantId, { event: 'registration.self-updated', details: { registrationId } });
  return { kind: 'done', registration: changed };
}

/** Removes one address; the last one stays (deleting everything is "Mijn gegevens verwijderen"). */
export async function removeMyAddress(
  deps: SelfServiceDeps,
  participantId: string,
  registrationId: string,
): Promise<'done' | 'last-one' | 'not-found'> {
  const participant = await deps.store.participants.findParticipant(participantId);
  if (participant === null || !participant.registrations.some((r) => r.id === registrationId)) return 'not-found';
  if (participant.registrations.length === 1) return 'last-one';
  await deps.store.participants.deleteRegistration(registrationId);
  await audit(deps, participantId, { event: 'registration.self-deleted', details: { registrationId } });
  return 'done';
}

/** No messages at all in a period (a holiday); null ends a pause. */
export async function setMyPause(
  deps: SelfServiceDeps,
  participantId: string,
  pause: Pause | null,
): Promise<PauseProblem | null> {
  const now = deps.clock.now();
  if (pause !== null) {
    const problem = checkPause(pause, now);
    if (problem !== null) return problem;
  }
  await deps.store.selfService.setPause(participantId, pause, now);
  await audit(
    deps,
    participantId,
    pause === null
      ? { event: 'participant.pause-ended', details: {} }
      : { event: 'participant.paused', details: { from: pause.from, until: pause.until } },
  );
  return null;
}

/**
 * Deletion is real: the participant, every registration, sessions, codes and counters are gone; messages to their
 * numbers keep only their outcome (for the action's figures), without the number. The audit log keeps the fact.
 */
export async function eraseMyData(deps: SelfServiceDeps, participantId: string): Promise<boolean> {
  return deps.store.transaction(async (stores) => {
    const participant = await stores.participants.findParticipant(participantId);
    if (participant === null) return false;
    const numbers = [...new Set(participant.registrations.map((r) => r.msisdn))];
    const targets = [...numbers, ...(participant.email === null ? [] : [normalizeEmail(participant.email)])];
    const hashes = targets.map((t) => deps.crypto.digest('target', t));
    await stores.selfService.eraseParticipant(participantId, numbers, hashes, deps.clock.now());
    await stores.audit.append({
      ...SELF,
      event: 'participant.deleted',
      subjectType: 'participant',
      subjectId: participantId,
      details: { by: 'participant' },
      at: deps.clock.now(),
    });
    return true;
  });
}
