import type { Pause } from '../../domain/participant/pause.js';
import type { CodeChannel, CodePurpose } from '../../domain/self-service/verification.js';

export interface Verification {
  readonly id: string;
  readonly purpose: CodePurpose;
  readonly channel: CodeChannel;
  readonly targetHash: string;
  /** Login: the participant it logs in (null when the number or address is unknown: nothing was sent). */
  readonly participantId: string | null;
  readonly codeHash: string;
  /** Sign-up: the details that are stored once the code is entered. */
  readonly payload: unknown;
  readonly attempts: number;
  readonly status: 'open' | 'used' | 'locked';
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

export interface DeliveryRecord {
  readonly actionNumber: string;
  readonly messageKind: string;
  readonly channel: string;
  readonly status: string;
  readonly queuedAt: Date;
  readonly finalAt: Date | null;
}

export interface LimitHits {
  readonly limitName: string;
  readonly hour: Date;
  readonly hits: number;
}

export interface SelfServiceRepository {
  insertVerification(v: Verification): Promise<void>;
  /** Locks the row for the rest of the transaction: two guesses at once count as two. */
  findVerificationForUpdate(id: string): Promise<Verification | null>;
  updateVerification(
    id: string,
    change: { readonly attempts: number; readonly status: Verification['status'] },
  ): Promise<void>;
  recordSendOutcome(id: string, status: 'sent' | 'failed' | 'skipped', failure: string | null): Promise<void>;
  /** Adds one to a fixed-window counter and returns its new value. */
  countUp(limitName: string, keyHash: string, windowStart: Date): Promise<number>;
  /** A fixed-window counter's value, without adding to it. */
  countOf(limitName: string, keyHash: string, windowStart: Date): Promise<number>;
  recordLimitHit(limitName: string, hour: Date): Promise<void>;
  limitHitsSince(since: Date): Promise<readonly LimitHits[]>;
  /** Participants with a registration for this number (normally one). */
  participantsWithNumber(msisdn: string): Promise<readonly string[]>;
  participantWithConfirmedEmail(email: string): Promise<string | null>;
  createSession(tokenHash: string, participantId: string, createdAt: Date, expiresAt: Date): Promise<void>;
  findSession(tokenHash: string, now: Date): Promise<string | null>;
  deleteSession(tokenHash: string): Promise<void>;
  setPause(participantId: string, pause: Pause | null, at: Date): Promise<void>;
  /** Confirms the address when it is still the participant's; false otherwise. */
  confirmEmail(participantId: string, email: string, at: Date): Promise<boolean>;
  /** Removes the address when it is still the participant's; false otherwise. */
  removeEmail(participantId: string, email: string, at: Date): Promise<boolean>;
  deliveriesTo(msisdns: readonly string[]): Promise<readonly DeliveryRecord[]>;
  /**
   * Erases a participant: the participant, registrations, sessions, codes and counters under these keyed hashes;
   * messages still queued for these numbers are dropped, sent ones keep only their outcome (number removed).
   */
  eraseParticipant(
    participantId: string,
    msisdns: readonly string[],
    targetHashes: readonly string[],
    at: Date,
  ): Promise<void>;
  /** Drops codes, sessions and counters that can no longer be used. */
  purgeExpired(now: Date): Promise<void>;
  /** The named secret, made by `generate` and kept on first use (also when two processes race). */
  secret(name: string, generate: () => string, at: Date): Promise<string>;
}
