import assert from 'node:assert/strict';
import { test } from 'node:test';
import { headerValue, headerValues } from './sip-message.js';
import { SipParseError } from './sip-parse-error.js';
import { parseSipMessage } from './sip-parser.js';
import { createResponse } from './sip-response.js';

const request = parseSipMessage(
  [
    'INVITE sip:08000011@r SIP/2.0',
    'Via: SIP/2.0/UDP p1;branch=z9hG4bK1',
    'Via: SIP/2.0/UDP p2;branch=z9hG4bK2',
    'From: <sip:a@b>;tag=f',
    'To: <sip:08000011@r>',
    'Call-ID: id1',
    'CSeq: 7 INVITE',
    'Timestamp: 54',
    '',
    '',
  ].join('\r\n'),
);

test('a response copies Vias in order, From, Call-ID and CSeq, and tags the To', () => {
  const response = createResponse(request, 302, {
    toTag: 't1',
    headers: [{ name: 'Contact', value: '<sip:rk@politie.nl>' }],
  });
  assert.equal(response.reason, 'Moved Temporarily');
  assert.deepEqual(headerValues(response, 'Via'), ['SIP/2.0/UDP p1;branch=z9hG4bK1', 'SIP/2.0/UDP p2;branch=z9hG4bK2']);
  assert.equal(headerValue(response, 'To'), '<sip:08000011@r>;tag=t1');
  assert.equal(headerValue(response, 'From'), '<sip:a@b>;tag=f');
  assert.equal(headerValue(response, 'CSeq'), '7 INVITE');
  assert.equal(headerValue(response, 'Contact'), '<sip:rk@politie.nl>');
  assert.equal(headerValue(response, 'Timestamp'), undefined);
  assert.equal(headerValue(createResponse(request, 100), 'Timestamp'), '54');
  assert.equal(headerValue(createResponse(request, 100, { toTag: 'x' }), 'To'), '<sip:08000011@r>');
});

test('a 400 can be built from what a failed parse recovered', () => {
  try {
    parseSipMessage(
      'OPTIONS sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP p;branch=z9hG4bK3\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:c@d>\r\nCall-ID: z\r\nCSeq: 1 INVITE\r\n\r\n',
    );
    assert.fail('expected a parse error');
  } catch (error) {
    assert.ok(error instanceof SipParseError && error.partial !== undefined);
    const response = createResponse(error.partial, 400, { toTag: 't' });
    assert.equal(response.status, 400);
    assert.equal(headerValue(response, 'Call-ID'), 'z');
  }
});
