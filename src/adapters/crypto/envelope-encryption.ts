import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Envelope encryption with AES-256-GCM from node:crypto. A key-encryption key (KEK, from the configuration) wraps
 * data keys; a data key seals the secrets of one purpose (a table's column). Only wrapped data keys are stored,
 * each beside the id of the KEK that wrapped it, and each sealed value names its data key: rotating the KEK means
 * wrapping the few data keys anew, not touching every value.
 */

const IV_BYTES = 12;
const TAG_BYTES = 16;
/** The version prefix of a sealed value: `bn1.<data key id>.<iv>.<ciphertext and tag>` (base64url parts). */
export const SEALED_PREFIX = 'bn1.';

/** The id of a KEK: a fingerprint that names it in the database without revealing it. */
export function keyIdOf(kek: Buffer): string {
  return createHash('sha256').update('burgernet-kek\u0000').update(kek).digest('hex').slice(0, 16);
}

export function newDataKey(): Buffer {
  return randomBytes(32);
}

function encrypt(key: Buffer, plaintext: Buffer, aad: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return `${iv.toString('base64url')}.${body.toString('base64url')}`;
}

/** Throws when the key is wrong or anything was changed (GCM's tag). */
function decrypt(key: Buffer, sealed: string, aad: string): Buffer {
  const [iv = '', body = ''] = sealed.split('.');
  const bytes = Buffer.from(body, 'base64url');
  if (bytes.length < TAG_BYTES) throw new Error('sealed value too short');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - TAG_BYTES)), decipher.final()]);
}

/** A data key wrapped under a KEK, bound to its own id and purpose (a wrapped key cannot be moved to another row). */
export function wrapDataKey(kek: Buffer, dataKey: Buffer, dataKeyId: string, purpose: string): string {
  return encrypt(kek, dataKey, `data-key\u0000${dataKeyId}\u0000${purpose}`);
}

export function unwrapDataKey(kek: Buffer, wrapped: string, dataKeyId: string, purpose: string): Buffer {
  return decrypt(kek, wrapped, `data-key\u0000${dataKeyId}\u0000${purpose}`);
}

/**
 * Seals a secret under a data key. `context` (the row's key, e.g. a staff id) is authenticated with it, so a sealed
 * value copied to another row does not open there.
 */
export function seal(dataKey: Buffer, dataKeyId: string, purpose: string, context: string, plaintext: string): string {
  const aad = `${purpose}\u0000${context}\u0000${dataKeyId}`;
  return `${SEALED_PREFIX}${dataKeyId}.${encrypt(dataKey, Buffer.from(plaintext, 'utf8'), aad)}`;
}

/** The id of the data key a sealed value names, or null when the value is not sealed (plaintext). */
export function dataKeyIdOf(value: string): string | null {
  if (!value.startsWith(SEALED_PREFIX)) return null;
  const parts = value.split('.');
  return parts.length === 4 ? parts[1]! : null;
}

export function open(dataKey: Buffer, purpose: string, context: string, sealed: string): string {
  const dataKeyId = dataKeyIdOf(sealed);
  if (dataKeyId === null) throw new Error('not a sealed value');
  const rest = sealed.slice(SEALED_PREFIX.length + dataKeyId.length + 1);
  return decrypt(dataKey, rest, `${purpose}\u0000${context}\u0000${dataKeyId}`).toString('utf8');
}
