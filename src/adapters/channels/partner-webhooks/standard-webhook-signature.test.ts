import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  generateWebhookSecret,
  parseWebhookSecret,
  signWebhook,
  verifyWebhook,
  type WebhookSecret,
} from './standard-webhook-signature.js';

function secret(text: string): WebhookSecret {
  const parsed = parseWebhookSecret(text);
  assert.ok(parsed.ok, `test secret ${text.slice(0, 10)}… does not parse`);
  return parsed.secret;
}

/**
 * The published test vector of the Standard Webhooks reference library: the test "sign function works" in
 * github.com/standard-webhooks/standard-webhooks, libraries/javascript/src/webhook.test.ts (the other reference
 * libraries test the same values).
 */
const VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

const headersOf = (id: string, timestamp: number, signature: string) => ({
  'webhook-id': id,
  'webhook-timestamp': String(timestamp),
  'webhook-signature': signature,
});
const at = (unixSeconds: number) => new Date(unixSeconds * 1000);

describe('the Standard Webhooks test vector', () => {
  test('signing gives the published signature', () => {
    const { id, timestamp, body } = VECTOR;
    assert.equal(signWebhook({ id, timestamp, body, secrets: [secret(VECTOR.secret)] }), VECTOR.signature);
  });

  test('the published signature verifies, from the body as text or as bytes', () => {
    const headers = headersOf(VECTOR.id, VECTOR.timestamp, VECTOR.signature);
    const expected = { ok: true, id: VECTOR.id, timestamp: VECTOR.timestamp };
    assert.deepEqual(verifyWebhook(headers, VECTOR.body, [secret(VECTOR.secret)], at(VECTOR.timestamp)), expected);
    assert.deepEqual(
      verifyWebhook(headers, Buffer.from(VECTOR.body), [secret(VECTOR.secret)], at(VECTOR.timestamp)),
      expected,
    );
  });

  test('among signatures of other versions and other keys, the one matching signature is enough', () => {
    const signature = ['v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=', 'v2,x', VECTOR.signature, 'v1a,abc'].join(
      ' ',
    );
    const result = verifyWebhook(
      headersOf(VECTOR.id, VECTOR.timestamp, signature),
      VECTOR.body,
      [secret(VECTOR.secret)],
      at(VECTOR.timestamp),
    );
    assert.equal(result.ok, true);
  });
});

describe('verifyWebhook names what is wrong', () => {
  const key = secret(VECTOR.secret);
  const good = headersOf(VECTOR.id, VECTOR.timestamp, VECTOR.signature);
  const check = (headers: Record<string, string>, now = at(VECTOR.timestamp)) =>
    verifyWebhook(headers, VECTOR.body, [key], now);

  test('a missing or empty header', () => {
    for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature'] as const) {
      const rest: Record<string, string> = { ...good };
      delete rest[name];
      assert.deepEqual(check(rest), { ok: false, failure: 'missing-headers' });
      assert.deepEqual(check({ ...good, [name]: '' }), { ok: false, failure: 'missing-headers' });
    }
  });

  test('a timestamp that is not whole seconds, or an id with a full stop', () => {
    assert.deepEqual(check({ ...good, 'webhook-timestamp': 'hello' }), { ok: false, failure: 'invalid-headers' });
    assert.deepEqual(check({ ...good, 'webhook-timestamp': '1614265330.5' }), {
      ok: false,
      failure: 'invalid-headers',
    });
    assert.deepEqual(check({ ...good, 'webhook-id': 'msg.1' }), { ok: false, failure: 'invalid-headers' });
  });

  test('a timestamp more than five minutes old or ahead, but not one exactly at the edge', () => {
    assert.deepEqual(check(good, at(VECTOR.timestamp + 301)), { ok: false, failure: 'timestamp-too-old' });
    assert.deepEqual(check(good, at(VECTOR.timestamp - 301)), { ok: false, failure: 'timestamp-in-future' });
    assert.equal(check(good, at(VECTOR.timestamp + 300)).ok, true);
    assert.equal(check(good, at(VECTOR.timestamp - 300)).ok, true);
  });

  test('a truncated, empty or foreign signature', () => {
    for (const signature of [
      VECTOR.signature.slice(0, 8),
      'v1,',
      'v1,dawfeoifkpqwoekfpqoekf',
      VECTOR.signature.replace('v1,', 'v2,'),
    ]) {
      assert.deepEqual(check({ ...good, 'webhook-signature': signature }), {
        ok: false,
        failure: 'no-matching-signature',
      });
    }
  });
});

describe('parseWebhookSecret', () => {
  test('takes whsec_ and canonical base64 of 24 to 64 bytes', () => {
    assert.equal(parseWebhookSecret(VECTOR.secret).ok, true);
    assert.equal(parseWebhookSecret(`whsec_${Buffer.alloc(64, 7).toString('base64')}`).ok, true);
    assert.deepEqual(parseWebhookSecret(VECTOR.secret.slice('whsec_'.length)), {
      ok: false,
      problem: 'missing-prefix',
    });
    assert.deepEqual(parseWebhookSecret('whsec_not base64!'), { ok: false, problem: 'not-base64' });
    assert.deepEqual(parseWebhookSecret('whsec_QUJD'.slice(0, -1)), { ok: false, problem: 'not-base64' });
    assert.deepEqual(parseWebhookSecret(`whsec_${Buffer.alloc(23, 7).toString('base64')}`), {
      ok: false,
      problem: 'wrong-length',
    });
    assert.deepEqual(parseWebhookSecret(`whsec_${Buffer.alloc(65, 7).toString('base64')}`), {
      ok: false,
      problem: 'wrong-length',
    });
  });

  test('a generated secret parses', () => {
    assert.equal(parseWebhookSecret(generateWebhookSecret()).ok, true);
    assert.throws(() => generateWebhookSecret(16), RangeError);
  });
});

describe('signatures, for any message', () => {
  const secretArb = fc
    .uint8Array({ minLength: 24, maxLength: 64 })
    .map((bytes) => secret(`whsec_${Buffer.from(bytes).toString('base64')}`));
  const message = fc.record({
    id: fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/),
    timestamp: fc.integer({ min: 0, max: 4_000_000_000 }),
    body: fc.uint8Array({ maxLength: 300 }),
    secrets: fc.array(secretArb, { minLength: 1, maxLength: 2 }),
  });
  const verify = (
    m: { id: string; timestamp: number; body: Uint8Array },
    signature: string,
    secrets: readonly WebhookSecret[],
  ) => verifyWebhook(headersOf(m.id, m.timestamp, signature), m.body, secrets, at(m.timestamp));

  test('verify with each of the secrets they were made with', () => {
    fc.assert(
      fc.property(message, (m) => {
        const signature = signWebhook(m);
        for (const s of m.secrets) assert.equal(verify(m, signature, [s]).ok, true);
      }),
    );
  });

  test('fail after any change of the id, the timestamp or one byte of the body', () => {
    fc.assert(
      fc.property(
        message,
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        fc.integer({ min: 1, max: 1_000 }),
        (m, index, flip, shift) => {
          const signature = signWebhook(m);
          const failed = { ok: false, failure: 'no-matching-signature' };
          assert.deepEqual(verify({ ...m, id: `${m.id}x` }, signature, m.secrets), failed);
          assert.deepEqual(
            verify({ ...m, id: m.id.length > 1 ? m.id.slice(1) : m.id + m.id }, signature, m.secrets),
            failed,
          );
          assert.deepEqual(verify({ ...m, timestamp: m.timestamp + shift }, signature, m.secrets), failed);
          if (m.body.length > 0) {
            const body = Uint8Array.from(m.body);
            body[index % body.length]! ^= flip;
            assert.deepEqual(verify({ ...m, body }, signature, m.secrets), failed);
          }
        },
      ),
    );
  });

  test('do not verify under another secret', () => {
    fc.assert(
      fc.property(message, secretArb, (m, other) => {
        fc.pre(!m.secrets.includes(other));
        assert.deepEqual(verify(m, signWebhook(m), [other]), { ok: false, failure: 'no-matching-signature' });
      }),
    );
  });
});
