import { z } from 'zod';
import { jsonText } from './config-json.js';
import { STAFF_ROLES, type StaffRole } from './domain/staff/staff.js';

/**
 * Single sign-on (OpenID Connect) per organisation: the JSON in OIDC_PROVIDERS (no secrets) and in
 * OIDC_CLIENT_SECRETS (provider id → client secret). Parsed by src/config.ts with the other keys.
 */
const claimName = z.string().regex(/^[A-Za-z0-9_:./-]{1,100}$/);

export const oidcProviderSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'id: lowercase letters, digits and dashes (it is part of the URL)'),
    name: z.string().trim().min(1).max(80),
    issuer: z.url(),
    clientId: z.string().min(1).max(200),
    meldkamers: z.array(z.string().regex(/^RE\d{2}$/)).default([]),
    gemeenten: z.array(z.string().regex(/^GM\d{4}$/)).default([]),
    landelijk: z.boolean().default(false),
    emailClaim: claimName.default('email'),
    requireVerifiedEmail: z.boolean().default(true),
    roleClaim: claimName.optional(),
    roles: z.record(z.string().min(1).max(200), z.enum(STAFF_ROLES as [StaffRole, ...StaffRole[]])).optional(),
    mfaAcrValues: z.array(z.string().min(1).max(200)).max(20).default([]),
    scope: z
      .string()
      .regex(/^[\x21\x23-\x5B\x5D-\x7E]+( [\x21\x23-\x5B\x5D-\x7E]+)*$/)
      .default('openid email'),
    tokenEndpointAuth: z.enum(['client_secret_basic', 'client_secret_post']).default('client_secret_basic'),
  })
  .strict()
  .refine((p) => p.meldkamers.length + p.gemeenten.length > 0 || p.landelijk, {
    message: 'a provider serves at least one meldkamer, gemeente or landelijk',
  })
  .refine((p) => (p.roleClaim === undefined) === (p.roles === undefined), {
    message: 'roleClaim and roles go together',
  })
  .refine((p) => p.scope.split(' ').includes('openid'), { message: 'scope must include openid' });

export type OidcProviderConfig = z.infer<typeof oidcProviderSchema>;

export const oidcProvidersSchema = z
  .string()
  .transform(jsonText)
  .pipe(
    z
      .array(oidcProviderSchema)
      .max(100)
      .refine((ps) => new Set(ps.map((p) => p.id)).size === ps.length, { message: 'provider ids must be unique' }),
  );

export const oidcClientSecretsSchema = z
  .string()
  .transform(jsonText)
  .pipe(z.record(z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/), z.string().min(1).max(1000)));

/** The providers that lack a client secret (a problem at start). */
export function providersWithoutSecret(
  providers: readonly OidcProviderConfig[],
  secrets: Readonly<Record<string, string>>,
): string[] {
  return providers.filter((p) => secrets[p.id] === undefined).map((p) => p.id);
}
