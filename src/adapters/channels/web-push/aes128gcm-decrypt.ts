import { createDecipheriv, createECDH, createHmac } from 'node:crypto';

/**
 * The receiving side of RFC 8291 (Message Encryption for Web Push) over RFC 8188 (aes128gcm), written from
 * the RFCs as a browser does it, independently of the web-push package that encrypts: a phone's private key
 * and authentication secret turn the body back into the plaintext.
 */
export function decryptPushBody(
  body: Buffer,
  phone: { readonly privateKey: Buffer; readonly publicKey: Buffer; readonly authSecret: Buffer },
): Buffer {
  // RFC 8188 §2.1: salt (16) | rs (uint32) | idlen (1) | keyid (idlen); RFC 8291 §4: keyid is the sender's key.
  if (body.length < 21) throw new Error('body shorter than the aes128gcm header');
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body[20]!;
  const senderPublicKey = body.subarray(21, 21 + idLength);
  if (idLength !== 65 || senderPublicKey[0] !== 0x04) throw new Error('keyid is not an uncompressed P-256 public key');
  const ciphertext = body.subarray(21 + idLength);
  if (recordSize < 18) throw new Error(`record size ${recordSize} is below the minimum of 18`);
  // RFC 8291 §4: a push message is a single record.
  if (ciphertext.length > recordSize || ciphertext.length < 17)
    throw new Error('a push message must be exactly one record');

  // RFC 8291 §3.3 and §3.4.
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(phone.privateKey);
  const ecdhSecret = ecdh.computeSecret(senderPublicKey);
  const prkKey = hmac(phone.authSecret, ecdhSecret);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0', 'latin1'), phone.publicKey, senderPublicKey]);
  const ikm = hmac(prkKey, Buffer.concat([keyInfo, Buffer.from([1])]));

  // RFC 8188 §2.2 and §2.3.
  const prk = hmac(salt, ikm);
  const cek = hmac(prk, Buffer.from('Content-Encoding: aes128gcm\0\x01', 'latin1')).subarray(0, 16);
  const nonce = hmac(prk, Buffer.from('Content-Encoding: nonce\0\x01', 'latin1')).subarray(0, 12);
  // The first (and only) record has sequence number 0, so its nonce is NONCE XOR 0.

  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);

  // RFC 8188 §2: the plaintext, a delimiter (2 in the last record), then zeros.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end -= 1;
  if (end < 0 || padded[end] !== 2) throw new Error('the last record does not end with the delimiter 0x02');
  return padded.subarray(0, end);
}

const hmac = (key: Buffer, data: Buffer): Buffer => createHmac('sha256', key).update(data).digest();
