import { createPublicKey, verify } from 'node:crypto';

export type VapidCheck =
  | { readonly ok: true; readonly token: string; readonly publicKey: string; readonly expiresAt: number }
  | { readonly ok: false; readonly reason: string };

/** A day: RFC 8292 §2 lets a push service refuse a token that expires further ahead. */
const MAX_LIFETIME_SECONDS = 24 * 3_600;

/**
 * Checks an RFC 8292 `Authorization: vapid t=<JWT>, k=<key>` header as a push service does: an ES256 JWT
 * signed by the key in `k`, for this push service (`aud`), not expired and not valid for more than a day,
 * naming a contact (`sub`).
 */
export function checkVapidAuthorization(header: string | undefined, audience: string, nowMs: number): VapidCheck {
  if (header === undefined) return { ok: false, reason: 'no Authorization header' };
  const match = /^vapid\s+(.*)$/i.exec(header.trim());
  if (match === null) return { ok: false, reason: 'the Authorization scheme is not vapid' };
  const params = new Map<string, string>();
  for (const part of match[1]!.split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) params.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim());
  }
  const token = params.get('t');
  const key = params.get('k');
  if (token === undefined || key === undefined) return { ok: false, reason: 'vapid needs t and k' };

  const rawKey = Buffer.from(key, 'base64url');
  if (rawKey.length !== 65 || rawKey[0] !== 0x04)
    return { ok: false, reason: 'k is not an uncompressed P-256 public key' };
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 't is not a JWS compact serialisation' };
  const [head, body, signature] = parts as [string, string, string];

  let jose: { alg?: unknown; typ?: unknown };
  let claims: { aud?: unknown; exp?: unknown; sub?: unknown };
  try {
    jose = JSON.parse(Buffer.from(head, 'base64url').toString('utf8')) as typeof jose;
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as typeof claims;
  } catch {
    return { ok: false, reason: 'the JWT header or claims are not JSON' };
  }
  if (jose.alg !== 'ES256') return { ok: false, reason: 'the JWT is not signed with ES256' };
  if (jose.typ !== undefined && jose.typ !== 'JWT') return { ok: false, reason: 'the JWT typ is not JWT' };

  const publicKey = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: rawKey.subarray(1, 33).toString('base64url'),
      y: rawKey.subarray(33).toString('base64url'),
    },
    format: 'jwk',
  });
  const signed = verify(
    'sha256',
    Buffer.from(`${head}.${body}`),
    { key: publicKey, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  if (!signed) return { ok: false, reason: 'the JWT signature does not match k' };

  if (claims.aud !== audience) return { ok: false, reason: `aud is ${String(claims.aud)}, not ${audience}` };
  const now = Math.floor(nowMs / 1000);
  if (typeof claims.exp !== 'number' || !Number.isInteger(claims.exp)) return { ok: false, reason: 'exp is missing' };
  if (claims.exp <= now) return { ok: false, reason: 'the JWT expired' };
  if (claims.exp > now + MAX_LIFETIME_SECONDS) return { ok: false, reason: 'exp is more than 24 hours ahead' };
  if (typeof claims.sub !== 'string' || !/^(mailto:|https:)/.test(claims.sub))
    return { ok: false, reason: 'sub is not a mailto: or https: contact' };
  return { ok: true, token, publicKey: key, expiresAt: claims.exp * 1000 };
}
