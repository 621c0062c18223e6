import type { PushUrgency } from '../../domain/push/push-notification.js';

/** A phone's push subscription as the channel needs it (RFC 8030 endpoint, RFC 8291 keys). */
export interface PushTarget {
  readonly subscriptionId: string;
  readonly endpoint: string;
  /** The phone's P-256 public key, base64url (65 bytes uncompressed). */
  readonly p256dh: string;
  /** The phone's 16-byte authentication secret, base64url. */
  readonly auth: string;
}

export interface OutboundPush {
  /** The plaintext (JSON) the phone decrypts. */
  readonly payload: string;
  readonly urgency: PushUrgency;
  readonly ttlSeconds: number;
  readonly topic: string | null;
}

export type PushOutcome =
  /** The push service took it (201): it delivers when the phone is reachable within the TTL. */
  | { readonly kind: 'accepted' }
  /** The subscription expired or was withdrawn (404/410): remove it. */
  | { readonly kind: 'gone' }
  /** Refused or unreachable after the retries; the subscription may still be good. */
  | { readonly kind: 'failed'; readonly reason: string };

/**
 * Sends Web Push messages. The adapter paces itself (connections, in-flight limit, push services' 429):
 * callers hand over a whole fan-out and hear each outcome as it comes.
 */
export interface PushChannel {
  /** Resolves once every target's outcome was reported. */
  send(
    targets: readonly PushTarget[],
    push: OutboundPush,
    onOutcome: (target: PushTarget, outcome: PushOutcome) => void,
  ): Promise<void>;
  close(): Promise<void>;
}
