import type { SessionEndReason, SessionStage } from '../../domain/staff/staff-session.js';

export type LoginMethod = 'password' | 'oidc' | 'activation';

export interface StoredSession {
  readonly idHash: string;
  readonly staffId: string;
  readonly stage: SessionStage;
  readonly method: LoginMethod;
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
  readonly expiresAt: Date;
  readonly endedAt: Date | null;
  /** A pending WebAuthn challenge (base64url). */
  readonly challenge: string | null;
  /** A TOTP secret shown for enrolment and not confirmed yet. */
  readonly pendingTotpSecret: string | null;
}

export interface StaffSessions {
  create(session: StoredSession): Promise<void>;
  find(idHash: string): Promise<StoredSession | null>;
  touch(idHash: string, at: Date): Promise<void>;
  setStage(idHash: string, stage: SessionStage): Promise<void>;
  setChallenge(idHash: string, challenge: string | null): Promise<void>;
  setPendingTotpSecret(idHash: string, secret: string | null): Promise<void>;
  end(idHash: string, reason: SessionEndReason, at: Date): Promise<void>;
  /** Ends every open session of the staff member, except the one `exceptIdHash` names; returns how many ended. */
  endAllOf(staffId: string, reason: SessionEndReason, at: Date, exceptIdHash?: string): Promise<number>;
}

/** Failed login attempts by key (the hash of an e-mail address or of a client address). */
export interface LoginFailures {
  record(keys: readonly string[], at: Date): Promise<void>;
  since(key: string, after: Date): Promise<readonly Date[]>;
  clear(key: string): Promise<void>;
}
