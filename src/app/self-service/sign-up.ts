import type { LatLon } from '../../domain/geo/lat-lon.js';
import { channelFitsNumber } from '../../domain/participant/phone-number.js';
import type { Address, ContactChannel } from '../../domain/participant/registration.js';
import type { CodeCheck } from '../../domain/self-service/verification.js';
import type { TimeWindow } from '../../domain/time-window/time-window.js';
import type { StoredRegistration } from '../ports/participant-repository.js';
import type { CodeTarget } from './code-target.js';
import { checkCode } from './check-code.js';
import { sendEmailConfirmation } from './email-opt-in.js';
import { requestCode, type CodeRequestResult } from './request-code.js';
import { SELF, type SelfServiceDeps } from './self-service-deps.js';
import { startSession } from './sessions.js';

export interface SignUpInput {
  readonly name: string;
  readonly email: string | null;
  readonly phone: Extract<CodeTarget, { kind: 'phone' }>;
  readonly channel: ContactChannel;
  readonly address: Address;
  readonly timeWindows: readonly TimeWindow[];
}

/** What waits with the code until it is entered: the sign-up, its address placed by the geocoder. */
export interface SignUpPayload {
  readonly name: string;
  readonly email: string | null;
  readonly msisdn: string;
  readonly channel: ContactChannel;
  readonly address: Address;
  readonly street: string | null;
  readonly city: string;
  readonly location: LatLon;
  readonly gemeenteCode: string;
  readonly timeWindows: readonly TimeWindow[];
}

export type PreparedSignUp =
  | { readonly kind: 'ready'; readonly payload: SignUpPayload }
  | { readonly kind: 'address-not-found' }
  | { readonly kind: 'geocoder-unavailable' }
  | { readonly kind: 'channel-needs-other-number' };

/** Places the address (the page shows it back: "Dorpsstraat 12, Ede — klopt dit?") and checks number and channel. */
export async function prepareSignUp(deps: SelfServiceDeps, input: SignUpInput): Promise<PreparedSignUp> {
  if (!channelFitsNumber(input.channel, input.phone.phone)) return { kind: 'channel-needs-other-number' };
  const geocoded = await deps.geocoder.geocode(input.address);
  if (geocoded.kind === 'not-found') return { kind: 'address-not-found' };
  if (geocoded.kind === 'unavailable') return { kind: 'geocoder-unavailable' };
  if (!deps.gemeenten.has(geocoded.result.gemeenteCode)) return { kind: 'address-not-found' };
  return {
    kind: 'ready',
    payload: {
      name: input.name,
      email: input.email,
      msisdn: input.phone.phone.msisdn,
      channel: input.channel,
      address: geocoded.result.address,
      street: geocoded.result.street,
      city: geocoded.result.city,
      location: geocoded.result.location,
      gemeenteCode: geocoded.result.gemeenteCode,
      timeWindows: input.timeWindows,
    },
  };
}

/** After "klopt dit? ja": the address is placed again (nothing from the page is trusted) and a code is sent. */
export async function requestSignUpCode(
  deps: SelfServiceDeps,
  input: SignUpInput,
  ip: string,
): Promise<PreparedSignUp | CodeRequestResult> {
  const prepared = await prepareSignUp(deps, input);
  if (prepared.kind !== 'ready') return prepared;
  return requestCode(deps, { purpose: 'sign-up', target: input.phone, ip, payload: prepared.payload });
}

export type SignUpConfirmation =
  | {
      readonly kind: 'signed-up';
      readonly participantId: string;
      readonly sessionToken: string;
      readonly joinedExisting: boolean;
    }
  | { readonly kind: 'code'; readonly check: Exclude<CodeCheck, { kind: 'accepted' }> };

/**
 * The code was entered: when it is right, the participant is stored (or, when the number is already registered,
 * the address is added to it: the code proves the number is theirs) and logged in to "Mijn gegevens".
 */
export async function confirmSignUp(
  deps: SelfServiceDeps,
  verificationId: string,
  code: string,
): Promise<SignUpConfirmation> {
  const at = deps.clock.now();
  const result = await deps.store.transaction(
    async (
      stores,
    ): Promise<
      SignUpConfirmation | { kind: 'stored'; participantId: string; email: string | null; joinedExisting: boolean }
    > => {
      const { check, verification } = await checkCode(deps, stores, 'sign-up', verificationId, code);
      if (check.kind !== 'accepted' || verification === null)
        return { kind: 'code', check: check.kind === 'accepted' ? { kind: 'expired' } : check };
      const payload = verification.payload as SignUpPayload;
      const [existingId] = await stores.selfService.participantsWithNumber(payload.msisdn);
      const participantId = existingId ?? deps.ids.newId();
      if (existingId === undefined) {
        await stores.participants.insertParticipant({
          id: participantId,
          name: payload.name,
          email: payload.email,
          createdAt: at,
          updatedAt: at,
        });
      }
      const registration: StoredRegistration = {
        id: deps.ids.newId(),
        participantId,
        msisdn: payload.msisdn as StoredRegistration['msisdn'],
        channel: payload.channel,
        address: payload.address,
        street: payload.street,
        city: payload.city,
        location: payload.location,
        gemeenteCode: payload.gemeenteCode,
        timeWindows: payload.timeWindows,
        createdAt: at,
      };
      // Signing up again at an address already registered changes nothing; it is not an error for the person.
      await stores.participants.insertRegistration(registration);
      await stores.audit.append({
        ...SELF,
        event: existingId === undefined ? 'participant.signed-up' : 'registration.self-added',
        subjectType: 'participant',
        subjectId: participantId,
        details: { channel: payload.channel, gemeenteCode: payload.gemeenteCode },
        at,
      });
      return {
        kind: 'stored',
        participantId,
        email: existingId === undefined ? payload.email : null,
        joinedExisting: existingId !== undefined,
      };
    },
  );
  if (result.kind !== 'stored') return result;
  if (result.email !== null) await sendEmailConfirmation(deps, result.participantId, result.email);
  const sessionToken = await startSession(deps, result.participantId);
  return {
    kind: 'signed-up',
    participantId: result.participantId,
    sessionToken,
    joinedExisting: result.joinedExisting,
  };
}
