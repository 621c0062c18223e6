/** A staff member's login session as the rules see it. */
export type SessionStage = 'second-factor' | 'enrolment' | 'active';
export type SessionEndReason = 'logout' | 'idle' | 'expired' | 'revoked' | 'replaced';

export interface SessionTimes {
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
  readonly expiresAt: Date;
}

export interface SessionLimits {
  /** Ends after this long without a request. */
  readonly idleMs: number;
  /** Ends this long after login, however active (a shift). */
  readonly absoluteMs: number;
  /** The password step must be followed by the second factor within this time. */
  readonly secondFactorMs: number;
}

/** Why a session is no longer valid at `now`, or null while it is. */
export function sessionExpiry(
  session: SessionTimes & { readonly stage: SessionStage },
  limits: SessionLimits,
  now: Date,
): SessionEndReason | null {
  const ends = sessionEnds(session, limits);
  if (now.getTime() >= ends.absoluteAt.getTime()) return 'expired';
  if (now.getTime() >= ends.idleAt.getTime()) return 'idle';
  return null;
}

/** When a valid session ends if nothing happens: by idleness, or at its absolute limit (whichever comes first). */
export function sessionEnds(
  session: SessionTimes & { readonly stage: SessionStage },
  limits: SessionLimits,
): { readonly idleAt: Date; readonly absoluteAt: Date } {
  const idleLimit = session.stage === 'active' ? limits.idleMs : Math.min(limits.idleMs, limits.secondFactorMs);
  return { idleAt: new Date(session.lastSeenAt.getTime() + idleLimit), absoluteAt: session.expiresAt };
}

/**
 * How recently a staff member must have proved who they are (completed a login, changed their password, or
 * confirmed their password or a code) before they may add a passkey: a session taken over later cannot add its
 * own factor.
 */
export const REAUTHENTICATION_MS = 5 * 60_000;

/**
 * Whether an active session was opened by such a proof within REAUTHENTICATION_MS. Each proof opens a new session
 * id, so the session's start is the time of the latest proof.
 */
export function isRecentlyAuthenticated(session: { readonly createdAt: Date }, now: Date): boolean {
  const age = now.getTime() - session.createdAt.getTime();
  return age >= 0 && age < REAUTHENTICATION_MS;
}

/** How long before a session ends the portal warns: two minutes, or half the idle time when that is shorter. */
export function sessionWarningMs(limits: SessionLimits): number {
  return Math.min(2 * 60_000, Math.floor(limits.idleMs / 2));
}
