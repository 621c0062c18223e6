import webpush from 'web-push';
import type { VapidKeys } from './vapid-keys.js';

/** A VAPID token lives this long; push services accept at most 24 hours. */
const LIFETIME_SECONDS = 12 * 3_600;
/** Renewed this long before it expires, so that clock skew at the push service does not refuse it. */
const RENEW_BEFORE_SECONDS = 10 * 60;

/**
 * The RFC 8292 `Authorization: vapid t=<JWT>, k=<public key>` header for a push service's origin. Signing
 * (ES256) costs more than encrypting a message, so one token per origin is reused until shortly before it
 * expires: a fan-out to 100,000 phones of one push service signs once.
 */
export class VapidAuthorization {
  readonly #keys: VapidKeys;
  readonly #subject: string;
  readonly #now: () => number;
  readonly #byOrigin = new Map<string, { readonly header: string; readonly renewAt: number }>();
  #signed = 0;

  constructor(keys: VapidKeys, subject: string, now: () => number = Date.now) {
    this.#keys = keys;
    this.#subject = subject;
    this.#now = now;
  }

  /** Tokens signed so far. */
  get signed(): number {
    return this.#signed;
  }

  headerFor(origin: string): string {
    const now = this.#now();
    const cached = this.#byOrigin.get(origin);
    if (cached !== undefined && now < cached.renewAt) return cached.header;
    const expiresAt = Math.floor(now / 1000) + LIFETIME_SECONDS;
    const headers = webpush.getVapidHeaders(
      origin,
      this.#subject,
      this.#keys.publicKey,
      this.#keys.privateKey,
      'aes128gcm',
      expiresAt,
    );
    const header = String(headers.Authorization);
    this.#signed += 1;
    this.#byOrigin.set(origin, { header, renewAt: (expiresAt - RENEW_BEFORE_SECONDS) * 1000 });
    return header;
  }

  /** The push service refused the token (401/403): sign a new one next time. */
  forget(origin: string): void {
    this.#byOrigin.delete(origin);
  }
}
