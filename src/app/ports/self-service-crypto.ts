/**
 * The secrets of self-service: one-time codes and session tokens from a strong random source, keyed hashes
 * (so that a stolen table reveals neither codes nor numbers), and signed links that work without a login.
 */
export interface SelfServiceCrypto {
  /** A one-time code of `digits` decimal digits. */
  newCode(digits: number): string;
  /** A long random token (sessions). */
  newToken(): string;
  /** A keyed hash (HMAC) of `value`, separated per `purpose` so one hash never stands in for another. */
  digest(purpose: string, value: string): string;
  /** Compares in constant time whether `value` hashes to `expected`. */
  matches(purpose: string, value: string, expected: string): boolean;
  /** A tamper-proof token carrying `payload` (no secrets: it is readable), valid until `expiresAt`. */
  sign(purpose: string, payload: string, expiresAt: Date): string;
  /** The payload of a token this system signed for `purpose` and that has not expired at `now`; else null. */
  open(purpose: string, token: string, now: Date): string | null;
}
