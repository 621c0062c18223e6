import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  headerListValues,
  headerValue,
  serializeSipMessage,
  sipRequest,
  sipResponse,
  type SipLimits,
  type SipMessage,
} from './sip-message.js';
import { SipParseError } from './sip-parse-error.js';
import { parseSipMessage } from './sip-parser.js';
import { parseVia } from './sip-via.js';
import { parseCSeq } from './sip-ids.js';

const crlf = (lines: string[]) => lines.join('\r\n');

const invite = crlf([
  'INVITE sip:08000011@redirect.burgernet.nl SIP/2.0',
  'Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKaaa;rport',
  'Via: SIP/2.0/TCP proxy.example.net;branch=z9hG4bKbbb, SIP/2.0/UDP [2001:db8::1]:5062;branch=z9hG4bKccc',
  'Max-Forwards: 70',
  'From: "Jan" <sip:+31612345678@platform.example.net>;tag=1928301774',
  'To: <sip:08000011@redirect.burgernet.nl>',
  'Call-ID: a84b4c76e66710@pc33.example.net',
  'CSeq: 314159 INVITE',
  'Contact: <sip:jan@192.0.2.10>',
  'Content-Type: application/sdp',
  'Content-Length: 4',
  '',
  'v=0\n',
]);

const expectError = (input: string | Buffer, code: string, limits?: SipLimits): SipParseError => {
  try {
    parseSipMessage(input, limits);
  } catch (error) {
    assert.ok(error instanceof SipParseError, `expected SipParseError, got ${String(error)}`);
    assert.equal(error.code, code);
    return error;
  }
  assert.fail(`expected ${code}`);
};

test('a request is read with its headers in order and its body cut at Content-Length', () => {
  const message = parseSipMessage(invite);
  assert.equal(message.kind, 'request');
  assert.ok(message.kind === 'request');
  assert.equal(message.method, 'INVITE');
  assert.equal(message.uri, 'sip:08000011@redirect.burgernet.nl');
  assert.equal(message.body.toString(), 'v=0\n');
  assert.deepEqual(
    headerListValues(message, 'via').map((v) => parseVia(v).params.get('branch')),
    ['z9hG4bKaaa', 'z9hG4bKbbb', 'z9hG4bKccc'],
  );
  assert.equal(parseVia(headerListValues(message, 'Via')[2] ?? '').host, '[2001:db8::1]');
  assert.deepEqual(parseCSeq(headerValue(message, 'cseq') ?? ''), { seq: 314159, method: 'INVITE' });
});

test('a response is read with its status and reason', () => {
  const message = parseSipMessage(
    crlf([
      'SIP/2.0 302 Moved Temporarily',
      'v: SIP/2.0/UDP h;branch=z9hG4bK1',
      'f: <sip:a@b>;tag=1',
      't: <sip:c@d>;tag=2',
      'i: x',
      'CSeq: 1 INVITE',
      'm: <sip:e@f>',
      'l: 0',
      '',
      '',
    ]),
  );
  assert.ok(message.kind === 'response');
  assert.equal(message.status, 302);
  assert.equal(message.reason, 'Moved Temporarily');
  assert.deepEqual(
    message.headers.map((h) => h.name),
    ['Via', 'From', 'To', 'Call-ID', 'CSeq', 'Contact', 'Content-Length'],
  );
});

test('compact names, folded lines, bare LF line ends and leading keep-alive CRLFs are accepted', () => {
  const text =
    '\r\n\r\nOPTIONS sip:x@y SIP/2.0\nv: SIP/2.0/UDP h\n ;branch=z9hG4bK2\nf: <sip:a@b>;tag=1\nt: <sip:c@d>\ni: x\nCSeq: 2 OPTIONS\nk: timer\n\n';
  const message = parseSipMessage(text);
  assert.equal(headerValue(message, 'Via'), 'SIP/2.0/UDP h ;branch=z9hG4bK2');
  assert.equal(parseVia(headerValue(message, 'Via') ?? '').params.get('branch'), 'z9hG4bK2');
  assert.equal(headerValue(message, 'Supported'), 'timer');
});

test('malformed messages fail with a typed code', () => {
  expectError('\r\n\r\n', 'sip.empty');
  expectError('INVITE sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP h\r\n', 'sip.no-header-end');
  expectError('HELLO\r\n\r\n', 'sip.bad-start-line');
  expectError('INVITE sip:a@b SIP/3.0\r\n\r\n', 'sip.bad-start-line');
  expectError('INVITE nouri SIP/2.0\r\n\r\n', 'sip.bad-start-line');
  expectError('SIP/2.0 99 Low\r\n\r\n', 'sip.bad-start-line');
  expectError('INVITE sip:a@b SIP/2.0\r\nNo colon here\r\n\r\n', 'sip.bad-header');
  expectError('INVITE sip:a@b SIP/2.0\r\n folded first\r\n\r\n', 'sip.bad-header');
  expectError('INVITE sip:a@b SIP/2.0\r\nX-A: 1\rX-B: 2\r\n\r\n', 'sip.bad-header');
  expectError(invite.replace('Content-Length: 4', 'Content-Length: -1'), 'sip.bad-content-length');
  expectError(invite.replace('Content-Length: 4', 'Content-Length: 40'), 'sip.body-incomplete');
  expectError(invite.replace('Content-Length: 4', 'Content-Length: 4\r\nl: 5'), 'sip.bad-content-length');
  expectError(invite.replace(/Call-ID: .*\r\n/, ''), 'sip.missing-header');
  expectError(invite.replace('CSeq: 314159 INVITE', 'CSeq: 314159 BYE'), 'sip.bad-cseq');
  expectError(invite.replace('CSeq: 314159 INVITE', 'CSeq: x INVITE'), 'sip.bad-cseq');
  expectError(invite.replace('Via: SIP/2.0/UDP 192.0.2.10:5060', 'Via: SIP/2.0/UDP 192.0.2.10:99999'), 'sip.bad-via');
});

test('an error after the headers were read carries them, so a 400 can still be answered', () => {
  const error = expectError(invite.replace('CSeq: 314159 INVITE', 'CSeq: nonsense'), 'sip.bad-cseq');
  assert.equal(error.partial?.kind, 'request');
  assert.equal(headerValue(error.partial ?? { headers: [] }, 'Call-ID'), 'a84b4c76e66710@pc33.example.net');
});

test('a line that is no header is skipped and reported with the headers around it', () => {
  const error = expectError(
    invite.replace('Max-Forwards: 70', 'this is not a header\r\nMax-Forwards: 70'),
    'sip.bad-header',
  );
  assert.deepEqual(
    error.partial?.headers.map((h) => h.name),
    ['Via', 'Via', 'Max-Forwards', 'From', 'To', 'Call-ID', 'CSeq', 'Contact', 'Content-Type', 'Content-Length'],
  );
  assert.equal(expectError('INVITE sip:a@b SIP/2.0\r\n\r\n'.repeat(1), 'sip.missing-header').partial?.kind, 'request');
  assert.equal(expectError('x'.repeat(70_000), 'sip.too-large').partial, undefined);
});

test('the limits on size, header count and header line length hold, also through folding', () => {
  const limits: SipLimits = { maxMessageBytes: 2_000, maxHeaders: 12, maxHeaderLineBytes: 200 };
  assert.equal(parseSipMessage(invite, limits).kind, 'request');
  expectError(invite + 'x'.repeat(2_000), 'sip.too-large', limits);
  expectError(
    invite.replace('Max-Forwards: 70', Array.from({ length: 5 }, (_, i) => `X-${i}: 1`).join('\r\n')),
    'sip.too-many-headers',
    limits,
  );
  expectError(invite.replace('Max-Forwards: 70', `X-Long: ${'a'.repeat(200)}`), 'sip.header-too-long', limits);
  expectError(
    invite.replace('Max-Forwards: 70', `X-Long: ${Array.from({ length: 10 }, () => 'a'.repeat(30)).join('\r\n ')}`),
    'sip.header-too-long',
    limits,
  );
  expectError(`INVITE sip:${'a'.repeat(300)}@b SIP/2.0\r\n\r\n`, 'sip.header-too-long', limits);
});

test('serializing writes Content-Length from the body and refuses header injection', () => {
  const request = sipRequest(
    'MESSAGE',
    'sip:a@b',
    [
      { name: 'v', value: 'SIP/2.0/TCP h;branch=z9hG4bK9' },
      { name: 'From', value: '<sip:x@y>;tag=1' },
      { name: 'To', value: '<sip:a@b>' },
      { name: 'Call-ID', value: 'c1' },
      { name: 'CSeq', value: '1 MESSAGE' },
      { name: 'Content-Length', value: '999' },
    ],
    Buffer.from('hallo'),
  );
  const wire = serializeSipMessage(request).toString();
  assert.match(wire, /^MESSAGE sip:a@b SIP\/2\.0\r\nVia: SIP\/2\.0\/TCP h;branch=z9hG4bK9\r\n/);
  assert.match(wire, /\r\nContent-Length: 5\r\n\r\nhallo$/);
  assert.throws(
    () => serializeSipMessage({ ...request, headers: [{ name: 'X', value: 'a\r\nInjected: 1' }] }),
    TypeError,
  );
  assert.throws(() => serializeSipMessage({ ...request, headers: [{ name: 'Bad Name', value: '1' }] }), TypeError);
});

// --- properties

const token = fc.stringMatching(/^[A-Za-z0-9\-.!%*_+`'~]{1,12}$/);
const headerValueArb = fc.stringMatching(/^[\x21-\x7e]([\x20-\x7e]{0,40}[\x21-\x7e])?$/);
const extraHeader = fc.record({ name: token.map((t) => `X-${t}`), value: headerValueArb });
const mandatory = (method: string) =>
  fc.tuple(token, token, fc.nat({ max: 2 ** 31 - 1 })).map(([branch, callId, seq]) => [
    { name: 'Via', value: `SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK${branch}` },
    { name: 'From', value: '<sip:a@example.org>;tag=7' },
    { name: 'To', value: '<sip:b@example.org>' },
    { name: 'Call-ID', value: callId },
    { name: 'CSeq', value: `${seq} ${method}` },
  ]);
const body = fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b));
const requestArb = token.chain((method) =>
  fc
    .tuple(mandatory(method), fc.array(extraHeader, { maxLength: 10 }), body)
    .map(([m, extra, b]) => sipRequest(method, 'sip:08000011@example.org;user=phone', [...m, ...extra], b)),
);
const responseArb = fc
  .tuple(
    fc.integer({ min: 100, max: 699 }),
    fc.stringMatching(/^[A-Za-z ]{0,20}$/),
    mandatory('INVITE'),
    fc.array(extraHeader, { maxLength: 10 }),
    body,
  )
  .map(([status, reason, m, extra, b]) => sipResponse(status, reason, [...m, ...extra], b));
const withoutLength = (message: SipMessage) => ({
  ...message,
  headers: message.headers.filter((h) => h.name !== 'Content-Length'),
});

test('property: a serialized request or response parses back to the same message', () => {
  fc.assert(
    fc.property(fc.oneof(requestArb, responseArb), (message) => {
      const parsed = parseSipMessage(serializeSipMessage(message));
      assert.deepEqual(withoutLength(parsed), { ...message, body: parsed.body });
      assert.ok(parsed.body.equals(message.body));
      assert.equal(headerValue(parsed, 'Content-Length'), String(message.body.length));
    }),
  );
});

const assertOnlyParseErrors = (input: Buffer) => {
  try {
    parseSipMessage(input, { maxMessageBytes: 4_096, maxHeaders: 20, maxHeaderLineBytes: 256 });
  } catch (error) {
    if (!(error instanceof SipParseError)) throw error;
  }
};

test('property: arbitrary bytes never throw anything but SipParseError', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 2_000 }), (bytes) => assertOnlyParseErrors(Buffer.from(bytes))),
    { numRuns: 2_000 },
  );
});

test('property: a valid message with bytes flipped, cut or inserted never throws anything but SipParseError', () => {
  const mutation = fc.record({
    at: fc.nat(),
    byte: fc.integer({ min: 0, max: 255 }),
    kind: fc.constantFrom('flip', 'cut', 'insert'),
  });
  fc.assert(
    fc.property(requestArb, fc.array(mutation, { minLength: 1, maxLength: 8 }), (message, mutations) => {
      let bytes = serializeSipMessage(message);
      for (const m of mutations) {
        const at = m.at % Math.max(1, bytes.length);
        if (m.kind === 'flip') bytes[at] = m.byte;
        else if (m.kind === 'cut') bytes = bytes.subarray(0, at);
        else bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from([m.byte]), bytes.subarray(at)]);
      }
      assertOnlyParseErrors(bytes);
    }),
    { numRuns: 2_000 },
  );
});
