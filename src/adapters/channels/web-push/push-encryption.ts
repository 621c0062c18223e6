import webpush from 'web-push';

/** RFC 8030 §7.2 via RFC 8291: what a push service must accept; anything larger is refused (413). */
export const MAX_PUSH_BODY_BYTES = 4_096;

/**
 * The RFC 8291 `aes128gcm` body of one message for one phone (RFC 8188 header with a fresh salt and a fresh
 * ephemeral key: RFC 8291 §3.1 wants a new key pair per message), by the web-push package.
 */
export function encryptPush(p256dh: string, auth: string, payload: Buffer): Buffer {
  return webpush.encrypt(p256dh, auth, payload, 'aes128gcm').cipherText;
}
