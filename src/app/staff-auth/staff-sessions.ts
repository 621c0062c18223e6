import { sessionExpiry, type SessionStage } from '../../domain/staff/staff-session.js';
import type { Staff } from '../../domain/staff/staff.js';
import type { StaffAccount } from '../ports/staff-accounts.js';
import type { LoginMethod, StoredSession } from '../ports/staff-sessions.js';
import type { AuthDeps } from './auth-deps.js';

export interface OpenSession {
  /** The secret for the cookie; only its hash is stored. */
  readonly token: string;
  readonly session: StoredSession;
}

export async function openSession(
  deps: Pick<AuthDeps, 'store' | 'clock' | 'tokens' | 'sessionLimits'>,
  staffId: string,
  stage: SessionStage,
  method: LoginMethod,
  expiresAt?: Date,
): Promise<OpenSession> {
  const now = deps.clock.now();
  const token = deps.tokens.newToken();
  const session: StoredSession = {
    idHash: deps.tokens.hash(token),
    staffId,
    stage,
    method,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: expiresAt ?? new Date(now.getTime() + deps.sessionLimits.absoluteMs),
    endedAt: null,
    challenge: null,
    pendingTotpSecret: null,
  };
  await deps.store.staffSessions.create(session);
  return { token, session };
}

/**
 * A new session id for the next stage (after the second factor): the id that was in the cookie before
 * the login finished stops working, so a planted or observed cookie cannot ride along (session fixation).
 */
export async function advanceSession(
  deps: Pick<AuthDeps, 'store' | 'clock' | 'tokens' | 'sessionLimits'>,
  previous: StoredSession,
  stage: SessionStage,
): Promise<OpenSession> {
  await deps.store.staffSessions.end(previous.idHash, 'replaced', deps.clock.now());
  // The absolute limit counts from the password step, not from the second factor.
  return openSession(deps, previous.staffId, stage, previous.method, previous.expiresAt);
}

export interface ResolvedSession {
  readonly session: StoredSession;
  readonly account: StaffAccount;
}

/**
 * The session behind a cookie value, in any stage, while it is valid; an expired one is ended (and its
 * end audited) on the way. Each request counts as activity for the idle timeout, unless `activity` is false
 * (the page asking when its session ends, an open event stream checking that it may go on).
 */
export async function resolveSession(
  deps: Pick<AuthDeps, 'store' | 'clock' | 'tokens' | 'sessionLimits'>,
  token: string,
  options: { readonly activity: boolean } = { activity: true },
): Promise<ResolvedSession | null> {
  if (token.length < 20 || token.length > 100) return null;
  return resolveSessionByHash(deps, deps.tokens.hash(token), options.activity);
}

async function resolveSessionByHash(
  deps: Pick<AuthDeps, 'store' | 'clock' | 'sessionLimits'>,
  idHash: string,
  activity: boolean,
): Promise<ResolvedSession | null> {
  const session = await deps.store.staffSessions.find(idHash);
  if (session === null || session.endedAt !== null) return null;
  const now = deps.clock.now();
  const expired = sessionExpiry(session, deps.sessionLimits, now);
  const account = await deps.store.staffAccounts.findById(session.staffId);
  if (expired !== null || account === null || !account.active) {
    const reason = expired ?? 'revoked';
    await deps.store.staffSessions.end(idHash, reason, now);
    if (account !== null) {
      await deps.store.audit.append({
        actorId: account.staff.id,
        actorName: account.staff.name,
        event: 'staff.session-ended',
        subjectType: 'staff',
        subjectId: account.staff.id,
        details: { reason },
        at: now,
      });
    }
    return null;
  }
  if (!activity) return { session, account };
  await deps.store.staffSessions.touch(idHash, now);
  const lastSeenAt = now.getTime() > session.lastSeenAt.getTime() ? now : session.lastSeenAt;
  return { session: { ...session, lastSeenAt }, account };
}

/**
 * The staff member of a still active session (second factor done) by its stored hash, without counting as
 * activity: an open event stream asks this every few seconds, and ends when the answer is null.
 */
export async function staffOfSessionHash(
  deps: Pick<AuthDeps, 'store' | 'clock' | 'sessionLimits'>,
  idHash: string,
): Promise<Staff | null> {
  const resolved = await resolveSessionByHash(deps, idHash, false);
  return resolved !== null && resolved.session.stage === 'active' ? resolved.account.staff : null;
}

export async function logOut(
  deps: Pick<AuthDeps, 'store' | 'clock' | 'tokens' | 'sessionLimits'>,
  token: string,
): Promise<void> {
  const resolved = await resolveSession(deps, token);
  if (resolved === null) return;
  const now = deps.clock.now();
  await deps.store.transaction(async (stores) => {
    await stores.staffSessions.end(resolved.session.idHash, 'logout', now);
    await stores.audit.append({
      actorId: resolved.account.staff.id,
      actorName: resolved.account.staff.name,
      event: 'staff.logged-out',
      subjectType: 'staff',
      subjectId: resolved.account.staff.id,
      details: {},
      at: now,
    });
  });
}
