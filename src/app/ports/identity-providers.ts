import type { SsoFailure, SsoServes } from '../../domain/staff/single-sign-on.js';
import type { StaffRole } from '../../domain/staff/staff.js';

/** An organisation's identity provider (the police, a gemeente) as the login rules see it. */
export interface SsoProvider {
  /** Part of the URLs (/plein/inloggen/sso/<id>). */
  readonly id: string;
  /** Shown on the login page: "Inloggen via <name>". */
  readonly name: string;
  readonly issuer: string;
  readonly serves: SsoServes;
  /** The claim with the e-mail address that links a first login to the account beheer created. */
  readonly emailClaim: string;
  /** Link by e-mail address only when the provider vouches for it (`email_verified: true`). */
  readonly requireVerifiedEmail: boolean;
  /** When set, the provider must grant the account's role through this claim and mapping (claim value → role). */
  readonly roleClaim: string | null;
  readonly roles: Readonly<Record<string, StaffRole>> | null;
  /** `acr` values that count as multi-factor authentication at the provider. */
  readonly mfaAcrValues: readonly string[];
}

/** What the browser carries from the redirect to the callback (the adapter keeps it in a cookie). */
export interface SsoChallenge {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
}

/** An ID token whose signature, issuer, audience, nonce and lifetime were checked. */
export interface VerifiedIdToken {
  readonly issuer: string;
  readonly subject: string;
  readonly claims: Readonly<Record<string, unknown>>;
}

export type SsoCallbackResult =
  | { readonly ok: true; readonly idToken: VerifiedIdToken }
  | {
      readonly ok: false;
      readonly reason: SsoFailure;
      /** The library's error code, for the audit log. */ readonly detail: string;
    };

/** OpenID Connect, authorization code flow with PKCE (the adapter uses openid-client). */
export interface IdentityProviders {
  readonly providers: readonly SsoProvider[];
  /** Where to send the browser to log in at the provider, and what it must bring back; null: unreachable. */
  beginLogin(
    providerId: string,
    redirectUri: string,
  ): Promise<{ readonly url: string; readonly challenge: SsoChallenge } | null>;
  /** Checks the provider's answer (`callbackUrl`: the redirect URI with the query it came back with) and redeems the code. */
  completeLogin(providerId: string, callbackUrl: string, challenge: SsoChallenge): Promise<SsoCallbackResult>;
}
