import { channelFitsNumber, type PhoneNumber } from '../../domain/participant/phone-number.js';
import type { Address, ContactChannel } from '../../domain/participant/registration.js';
import { mayManageParticipantsIn, type Staff } from '../../domain/staff/staff.js';
import type { TimeWindow } from '../../domain/time-window/time-window.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { StoredRegistration } from '../ports/participant-repository.js';
import type { ParticipantDeps } from './participant-deps.js';
import { auditDenied, type Attempt } from './participant-scope.js';

export interface RegistrationInput {
  readonly phone: PhoneNumber;
  readonly channel: ContactChannel;
  readonly address: Address;
  readonly timeWindows: readonly TimeWindow[];
}

/**
 * Checks a registration and places its address: geocoded, in a gemeente the staff member may manage. An address
 * outside scope is refused and the attempt written down, against the participant when there is one already.
 */
export async function resolveRegistration(
  deps: ParticipantDeps,
  staff: Staff,
  input: RegistrationInput,
  ids: { readonly id: string; readonly participantId: string },
  createdAt: Date,
  attempt: Attempt,
  subjectId: string | null,
): Promise<Result<StoredRegistration>> {
  if (!channelFitsNumber(input.channel, input.phone)) {
    return fail({
      code: input.channel === 'sms' ? 'participant.sms-needs-mobile' : 'participant.invalid-phone-number',
    });
  }
  const geocoded = await deps.geocoder.geocode(input.address);
  switch (geocoded.kind) {
    case 'not-found':
      return fail({ code: 'participant.address-not-found' });
    case 'unavailable':
      return fail({ code: 'participant.geocoder-unavailable', reason: geocoded.reason });
    case 'found':
      break;
  }
  const gemeente = deps.gemeenten.get(geocoded.result.gemeenteCode);
  if (gemeente === undefined) return fail({ code: 'participant.address-not-found' });
  if (!mayManageParticipantsIn(staff, gemeente)) {
    await auditDenied(deps.store, staff, attempt, subjectId, createdAt);
    return fail({ code: 'participant.out-of-scope' });
  }
  return ok({
    ...ids,
    msisdn: input.phone.msisdn,
    channel: input.channel,
    address: input.address,
    street: geocoded.result.street,
    city: geocoded.result.city,
    location: geocoded.result.location,
    gemeenteCode: gemeente.code,
    timeWindows: input.timeWindows,
    createdAt,
  });
}

/**
 * A number is registered once per address. Checked here as well as by the table's unique key, because that key
 * treats two registrations without a house-number addition as different.
 */
export function isSameRegistration(
  a: Pick<StoredRegistration, 'msisdn' | 'address'>,
  b: Pick<StoredRegistration, 'msisdn' | 'address'>,
): boolean {
  return (
    a.msisdn === b.msisdn &&
    a.address.postcode === b.address.postcode &&
    a.address.houseNumber === b.address.houseNumber &&
    a.address.houseNumberAddition === b.address.houseNumberAddition
  );
}
