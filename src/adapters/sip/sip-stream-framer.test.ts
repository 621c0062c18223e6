import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { serializeSipMessage, sipRequest } from './sip-message.js';
import { SipParseError } from './sip-parse-error.js';
import { parseSipMessage } from './sip-parser.js';
import { SipStreamFramer } from './sip-stream-framer.js';

const message = (n: number, body: string) =>
  serializeSipMessage(
    sipRequest(
      'MESSAGE',
      'sip:a@b',
      [
        { name: 'Via', value: `SIP/2.0/TCP h;branch=z9hG4bK${n}` },
        { name: 'From', value: '<sip:x@y>;tag=1' },
        { name: 'To', value: '<sip:a@b>' },
        { name: 'Call-ID', value: `c${n}` },
        { name: 'CSeq', value: `${n} MESSAGE` },
      ],
      Buffer.from(body),
    ),
  );

test('property: messages split at any points come out whole and in order, keep-alives between them skipped', () => {
  fc.assert(
    fc.property(
      fc.array(fc.string({ maxLength: 50 }), { minLength: 1, maxLength: 6 }),
      fc.array(fc.nat(), { maxLength: 10 }),
      (bodies, cuts) => {
        const stream = Buffer.concat(bodies.flatMap((b, i) => [Buffer.from('\r\n\r\n'), message(i, b)]));
        const points = [...new Set(cuts.map((c) => c % stream.length))].sort((a, b) => a - b);
        const framer = new SipStreamFramer();
        const frames: Buffer[] = [];
        let last = 0;
        for (const p of [...points, stream.length]) {
          frames.push(...framer.push(stream.subarray(last, p)));
          last = p;
        }
        assert.deepEqual(
          frames.map((f) => parseSipMessage(f).body.toString()),
          bodies.map((b) => Buffer.from(b).toString()),
        );
        assert.equal(framer.pending, 0);
      },
    ),
  );
});

test('a stream without Content-Length, with a bad one, or with a head beyond the limit loses framing', () => {
  const limits = { maxMessageBytes: 300, maxHeaders: 20, maxHeaderLineBytes: 200 };
  const codeOf = (input: string) => {
    try {
      new SipStreamFramer(limits).push(Buffer.from(input));
      return 'none';
    } catch (error) {
      assert.ok(error instanceof SipParseError);
      return error.code;
    }
  };
  assert.equal(codeOf('OPTIONS sip:a@b SIP/2.0\r\nVia: x\r\n\r\n'), 'sip.bad-content-length');
  assert.equal(codeOf('OPTIONS sip:a@b SIP/2.0\r\nl: 1x\r\n\r\n'), 'sip.bad-content-length');
  assert.equal(codeOf(`OPTIONS sip:a@b SIP/2.0\r\nX: ${'a'.repeat(400)}`), 'sip.too-large');
  assert.equal(codeOf('OPTIONS sip:a@b SIP/2.0\r\nContent-Length: 5000\r\n\r\n'), 'sip.too-large');
  assert.equal(codeOf('OPTIONS sip:a@b SIP/2.0\r\nContent-Length: 10\r\n\r\nabc'), 'none');
});
