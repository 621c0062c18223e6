import { mayManageAccount } from '../../domain/staff/permissions.js';
import { scopeOf, type Staff, type StaffRole } from '../../domain/staff/staff.js';
import type { StaffAccount } from '../ports/staff-accounts.js';
import { auditActor } from '../audit-actor.js';
import type { AuthDeps } from './auth-deps.js';
import type { AuthError } from '../../domain/staff/errors.js';
import { fail, ok, type Result } from '../../domain/result.js';

export interface AccountScope {
  readonly role: StaffRole;
  readonly meldkamerCode: string | null;
  readonly gemeenteCode: string | null;
}

const scopeCodes = (a: StaffAccount): AccountScope => ({
  role: a.staff.role,
  meldkamerCode: a.staff.scope.kind === 'meldkamer' ? a.staff.scope.meldkamerCode : null,
  gemeenteCode: a.staff.scope.kind === 'gemeente' ? a.staff.scope.gemeenteCode : null,
});

/** Only the code that fits the role is kept (a centralist has a meldkamer, a gemeente user a gemeente). */
function normaliseScope(s: AccountScope): AccountScope | null {
  const scope = scopeOf(s.role, s.meldkamerCode, s.gemeenteCode);
  if (scope === null) return null;
  return {
    role: s.role,
    meldkamerCode: scope.kind === 'meldkamer' ? scope.meldkamerCode : null,
    gemeenteCode: scope.kind === 'gemeente' ? scope.gemeenteCode : null,
  };
}

export interface CreatedAccount {
  readonly id: string;
  /** Where the activation link went. */
  readonly email: string;
  readonly activationExpiresAt: Date;
  /**
   * Whether the activation link is on its way to the account's own e-mail address. The link itself is never
   * returned: whoever creates or resets an account must not be able to activate it (only its hash is stored).
   */
  readonly activationSent: boolean;
}

/** `manager` null is the operator on the command line, who may create any account. */
export async function createAccount(
  deps: Pick<AuthDeps, 'store' | 'clock' | 'ids' | 'tokens' | 'activationMs' | 'activationLinks'>,
  manager: Staff | null,
  input: AccountScope & { readonly name: string; readonly email: string },
): Promise<Result<CreatedAccount, AuthError>> {
  const scope = normaliseScope(input);
  if (scope === null) return fail({ code: 'staff.invalid-scope' });
  if (manager !== null && !mayManageAccount(manager, scope)) return fail({ code: 'auth.forbidden' });
  const email = input.email.trim().toLowerCase();
  if ((await deps.store.staffAccounts.findByEmail(email)) !== null) return fail({ code: 'staff.email-taken' });
  const id = deps.ids.newId();
  const name = input.name.trim();
  const token = deps.tokens.newToken();
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + deps.activationMs);
  await deps.store.transaction(async (stores) => {
    await stores.staffAccounts.create({
      id,
      name,
      email,
      ...scope,
      activationHash: deps.tokens.hash(token),
      activationExpiresAt: expiresAt,
    });
    await stores.audit.append({
      ...auditActor(manager),
      event: 'staff.created',
      subjectType: 'staff',
      subjectId: id,
      details: { role: scope.role, meldkamerCode: scope.meldkamerCode, gemeenteCode: scope.gemeenteCode },
      at: now,
    });
  });
  const sent = await deps.activationLinks.deliver({ name, email, token, expiresAt, reason: 'created' });
  return ok({ id, email, activationExpiresAt: expiresAt, activationSent: sent });
}

async function managedAccount(
  deps: Pick<AuthDeps, 'store'>,
  manager: Staff | null,
  id: string,
): Promise<Result<StaffAccount, AuthError>> {
  const account = await deps.store.staffAccounts.findById(id);
  if (account === null) return fail({ code: 'staff.not-found' });
  if (manager !== null && !mayManageAccount(manager, scopeCodes(account))) {
    // Outside the manager's scope the account does not exist for them.
    return fail(manager.scope.kind === 'landelijk' ? { code: 'auth.forbidden' } : { code: 'staff.not-found' });
  }
  return ok(account);
}

/**
 * Revoking ends every session and API token at once; an account revoked before is not found. `manager` null is
 * the operator on the command line, who may revoke any account.
 */
export async function revokeAccount(
  deps: Pick<AuthDeps, 'store' | 'clock'>,
  manager: Staff | null,
  id: string,
): Promise<Result<void, AuthError>> {
  const found = await managedAccount(deps, manager, id);
  if (!found.ok) return found;
  if (!found.value.active) return fail({ code: 'staff.not-found' });
  if (id === manager?.id) return fail({ code: 'auth.forbidden' });
  const now = deps.clock.now();
  await deps.store.transaction(async (stores) => {
    await stores.staffAccounts.revoke(id, manager?.id ?? null, now);
    await stores.staffSessions.endAllOf(id, 'revoked', now);
    await stores.audit.append({
      ...auditActor(manager),
      event: 'staff.revoked',
      subjectType: 'staff',
      subjectId: id,
      details: { role: found.value.staff.role },
      at: now,
    });
  });
  return ok(undefined);
}

export async function changeAccountRole(
  deps: AuthDeps,
  manager: Staff,
  id: string,
  next: AccountScope,
): Promise<Result<void, AuthError>> {
  const found = await managedAccount(deps, manager, id);
  if (!found.ok) return found;
  const scope = normaliseScope(next);
  if (scope === null) return fail({ code: 'staff.invalid-scope' });
  if (!mayManageAccount(manager, scope) || id === manager.id) return fail({ code: 'auth.forbidden' });
  const before = scopeCodes(found.value);
  const now = deps.clock.now();
  await deps.store.transaction(async (stores) => {
    await stores.staffAccounts.changeRole(id, scope.role, scope.meldkamerCode, scope.gemeenteCode);
    await stores.audit.append({
      actorId: manager.id,
      actorName: manager.name,
      event: 'staff.permissions-changed',
      subjectType: 'staff',
      subjectId: id,
      details: { before, after: scope },
      at: now,
    });
  });
  return ok(undefined);
}

/**
 * A new activation link, mailed to the account's own address: the user sets a new password and second factor; the
 * old ones (and a single sign-on link) stop working.
 */
export async function resetAccount(
  deps: AuthDeps,
  manager: Staff,
  id: string,
): Promise<Result<CreatedAccount, AuthError>> {
  const found = await managedAccount(deps, manager, id);
  if (!found.ok) return found;
  if (!found.value.active) return fail({ code: 'staff.not-found' });
  // An account without an address (one that works through the API with a token) cannot log in with a link.
  const email = found.value.email;
  if (email === null) return fail({ code: 'auth.forbidden' });
  const token = deps.tokens.newToken();
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + deps.activationMs);
  await deps.store.transaction(async (stores) => {
    await stores.staffAccounts.setActivation(id, deps.tokens.hash(token), expiresAt);
    await stores.staffSessions.endAllOf(id, 'revoked', now);
    // The single sign-on identity goes too: the next login through the provider links it anew by e-mail address.
    await stores.staffAccounts.unbindOidcIdentity(id);
    await stores.audit.append({
      actorId: manager.id,
      actorName: manager.name,
      event: 'staff.reset',
      subjectType: 'staff',
      subjectId: id,
      details: { ssoUnlinked: found.value.oidcSubject !== null },
      at: now,
    });
  });
  const sent = await deps.activationLinks.deliver({
    name: found.value.staff.name,
    email,
    token,
    expiresAt,
    reason: 'reset',
  });
  return ok({ id, email, activationExpiresAt: expiresAt, activationSent: sent });
}

/** The accounts a manager may see: their meldkamer's or gemeente's, or all for national beheer. */
export async function listAccounts(
  deps: AuthDeps,
  manager: Staff,
  includeRevoked: boolean,
): Promise<Result<readonly StaffAccount[], AuthError>> {
  if (
    !mayManageAccount(manager, {
      role: manager.role,
      meldkamerCode: manager.scope.kind === 'meldkamer' ? manager.scope.meldkamerCode : null,
      gemeenteCode: manager.scope.kind === 'gemeente' ? manager.scope.gemeenteCode : null,
    })
  ) {
    return fail({ code: 'auth.forbidden' });
  }
  const filter = {
    meldkamerCode: manager.scope.kind === 'meldkamer' ? manager.scope.meldkamerCode : null,
    gemeenteCode: manager.scope.kind === 'gemeente' ? manager.scope.gemeenteCode : null,
    includeRevoked,
  };
  return ok(await deps.store.staffAccounts.list(filter));
}
