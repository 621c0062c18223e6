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
  if (now.getTime() >= session.expiresAt.getTime()) return 'expired';
  const idleLimit = session.stage === 'active' ? limits.idleMs : Math.min(limits.idleMs, limits.secondFactorMs);
  if (now.getTime() - session.lastSeenAt.getTime() >= idleLimit) return 'idle';
  return null;
}
