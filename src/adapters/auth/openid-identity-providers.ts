import * as oidc from 'openid-client';
import type { IdentityProviders, SsoCallbackResult, SsoProvider } from '../../app/ports/identity-providers.js';

/** A provider with what the protocol needs besides the rules: the client registration at the provider. */
export interface OpenidProviderSettings extends SsoProvider {
  readonly clientId: string;
  /** From OIDC_CLIENT_SECRETS only; never logged. */
  readonly clientSecret: string;
  readonly scope: string;
  readonly tokenEndpointAuth: 'client_secret_basic' | 'client_secret_post';
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function failureOf(error: unknown): Extract<SsoCallbackResult, { ok: false }> {
  if (error instanceof oidc.AuthorizationResponseError)
    return { ok: false, reason: 'refused-by-provider', detail: error.error };
  if (error instanceof oidc.ResponseBodyError) return { ok: false, reason: 'invalid-response', detail: error.error };
  if (error instanceof oidc.ClientError) {
    const code = error.code ?? 'client-error';
    return {
      ok: false,
      reason: code === 'OAUTH_TIMEOUT' || code === 'OAUTH_ABORT' ? 'provider-unreachable' : 'invalid-response',
      detail: code,
    };
  }
  // fetch() rejects with a TypeError when the provider cannot be reached.
  if (error instanceof TypeError) return { ok: false, reason: 'provider-unreachable', detail: 'fetch-failed' };
  return { ok: false, reason: 'invalid-response', detail: 'unexpected' };
}

/**
 * OpenID Connect with openid-client: discovery once per provider (again after a failure), the authorization
 * code flow with PKCE (S256), state and nonce, and the ID token checked for issuer, audience, nonce, lifetime
 * and its signature against the provider's JWKS (enableNonRepudiationChecks: we do not rely on TLS alone).
 * Plain http is allowed only for a provider on this machine (development and tests).
 */
export function createOpenidIdentityProviders(
  settings: readonly OpenidProviderSettings[],
  options: { readonly timeoutSeconds: number },
): IdentityProviders {
  const byId = new Map(settings.map((s) => [s.id, s]));
  const configurations = new Map<string, Promise<oidc.Configuration>>();

  function configurationOf(s: OpenidProviderSettings): Promise<oidc.Configuration> {
    const known = configurations.get(s.id);
    if (known !== undefined) return known;
    const issuer = new URL(s.issuer);
    const local = issuer.protocol === 'http:' && LOOPBACK_HOSTS.has(issuer.hostname);
    const auth =
      s.tokenEndpointAuth === 'client_secret_post'
        ? oidc.ClientSecretPost(s.clientSecret)
        : oidc.ClientSecretBasic(s.clientSecret);
    const discovered = oidc.discovery(issuer, s.clientId, undefined, auth, {
      execute: [oidc.enableNonRepudiationChecks, ...(local ? [oidc.allowInsecureRequests] : [])],
      timeout: options.timeoutSeconds,
    });
    configurations.set(s.id, discovered);
    // A provider that could not be reached is asked again on the next login.
    discovered.catch(() => {
      if (configurations.get(s.id) === discovered) configurations.delete(s.id);
    });
    return discovered;
  }

  return {
    providers: settings,

    async beginLogin(providerId, redirectUri) {
      const s = byId.get(providerId);
      if (s === undefined) return null;
      let configuration: oidc.Configuration;
      try {
        configuration = await configurationOf(s);
      } catch {
        return null;
      }
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const url = oidc.buildAuthorizationUrl(configuration, {
        redirect_uri: redirectUri,
        scope: s.scope,
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
        ...(s.mfaAcrValues.length > 0 ? { acr_values: s.mfaAcrValues.join(' ') } : {}),
      });
      return { url: url.href, challenge: { state, nonce, codeVerifier } };
    },

    async completeLogin(providerId, callbackUrl, challenge) {
      const s = byId.get(providerId);
      if (s === undefined) return { ok: false, reason: 'invalid-response', detail: 'unknown-provider' };
      try {
        const configuration = await configurationOf(s);
        const tokens = await oidc.authorizationCodeGrant(configuration, new URL(callbackUrl), {
          pkceCodeVerifier: challenge.codeVerifier,
          expectedState: challenge.state,
          expectedNonce: challenge.nonce,
          idTokenExpected: true,
        });
        const claims = tokens.claims();
        if (claims === undefined) return { ok: false, reason: 'invalid-response', detail: 'no-id-token' };
        return { ok: true, idToken: { issuer: claims.iss, subject: claims.sub, claims: { ...claims } } };
      } catch (error) {
        return failureOf(error);
      }
    },
  };
}
