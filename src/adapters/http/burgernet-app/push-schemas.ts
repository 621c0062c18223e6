import { createECDH } from 'node:crypto';
import { z } from 'zod';

/** base64url, also accepting standard base64 and padding (browsers differ). */
const base64urlBytes = (bytes: number, what: string) =>
  z
    .string()
    .max(200)
    .transform((s) => s.trim().replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''))
    .refine(
      (s) => /^[A-Za-z0-9_-]*$/.test(s) && Buffer.from(s, 'base64url').length === bytes,
      `${what} moet ${bytes} bytes zijn (base64url)`,
    );

/** An uncompressed P-256 point that lies on the curve: anything else would fail every encryption later. */
const p256PublicKey = base64urlBytes(65, 'p256dh').refine((s) => {
  try {
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    ecdh.computeSecret(Buffer.from(s, 'base64url'));
    return true;
  } catch {
    return false;
  }
}, 'p256dh is geen geldige P-256-sleutel');

/** PushSubscription.toJSON() of the browser; expirationTime and other fields are ignored. */
export const subscribeBody = z.object({
  subscription: z.object({
    endpoint: z.string().min(12).max(2_048).url(),
    keys: z.object({ p256dh: p256PublicKey, auth: base64urlBytes(16, 'auth') }),
  }),
});

export const subscriptionParams = z.object({ id: z.uuid() });

export const presenceBody = z.object({
  cell: z.string().min(15).max(15).describe('H3-cel op resolutie 7, hexadecimaal (15 tekens)'),
});
