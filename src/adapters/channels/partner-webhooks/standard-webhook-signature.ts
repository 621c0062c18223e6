import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Standard Webhooks 1.0 symmetric signatures (standardwebhooks.com, spec/standard-webhooks.md): HMAC-SHA256 over
 * `${webhook-id}.${webhook-timestamp}.${body}`, sent as `v1,<base64>`; during a key rotation one signature per
 * secret, space-separated, so a receiver holding either key accepts the message.
 */

/** `whsec_` + base64 of 24 to 64 random bytes, checked by `parseWebhookSecret`. */
export type WebhookSecret = string & { readonly __brand: 'WebhookSecret' };

export type WebhookSecretProblem = 'missing-prefix' | 'not-base64' | 'wrong-length';

const PREFIX = 'whsec_';
/** The spec's bounds: at least 192 bits, at most 512. */
export const MIN_SECRET_BYTES = 24;
export const MAX_SECRET_BYTES = 64;
export const DEFAULT_TOLERANCE_SECONDS = 5 * 60;

export function parseWebhookSecret(
  text: string,
):
  | { readonly ok: true; readonly secret: WebhookSecret }
  | { readonly ok: false; readonly problem: WebhookSecretProblem } {
  if (!text.startsWith(PREFIX)) return { ok: false, problem: 'missing-prefix' };
  const encoded = text.slice(PREFIX.length);
  // Canonical base64 only: a lenient decoder would quietly drop stray characters and sign with another key.
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) || Buffer.from(encoded, 'base64').toString('base64') !== encoded) {
    return { ok: false, problem: 'not-base64' };
  }
  const bytes = Buffer.byteLength(encoded, 'base64');
  if (bytes < MIN_SECRET_BYTES || bytes > MAX_SECRET_BYTES) return { ok: false, problem: 'wrong-length' };
  return { ok: true, secret: text as WebhookSecret };
}

/** A new random secret for a partner; each partner gets its own (the spec: keys are unique per endpoint). */
export function generateWebhookSecret(bytes = 32): WebhookSecret {
  if (bytes < MIN_SECRET_BYTES || bytes > MAX_SECRET_BYTES)
    throw new RangeError(`a webhook secret has ${MIN_SECRET_BYTES} to ${MAX_SECRET_BYTES} bytes`);
  return `${PREFIX}${randomBytes(bytes).toString('base64')}` as WebhookSecret;
}

/**
 * Whether a value can be a `webhook-id`: visible ASCII without a full stop. With a full stop the signed content is
 * ambiguous (`a.1` + `2` signs like `a` + `1` + `2.…`), which would let a replay pass under another id.
 */
export function isValidWebhookId(id: string): boolean {
  return /^[\x21-\x2D\x2F-\x7E]{1,256}$/.test(id);
}

export interface WebhookToSign {
  readonly id: string;
  /** Unix seconds of this attempt (not of the event: each retry is signed afresh). */
  readonly timestamp: number;
  /** Exactly the bytes that are sent. */
  readonly body: string | Uint8Array;
  readonly secrets: readonly WebhookSecret[];
}

/** The `webhook-signature` header value. Throws on an id or timestamp no receiver could verify (a bug of ours). */
export function signWebhook({ id, timestamp, body, secrets }: WebhookToSign): string {
  if (!isValidWebhookId(id)) throw new RangeError('a webhook id is visible ASCII without a full stop');
  if (!Number.isSafeInteger(timestamp) || timestamp < 0)
    throw new RangeError('a webhook timestamp is whole Unix seconds');
  if (secrets.length === 0) throw new RangeError('signing needs at least one secret');
  return secrets.map((secret) => `v1,${hmac(secret, id, String(timestamp), body)}`).join(' ');
}

export type WebhookVerificationFailure =
  | 'missing-headers'
  /** A timestamp that is not whole seconds, or an id with a full stop. */
  | 'invalid-headers'
  | 'timestamp-too-old'
  | 'timestamp-in-future'
  | 'no-matching-signature';

export type WebhookVerification =
  | { readonly ok: true; readonly id: string; readonly timestamp: number }
  | { readonly ok: false; readonly failure: WebhookVerificationFailure };

/** Header names in lower case, as Node's `IncomingMessage.headers` has them. */
export type WebhookHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

/** What a receiver does: all three headers, a timestamp within the tolerance, and one signature by one of its secrets. */
export function verifyWebhook(
  headers: WebhookHeaders,
  body: string | Uint8Array,
  secrets: readonly WebhookSecret[],
  now: Date,
  toleranceSeconds: number = DEFAULT_TOLERANCE_SECONDS,
): WebhookVerification {
  const id = single(headers['webhook-id']);
  const timestampText = single(headers['webhook-timestamp']);
  const signatures = single(headers['webhook-signature']);
  if (id === null || timestampText === null || signatures === null) return { ok: false, failure: 'missing-headers' };
  if (!/^\d{1,15}$/.test(timestampText) || !isValidWebhookId(id)) return { ok: false, failure: 'invalid-headers' };
  const timestamp = Number(timestampText);
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (nowSeconds - timestamp > toleranceSeconds) return { ok: false, failure: 'timestamp-too-old' };
  if (timestamp - nowSeconds > toleranceSeconds) return { ok: false, failure: 'timestamp-in-future' };
  const offered = signatures
    .split(' ')
    .filter((entry) => entry.startsWith('v1,'))
    .map((entry) => Buffer.from(entry.slice(3), 'latin1'));
  for (const secret of secrets) {
    const expected = Buffer.from(hmac(secret, id, timestampText, body), 'latin1');
    // Compare the encoded text, not decoded bytes: a lenient base64 decoder would accept altered signatures.
    if (offered.some((candidate) => candidate.length === expected.length && timingSafeEqual(candidate, expected))) {
      return { ok: true, id, timestamp };
    }
  }
  return { ok: false, failure: 'no-matching-signature' };
}

function hmac(secret: WebhookSecret, id: string, timestamp: string, body: string | Uint8Array): string {
  return createHmac('sha256', Buffer.from(secret.slice(PREFIX.length), 'base64'))
    .update(`${id}.${timestamp}.`, 'utf8')
    .update(body)
    .digest('base64');
}

function single(value: string | readonly string[] | undefined): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
