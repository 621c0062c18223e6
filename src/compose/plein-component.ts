import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Clock } from '../app/ports/clock.js';
import type { EmailChannel } from '../app/ports/email-channel.js';
import type { Catalogue } from '../domain/messages/catalogue.js';
import type { CallRoutedEvent } from '../app/ports/call-routed-listener.js';
import type { PlaceSearch } from '../app/ports/place-search.js';
import type { Store } from '../app/ports/stores.js';
import { ConfigError } from '../config.js';
import { providersWithoutSecret } from '../config-oidc.js';
import type { Component } from './component.js';
import type { Section } from './config-section.js';
import { createArgon2PasswordHasher } from '../adapters/auth/argon2-password-hasher.js';
import { createEmailActivationLinks } from '../adapters/auth/email-activation-links.js';
import { loadCommonPasswords } from '../adapters/auth/common-passwords.js';
import {
  createOpenidIdentityProviders,
  type OpenidProviderSettings,
} from '../adapters/auth/openid-identity-providers.js';
import { createOtplibTotp } from '../adapters/auth/otplib-totp.js';
import { createSecretTokens } from '../adapters/auth/secret-tokens.js';
import { createWebauthnPasskeys } from '../adapters/auth/webauthn-passkeys.js';
import { loadPoliceUnitExtents } from '../adapters/geodata/police-unit-extents.js';
import type { PleinHttpDeps } from '../adapters/http/plein/plein-http-deps.js';
import { staffOfCredential } from '../adapters/http/server/staff-credential.js';
import { createStaffEventStreams } from '../adapters/http/server/staff-event-streams.js';
import type { AuthDeps } from '../app/staff-auth/auth-deps.js';

const MINUTE = 60_000;
/** A password step of a login waits this long for its second factor. */
const SECOND_FACTOR_MS = 10 * MINUTE;
/** How long a single-sign-on provider may take to answer. */
const SSO_TIMEOUT_SECONDS = 10;

export const PLEIN_KEYS = [
  'SESSION_IDLE_MINUTES',
  'SESSION_ABSOLUTE_HOURS',
  'SESSION_COOKIE_SECURE',
  'STAFF_STREAMS_PER_STAFF',
  'STAFF_STREAM_CHECK_SECONDS',
  'LOGIN_MAX_FAILURES_PER_ACCOUNT',
  'LOGIN_ACCOUNT_WINDOW_MINUTES',
  'LOGIN_ACCOUNT_DELAY_SECONDS',
  'LOGIN_ACCOUNT_MAX_DELAY_SECONDS',
  'LOGIN_MAX_FAILURES_PER_ADDRESS',
  'LOGIN_ADDRESS_WINDOW_MINUTES',
  'STAFF_ACTIVATION_HOURS',
  'WEBAUTHN_RP_ID',
  'WEBAUTHN_ORIGIN',
  'CONSOLE_MAP_TILE_URL',
  'CONSOLE_MAP_ATTRIBUTION',
  'OIDC_PROVIDERS',
  'OIDC_CLIENT_SECRETS',
  'OIDC_REDIRECT_ORIGIN',
  'PUBLIC_BASE_URL',
] as const;
type PleinSection = Section<typeof PLEIN_KEYS>;

interface PleinComponentDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly placeSearch: PlaceSearch;
  /** Activation links go by e-mail to the account's own address. */
  readonly email: EmailChannel;
  readonly catalogue: Catalogue;
  readonly callRouted?: { subscribe(listener: (event: CallRoutedEvent) => void): () => void };
}

/** Burgernetplein: staff login (passwords, TOTP, passkeys, single sign-on) and the portal; stopping ends its event streams. */
export function pleinComponent(config: PleinSection, deps: PleinComponentDeps): Component<PleinHttpDeps> {
  return {
    name: 'plein',
    start: async () => {
      const plein = await buildPlein(config, deps);
      return { value: plein, stop: async () => plein.streams.close() };
    },
  };
}

async function buildPlein(config: PleinSection, deps: PleinComponentDeps): Promise<PleinHttpDeps> {
  const auth: AuthDeps = {
    store: deps.store,
    clock: deps.clock,
    ids: { newId: randomUUID },
    passwords: createArgon2PasswordHasher(),
    totp: createOtplibTotp('Burgernet'),
    passkeys: createWebauthnPasskeys(),
    tokens: createSecretTokens(),
    commonPasswords: await loadCommonPasswords(),
    sessionLimits: {
      idleMs: config.SESSION_IDLE_MINUTES * MINUTE,
      absoluteMs: config.SESSION_ABSOLUTE_HOURS * 60 * MINUTE,
      secondFactorMs: SECOND_FACTOR_MS,
    },
    throttle: {
      maxFailuresPerAccount: config.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      accountWindowMs: config.LOGIN_ACCOUNT_WINDOW_MINUTES * MINUTE,
      firstDelayMs: config.LOGIN_ACCOUNT_DELAY_SECONDS * 1000,
      maxDelayMs: config.LOGIN_ACCOUNT_MAX_DELAY_SECONDS * 1000,
      maxFailuresPerAddress: config.LOGIN_MAX_FAILURES_PER_ADDRESS,
      addressWindowMs: config.LOGIN_ADDRESS_WINDOW_MINUTES * MINUTE,
    },
    activationMs: config.STAFF_ACTIVATION_HOURS * 60 * MINUTE,
    activationLinks: createEmailActivationLinks({
      email: deps.email,
      // The portal's own origin when configured (passkeys need it anyway), else the site's.
      portalBaseUrl: (config.WEBAUTHN_ORIGIN ?? config.PUBLIC_BASE_URL).replace(/\/+$/, ''),
      texts: deps.catalogue.plein.activation,
      now: () => deps.clock.now(),
      logger: deps.logger.child({ component: 'activation-links' }),
    }),
  };
  const logger = deps.logger.child({ component: 'staff-event-streams' });
  const extents = await loadPoliceUnitExtents();
  return {
    auth,
    streams: createStaffEventStreams({
      maxPerStaff: config.STAFF_STREAMS_PER_STAFF,
      checkIntervalMs: config.STAFF_STREAM_CHECK_SECONDS * 1000,
      staffOf: (credential) => staffOfCredential(auth, credential),
      onCheckFailed: (error) => logger.error({ err: error }, 'event stream session check failed'),
    }),
    cookieSecure: config.SESSION_COOKIE_SECURE,
    webauthn: { rpId: config.WEBAUTHN_RP_ID, rpName: 'Burgernetplein', origin: config.WEBAUTHN_ORIGIN ?? null },
    map: {
      tileUrl: config.CONSOLE_MAP_TILE_URL,
      attribution: config.CONSOLE_MAP_ATTRIBUTION,
      regionExtents: extents.units,
      countryExtent: extents.country,
    },
    placeSearch: deps.placeSearch,
    sso: createOpenidIdentityProviders(ssoProviders(config), { timeoutSeconds: SSO_TIMEOUT_SECONDS }),
    ssoRedirectOrigin: config.OIDC_REDIRECT_ORIGIN?.replace(/\/+$/, '') ?? null,
    ...(deps.callRouted ? { callRouted: deps.callRouted } : {}),
  };
}

/** OIDC_PROVIDERS with their secrets from OIDC_CLIENT_SECRETS; a provider without one stops the start. */
function ssoProviders(config: PleinSection): OpenidProviderSettings[] {
  const providers = config.OIDC_PROVIDERS ?? [];
  const secrets = config.OIDC_CLIENT_SECRETS ?? {};
  const missing = providersWithoutSecret(providers, secrets);
  if (missing.length > 0)
    throw new ConfigError(missing.map((id) => `OIDC_CLIENT_SECRETS: no client secret for provider "${id}"`));
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
