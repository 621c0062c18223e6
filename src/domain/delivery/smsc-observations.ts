import type { SmscFacts, SmscHealthRules } from './smsc-health.js';

/** The receipt share is judged over the latest parts due a receipt, this many at most. */
export const RECEIPT_SAMPLE = 200;
/**
 * Parts followed for their receipt at once, at most; more are not followed. Enough for a fair share at any rate
 * (at thousands of parts a second the receipts of most come within a second), and memory stays bounded.
 */
export const MAX_FOLLOWED_PARTS = 5_000;

/**
 * What happened at one SMSC connection profile, turned into SmscFacts. Time is given with each call (milliseconds);
 * nothing here reads a clock. `restart` begins a new count when the profile's state changes.
 */
export class SmscObservations {
  readonly #rules: SmscHealthRules;
  #bound = false;
  #unboundSince: number | null;
  #bindFailure: string | null = null;
  #errorAnswers = 0;
  #lastError: string | null = null;
  /** Message id → when submitted, in submit order; only parts of this count. */
  #followed = new Map<string, number>();
  /**
   * Receipts for ids not followed (yet), → when they came: a receipt can overtake the submit's answer on its way
   * to the caller. Kept for as long as a part waits for its receipt, at most MAX_FOLLOWED_PARTS.
   */
  #early = new Map<string, number>();
  /** The latest parts due a receipt: true = it came. */
  #sample: boolean[] = [];
  #missing = 0;
  #accepted = 0;

  constructor(rules: SmscHealthRules, now: number) {
    this.#rules = rules;
    this.#unboundSince = now;
  }

  /** Whether any bind of the profile is up. */
  linkChanged(bound: boolean, now: number): void {
    if (bound === this.#bound) return;
    this.#bound = bound;
    this.#unboundSince = bound ? null : now;
    if (bound) this.#bindFailure = null;
  }

  bindFailed(detail: string): void {
    if (!this.#bound) this.#bindFailure = detail;
  }

  /** The SMSC answered a submit as it should (accepted, throttled, or refused the message itself). */
  answered(): void {
    this.#errorAnswers = 0;
  }

  errorAnswer(detail: string): void {
    this.#errorAnswers += 1;
    this.#lastError = detail;
  }

  /** A message was accepted whole. */
  accepted(): void {
    this.#accepted += 1;
  }

  /** A part whose receipt was asked for was accepted under this message id. */
  partSubmitted(reference: string, now: number): void {
    if (this.#early.delete(reference)) {
      this.#due(true);
      return;
    }
    if (this.#followed.size >= MAX_FOLLOWED_PARTS) return;
    this.#followed.delete(reference);
    this.#followed.set(reference, now);
  }

  receipt(reference: string, now: number): void {
    if (this.#followed.delete(reference)) {
      this.#due(true);
      return;
    }
    if (this.#early.size >= MAX_FOLLOWED_PARTS) return;
    this.#early.delete(reference);
    this.#early.set(reference, now);
  }

  /** Parts waiting longer than the receipt timeout are due without a receipt. */
  mature(now: number): void {
    for (const [reference, submittedAt] of this.#followed) {
      if (now - submittedAt < this.#rules.receiptTimeoutMs) break;
      this.#followed.delete(reference);
      this.#due(false);
    }
    for (const [reference, receivedAt] of this.#early) {
      if (now - receivedAt < this.#rules.receiptTimeoutMs) break;
      this.#early.delete(reference);
    }
  }

  /** The state changed: errors and receipts are counted afresh (parts sent before are no longer followed). */
  restart(): void {
    this.#errorAnswers = 0;
    this.#lastError = null;
    this.#followed = new Map();
    this.#sample = [];
    this.#missing = 0;
    this.#accepted = 0;
  }

  facts(now: number): SmscFacts {
    this.mature(now);
    return {
      bound: this.#bound,
      unboundSince: this.#unboundSince,
      bindFailure: this.#bindFailure,
      errorAnswers: this.#errorAnswers,
      lastError: this.#lastError,
      receiptsDue: this.#sample.length,
      receiptsMissing: this.#missing,
      receiptsAwaited: this.#followed.size,
      accepted: this.#accepted,
    };
  }

  #due(came: boolean): void {
    this.#sample.push(came);
    if (!came) this.#missing += 1;
    if (this.#sample.length > RECEIPT_SAMPLE && this.#sample.shift() === false) this.#missing -= 1;
  }
}
