import { randomUUID } from 'node:crypto';
import type { Clock } from '../../app/ports/clock.js';
import type { CallRoutedEvent } from '../../app/ports/call-routed-listener.js';
import type { Store } from '../../app/ports/stores.js';
import { ConfigError, type Config } from '../../config.js';
import { providersWithoutSecret } from '../../config-oidc.js';
import { createArgon2PasswordHasher } from '../auth/argon2-password-hasher.js';
import { loadCommonPasswords } from '../auth/common-passwords.js';
import { createOpenidIdentityProviders, type OpenidProviderSettings } from '../auth/openid-identity-providers.js';
import { createOtplibTotp } from '../auth/otplib-totp.js';
import { createSecretTokens } from '../auth/secret-tokens.js';
import { createWebauthnPasskeys } from '../auth/webauthn-passkeys.js';
import type { PleinHttpDeps } from '../http/plein-http-deps.js';

const MINUTE = 60_000;

/** Wires Burgernetplein (staff login and the portal) from the configuration. */
export async function buildPlein(
  config: Config,
  deps: { readonly store: Store; readonly clock: Clock; readonly callRouted?: { subscribe(listener: (event: CallRoutedEvent) => void): () => void } },
): Promise<PleinHttpDeps> {
  return {
    auth: {
      store: deps.store,
      clock: deps.clock,
      ids: { newId: randomUUID },
      passwords: createArgon2PasswordHasher(),
      totp: createOtplibTotp('Burgernet'),
      passkeys: createWebauthnPasskeys(),
      tokens: createSecretTokens(),
      commonPasswords: await loadCommonPasswords(),
      sessionLimits: { idleMs: config.SESSION_IDLE_MINUTES * MINUTE, absoluteMs: config.SESSION_ABSOLUTE_HOURS * 60 * MINUTE, secondFactorMs: 10 * MINUTE },
      throttle: {
        maxFailuresPerAccount: config.LOGIN_MAX_FAILURES_PER_ACCOUNT,
        accountWindowMs: config.LOGIN_ACCOUNT_WINDOW_MINUTES * MINUTE,
        maxFailuresPerAddress: config.LOGIN_MAX_FAILURES_PER_ADDRESS,
        addressWindowMs: config.LOGIN_ADDRESS_WINDOW_MINUTES * MINUTE,
      },
      activationMs: config.STAFF_ACTIVATION_HOURS * 60 * MINUTE,
    },
    cookieSecure: config.SESSION_COOKIE_SECURE,
    webauthn: { rpId: config.WEBAUTHN_RP_ID, rpName: 'Burgernetplein', origin: config.WEBAUTHN_ORIGIN ?? null },
    map: { tileUrl: config.CONSOLE_MAP_TILE_URL ?? null, attribution: config.CONSOLE_MAP_ATTRIBUTION },
    sso: createOpenidIdentityProviders(ssoProviders(config), { timeoutSeconds: 10 }),
    ssoRedirectOrigin: config.OIDC_REDIRECT_ORIGIN?.replace(/\/+$/, '') ?? null,
    ...(deps.callRouted ? { callRouted: deps.callRouted } : {}),
  };
}

/** OIDC_PROVIDERS with their secrets from OIDC_CLIENT_SECRETS; a provider without one stops the start. */
function ssoProviders(config: Config): OpenidProviderSettings[] {
  const providers = config.OIDC_PROVIDERS ?? [];
  const secrets = config.OIDC_CLIENT_SECRETS ?? {};
  const missing = providersWithoutSecret(providers, secrets);
  if (missing.length > 0) throw new ConfigError(missing.map((id) => `OIDC_CLIENT_SECRETS: no client secret for provider "${id}"`));
  return providers.map((p) => ({
    id: p.id,
    name: p.name,
    issuer: p.issuer,
    serves: { meldkamers: p.meldkamers, gemeenten: p.gemeenten, landelijk: p.landelijk },
    emailClaim: p.emailClaim,
    requireVerifiedEmail: p.requireVerifiedEmail,
    roleClaim: p.roleClaim ?? null,
    roles: p.roles ?? null,
    mfaAcrValues: p.mfaAcrValues,
    clientId: p.clientId,
    clientSecret: secrets[p.id]!,
    scope: p.scope,
    tokenEndpointAuth: p.tokenEndpointAuth,
  }));
}
