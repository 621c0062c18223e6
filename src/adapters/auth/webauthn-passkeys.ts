import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type { PasskeyCeremony } from '../../app/ports/staff-credentials.js';

const TIMEOUT_MS = 120_000;

/**
 * Passkeys with @simplewebauthn/server. User verification is required (PIN or biometrics on the
 * authenticator), so a passkey is itself two factors; no attestation is asked (any authenticator will do).
 * Browser responses are untrusted JSON: the library checks their shape and signatures; a malformed one
 * counts as a failed attempt.
 */
export function createWebauthnPasskeys(): PasskeyCeremony {
  const asTransports = (t: readonly string[]) => [...t];
  return {
    async registrationOptions({ rp, userId, userName, displayName, existing }) {
      const options = await generateRegistrationOptions({
        rpName: rp.name,
        rpID: rp.id,
        userName,
        userDisplayName: displayName,
        userID: new TextEncoder().encode(userId),
        timeout: TIMEOUT_MS,
        attestationType: 'none',
        excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: asTransports(p.transports) })),
        authenticatorSelection: { residentKey: 'preferred', userVerification: 'required' },
      });
      return { options, challenge: options.challenge };
    },
    async verifyRegistration({ rp, response, challenge }) {
      try {
        const result = await verifyRegistrationResponse({
          response: response as RegistrationResponseJSON,
          expectedChallenge: challenge,
          expectedOrigin: rp.origin,
          expectedRPID: rp.id,
          requireUserVerification: true,
        });
        if (!result.verified) return null;
        const c = result.registrationInfo.credential;
        return {
          credentialId: c.id,
          publicKey: Buffer.from(c.publicKey).toString('base64url'),
          signCount: c.counter,
          transports: c.transports ?? [],
        };
      } catch {
        // The library throws on every kind of bad response (wrong origin, challenge, format): all are a refusal.
        return null;
      }
    },
    async authenticationOptions({ rp, allow }) {
      const options = await generateAuthenticationOptions({
        rpID: rp.id,
        timeout: TIMEOUT_MS,
        userVerification: 'required',
        allowCredentials: allow.map((p) => ({ id: p.credentialId, transports: asTransports(p.transports) })),
      });
      return { options, challenge: options.challenge };
    },
    credentialIdOf(response) {
      if (typeof response !== 'object' || response === null) return null;
      const id = (response as { id?: unknown }).id;
      return typeof id === 'string' && /^[A-Za-z0-9_-]{1,1400}$/.test(id) ? id : null;
    },
    async verifyAuthentication({ rp, response, challenge, passkey }) {
      try {
        const result = await verifyAuthenticationResponse({
          response: response as AuthenticationResponseJSON,
          expectedChallenge: challenge,
          expectedOrigin: rp.origin,
          expectedRPID: rp.id,
          requireUserVerification: true,
          credential: {
            id: passkey.credentialId,
            publicKey: new Uint8Array(Buffer.from(passkey.publicKey, 'base64url')),
            counter: passkey.signCount,
            transports: asTransports(passkey.transports),
          },
        });
        return result.verified ? { signCount: result.authenticationInfo.newCounter } : null;
      } catch {
        // As above: any malformed or mismatching assertion is a refusal.
        return null;
      }
    },
  };
}
