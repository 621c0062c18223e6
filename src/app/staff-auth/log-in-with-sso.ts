import {
  idpMultiFactor,
  providerServes,
  rolesGranted,
  type SsoFailure,
  type SsoRefusal,
} from '../../domain/staff/single-sign-on.js';
import type { SsoProvider, VerifiedIdToken } from '../ports/identity-providers.js';
import type { StaffAccount } from '../ports/staff-accounts.js';
import type { AuthDeps } from './auth-deps.js';
import type { AuthError } from '../../domain/staff/errors.js';
import { fail, ok, type Result } from '../../domain/result.js';
import { openSession, type OpenSession } from './staff-sessions.js';

/** Where the user goes after the provider: logged in, our own second step, or setting one up first. */
export type SsoNextStep = 'done' | 'second-factor' | 'enrolment';

export type SsoLogin = OpenSession & { readonly next: SsoNextStep };

/** The provider's authentication methods for the audit log: short strings only. */
const methodsOf = (amr: unknown): string[] | null =>
  Array.isArray(amr)
    ? amr
        .filter((m): m is string => typeof m === 'string')
        .map((m) => m.slice(0, 20))
        .slice(0, 10)
    : null;

const verifiedEmail = (claims: Readonly<Record<string, unknown>>): boolean =>
  claims.email_verified === true || claims.email_verified === 'true';

/** The account an identity belongs to: the one bound to it, or (first login) the one with its e-mail address. */
async function accountOf(
  deps: AuthDeps,
  provider: SsoProvider,
  idToken: VerifiedIdToken,
): Promise<{ account: StaffAccount; link: boolean } | SsoRefusal> {
  const bound = await deps.store.staffAccounts.findByOidcIdentity(idToken.issuer, idToken.subject);
  if (bound !== null) return { account: bound, link: false };
  const email = idToken.claims[provider.emailClaim];
  if (typeof email !== 'string' || email.length > 254) return 'no-account';
  const account = await deps.store.staffAccounts.findByEmail(email.trim().toLowerCase());
  if (account === null) return 'no-account';
  if (provider.requireVerifiedEmail && !verifiedEmail(idToken.claims)) return 'email-not-verified';
  // Bound to another identity (another person at the provider, or another provider): never re-linked silently.
  if (account.oidcSubject !== null) return 'other-identity';
  return { account, link: true };
}

async function refuse(
  deps: AuthDeps,
  provider: SsoProvider,
  reason: SsoRefusal,
  account: StaffAccount | null,
): Promise<Result<never, AuthError>> {
  await deps.store.audit.append({
    actorId: account?.staff.id ?? null,
    actorName: account?.staff.name ?? 'onbekend',
    event: 'staff.login-failed',
    subjectType: 'staff',
    subjectId: account?.staff.id ?? null,
    details: { step: 'sso', provider: provider.id, reason, knownAccount: account !== null },
    at: deps.clock.now(),
  });
  return fail({ code: 'auth.sso-refused', reason });
}

/**
 * Single sign-on after the provider's ID token was verified. The account must exist (beheer creates it; the
 * first login links it to the identity by e-mail address), be active, belong to an organisation the provider
 * serves and, when configured, hold a role the provider grants. The provider's login is the first factor;
 * it is also the second when the ID token shows multi-factor authentication (amr, or a configured acr).
 * Otherwise our own second step follows, or its set-up when the account has none yet.
 */
export async function logInWithSso(
  deps: AuthDeps,
  provider: SsoProvider,
  idToken: VerifiedIdToken,
): Promise<Result<SsoLogin, AuthError>> {
  const found = await accountOf(deps, provider, idToken);
  if (typeof found === 'string') return refuse(deps, provider, found, null);
  const { account, link } = found;
  if (!account.active) return refuse(deps, provider, 'revoked', account);
  if (!providerServes(provider.serves, account.staff)) return refuse(deps, provider, 'not-served', account);
  if (
    provider.roleClaim !== null &&
    provider.roles !== null &&
    !rolesGranted(idToken.claims[provider.roleClaim], provider.roles).has(account.staff.role)
  ) {
    return refuse(deps, provider, 'role-not-granted', account);
  }
  const multiFactor = idpMultiFactor(idToken.claims, provider.mfaAcrValues);
  const next: SsoNextStep = multiFactor
    ? 'done'
    : account.totpSecret !== null || account.passkeys > 0
      ? 'second-factor'
      : 'enrolment';
  const now = deps.clock.now();
  const actor = {
    actorId: account.staff.id,
    actorName: account.staff.name,
    subjectType: 'staff',
    subjectId: account.staff.id,
    at: now,
  } as const;
  const opened = await deps.store.transaction(async (stores) => {
    if (link) {
      if (!(await stores.staffAccounts.bindOidcIdentity(account.staff.id, idToken.issuer, idToken.subject)))
        return null;
      await stores.audit.append({ ...actor, event: 'staff.sso-linked', details: { provider: provider.id } });
    }
    const inTransaction = { ...deps, store: { ...deps.store, ...stores } };
    if (next === 'done') {
      await stores.audit.append({
        ...actor,
        event: 'staff.logged-in',
        details: {
          method: 'oidc',
          provider: provider.id,
          secondFactor: 'idp',
          acr: typeof idToken.claims.acr === 'string' ? idToken.claims.acr.slice(0, 200) : null,
          amr: methodsOf(idToken.claims.amr),
        },
      });
      return openSession(inTransaction, account.staff.id, 'active', 'oidc');
    }
    await stores.audit.append({ ...actor, event: 'staff.sso-verified', details: { provider: provider.id, next } });
    return next === 'second-factor'
      ? openSession(inTransaction, account.staff.id, 'second-factor', 'oidc')
      : openSession(
          inTransaction,
          account.staff.id,
          'enrolment',
          'oidc',
          new Date(now.getTime() + deps.sessionLimits.secondFactorMs),
        );
  });
  if (opened === null) return refuse(deps, provider, 'other-identity', account);
  return ok({ ...opened, next });
}

/** A callback that yielded no verified ID token (cancelled, refused, forged or unreachable), audited. */
export async function recordSsoFailure(
  deps: Pick<AuthDeps, 'store' | 'clock'>,
  provider: SsoProvider,
  reason: SsoFailure,
  detail: string,
): Promise<AuthError> {
  await deps.store.audit.append({
    actorId: null,
    actorName: 'onbekend',
    event: 'staff.login-failed',
    subjectType: 'staff',
    subjectId: null,
    details: { step: 'sso', provider: provider.id, reason, error: detail.slice(0, 100) },
    at: deps.clock.now(),
  });
  return { code: 'auth.sso-failed', reason };
}
