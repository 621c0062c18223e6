import type { Staff, StaffRole } from './staff.js';

/** Why a verified single sign-on logged nobody in (kept in the audit log; the user sees one message). */
export type SsoRefusal =
  'no-account' | 'email-not-verified' | 'other-identity' | 'role-not-granted' | 'not-served' | 'revoked';

/** Why a provider's answer yielded no verified ID token: the user or provider said no, it failed our checks, unreachable. */
export type SsoFailure = 'refused-by-provider' | 'invalid-response' | 'provider-unreachable';

/** Whose accounts an organisation's identity provider may log in. */
export interface SsoServes {
  readonly meldkamers: readonly string[];
  readonly gemeenten: readonly string[];
  readonly landelijk: boolean;
}

/** An identity provider logs in only accounts of the organisations it serves. */
export function providerServes(serves: SsoServes, staff: Staff): boolean {
  switch (staff.scope.kind) {
    case 'meldkamer':
      return serves.meldkamers.includes(staff.scope.meldkamerCode);
    case 'gemeente':
      return serves.gemeenten.includes(staff.scope.gemeenteCode);
    case 'landelijk':
      return serves.landelijk;
  }
}

// RFC 8176 authentication method references, by kind of factor.
const POSSESSION = new Set(['hwk', 'swk', 'otp', 'sms', 'tel', 'sc', 'pop', 'mca']);
const KNOWLEDGE_OR_INHERENCE = new Set(['pwd', 'pin', 'kba', 'fpt', 'face', 'iris', 'retina', 'vbm', 'geo']);

const strings = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.filter((v): v is string => typeof v === 'string')
      : [];

/**
 * Whether the identity provider's login counts as our second factor: its ID token says so with `amr`
 * ("mfa", or a possession factor together with a knowledge or inherence one, RFC 8176), or with an `acr`
 * the organisation's configuration names as multi-factor. Anything else is one factor, and our own second
 * step (TOTP or passkey) follows.
 */
export function idpMultiFactor(
  claims: { readonly acr?: unknown; readonly amr?: unknown },
  mfaAcrValues: readonly string[],
): boolean {
  const amr = strings(claims.amr);
  if (amr.includes('mfa')) return true;
  if (amr.some((m) => POSSESSION.has(m)) && amr.some((m) => KNOWLEDGE_OR_INHERENCE.has(m))) return true;
  return typeof claims.acr === 'string' && mfaAcrValues.includes(claims.acr);
}

/** The roles the provider's role claim (a string, or a list of them) grants through the configured mapping. */
export function rolesGranted(claim: unknown, mapping: Readonly<Record<string, StaffRole>>): ReadonlySet<StaffRole> {
  const roles = new Set<StaffRole>();
  for (const value of strings(claim)) {
    const role = Object.hasOwn(mapping, value) ? mapping[value] : undefined;
    if (role !== undefined) roles.add(role);
  }
  return roles;
}
