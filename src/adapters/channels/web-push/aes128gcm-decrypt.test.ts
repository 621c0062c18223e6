import assert from 'node:assert/strict';
import { createECDH, randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import { decryptPushBody } from './aes128gcm-decrypt.js';
import { encryptPush } from './push-encryption.js';

const b64 = (s: string) => Buffer.from(s, 'base64url');

describe('decrypting an aes128gcm push body as a phone does', () => {
  test('gives the plaintext of the example in RFC 8291 §5', () => {
    const plaintext = decryptPushBody(
      b64(
        'DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN',
      ),
      {
        privateKey: b64('q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94'),
        publicKey: b64('BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4'),
        authSecret: b64('BTBZMqHH6r4Tts7J_aSIgg'),
      },
    );
    assert.equal(plaintext.toString('utf8'), 'When I grow up, I want to be a watermelon');
  });

  test("gives back what the sender encrypted, and refuses another phone's secret", () => {
    const phone = createECDH('prime256v1');
    const publicKey = phone.generateKeys();
    const authSecret = randomBytes(16);
    const message = JSON.stringify({ type: 'alert', body: 'Vermist: Sanne (8), roze jas. €, ë' });
    const body = encryptPush(publicKey.toString('base64url'), authSecret.toString('base64url'), Buffer.from(message));
    assert.equal(
      decryptPushBody(body, { privateKey: phone.getPrivateKey(), publicKey, authSecret }).toString('utf8'),
      message,
    );
    assert.throws(() =>
      decryptPushBody(body, { privateKey: phone.getPrivateKey(), publicKey, authSecret: randomBytes(16) }),
    );
  });
});
