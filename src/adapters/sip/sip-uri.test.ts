import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { formatNameAddr, parseNameAddr, withTag } from './sip-name-addr.js';
import { SipParseError } from './sip-parse-error.js';
import { formatUri, parseUri, phoneNumberOf, type SipUri, type Uri } from './sip-uri.js';
import { formatVia, newBranch, parseVia } from './sip-via.js';

const sipUri = (uri: Uri): SipUri => {
  assert.ok(uri.scheme !== 'tel');
  return uri;
};

test('a SIP URI yields user, password, host, port, parameters and headers', () => {
  const uri = sipUri(parseUri('sips:%2B31%20612@[2001:db8::2]:5061;transport=tcp;lr?subject=hallo&priority=urgent'));
  assert.equal(uri.scheme, 'sips');
  assert.equal(uri.user, '+31 612');
  assert.equal(uri.host, '[2001:db8::2]');
  assert.equal(uri.port, 5061);
  assert.deepEqual(
    [...uri.params],
    [
      ['transport', 'tcp'],
      ['lr', null],
    ],
  );
  assert.deepEqual(
    [...uri.headers],
    [
      ['subject', 'hallo'],
      ['priority', 'urgent'],
    ],
  );
  const withPassword = sipUri(parseUri('SIP:alice:geheim@example.org'));
  assert.deepEqual(
    [withPassword.scheme, withPassword.user, withPassword.password, withPassword.port],
    ['sip', 'alice', 'geheim', null],
  );
  assert.equal(sipUri(parseUri('sip:example.org')).user, null);
});

test('a tel URI and numeric user parts give the phone number without separators', () => {
  assert.equal(phoneNumberOf(parseUri('tel:+31-20-123.4567;phone-context=+31')), '+31201234567');
  assert.equal(phoneNumberOf(parseUri('sip:+31612345678;isub=1@platform.example;user=phone')), '+31612345678');
  assert.equal(phoneNumberOf(parseUri('sip:0612345678@192.0.2.1')), '0612345678');
  assert.equal(phoneNumberOf(parseUri('sip:anonymous@anonymous.invalid')), null);
  assert.equal(phoneNumberOf(parseUri('sip:example.org')), null);
});

test('malformed URIs fail with sip.bad-uri', () => {
  for (const text of [
    'http://example.org',
    'sip:',
    'sip:a b@c',
    'sip:a@',
    'sip:a@host:0',
    'sip:a@host:70000',
    'sip:a@[::1',
    'sip:%zz@h',
    'sip:%ff@h',
    'sip:a@h;=x',
    'sip:a@h?=x',
    'tel:',
    'tel:abc+',
  ]) {
    assert.throws(
      () => parseUri(text),
      (e: unknown) => e instanceof SipParseError && e.code === 'sip.bad-uri',
      text,
    );
  }
});

test('name-addr: quoted and token display names, addr-spec whose parameters belong to the header', () => {
  const quoted = parseNameAddr('"Jan \\"de\\" Vries" <sip:+31612345678@p.example;user=phone>;tag=abc');
  assert.equal(quoted.displayName, 'Jan "de" Vries');
  assert.equal(phoneNumberOf(quoted.uri), '+31612345678');
  assert.equal(quoted.params.get('tag'), 'abc');
  const token = parseNameAddr('Jan  Vries <tel:+31201234567>');
  assert.equal(token.displayName, 'Jan Vries');
  const spec = parseNameAddr('sip:a@b;tag=1');
  assert.equal(spec.displayName, null);
  assert.equal(sipUri(spec.uri).params.size, 0);
  assert.equal(spec.params.get('tag'), '1');
  assert.equal(formatNameAddr(withTag(parseNameAddr('<sip:a@b>'), 'xyz')), '<sip:a@b>;tag=xyz');
  for (const bad of [
    '"unterminated <sip:a@b>',
    '"x" sip:a@b',
    '<sip:a@b',
    'sip:a@b, sip:c@d',
    '<sip:a@b> junk',
    'J@n <sip:a@b>',
  ]) {
    assert.throws(() => parseNameAddr(bad), SipParseError, bad);
  }
});

test('Via: transport, host, port and branch; a new branch has the RFC 3261 cookie and is unique', () => {
  const via = parseVia('SIP / 2.0 / tcp 192.0.2.1:5080 ;branch=z9hG4bK77;received=192.0.2.9;rport');
  assert.deepEqual(
    [via.transport, via.host, via.port, via.params.get('branch'), via.params.get('rport')],
    ['TCP', '192.0.2.1', 5080, 'z9hG4bK77', null],
  );
  assert.equal(formatVia(via), 'SIP/2.0/TCP 192.0.2.1:5080;branch=z9hG4bK77;received=192.0.2.9;rport');
  const a = newBranch();
  assert.match(a, /^z9hG4bK[A-Za-z0-9_-]{16}$/);
  assert.notEqual(a, newBranch());
  for (const bad of ['SIP/2.0/UDP', 'SIP/1.0/UDP h', 'SIP/2.0/UDP h;=1', 'SIP/2.0/UDP h:port'])
    assert.throws(() => parseVia(bad), SipParseError, bad);
});

// --- properties

const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?$/);
const host = fc.oneof(
  fc.array(label, { minLength: 1, maxLength: 4 }).map((l) => l.join('.')),
  fc.ipV4(),
  fc.ipV6().map((a) => `[${a}]`),
);
const paramName = fc.stringMatching(/^[a-z0-9\-.!%*_+`'~]{1,10}$/);
const paramValue = fc.option(fc.stringMatching(/^[A-Za-z0-9\-_.!~*'()[\]/:&+$]{1,12}$/), { nil: null });
const params = fc
  .uniqueArray(fc.tuple(paramName, paramValue), { selector: ([n]) => n, maxLength: 4 })
  .map((e) => new Map(e));
const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 16 });
const sipUriArb = fc
  .record({
    scheme: fc.constantFrom('sip' as const, 'sips' as const),
    user: fc.option(text, { nil: null }),
    password: fc.constant(null),
    host,
    port: fc.option(fc.integer({ min: 1, max: 65_535 }), { nil: null }),
    params,
    headers: fc
      .uniqueArray(
        fc.tuple(
          fc.stringMatching(/^[A-Za-z0-9]{1,8}$/),
          fc.stringMatching(/^[A-Za-z0-9%:+]{0,8}$/).filter((v) => !/%(?![0-9A-Fa-f]{2})/.test(v)),
        ),
        { selector: ([n]) => n, maxLength: 3 },
      )
      .map((e) => new Map(e)),
  })
  .map((u): SipUri => (u.user === null ? u : { ...u, password: null }));
const telUriArb = fc.record({
  scheme: fc.constant('tel' as const),
  number: fc.stringMatching(/^\+[0-9]{1,15}$/),
  params,
});
const uriArb: fc.Arbitrary<Uri> = fc.oneof(sipUriArb, telUriArb);

test('property: a formatted URI parses back to the same URI', () => {
  fc.assert(fc.property(uriArb, (uri) => assert.deepEqual(parseUri(formatUri(uri)), { ...uri })));
});

test('property: a formatted name-addr parses back to the same name-addr', () => {
  const display = fc.option(
    fc.string({ unit: 'grapheme', maxLength: 20 }).filter((s) => !/[\0-\x1f\x7f]/.test(s)),
    { nil: null },
  );
  const headerParams = fc
    .uniqueArray(fc.tuple(paramName, fc.option(fc.stringMatching(/^[A-Za-z0-9\-.!%*_+`'~]{1,10}$/), { nil: null })), {
      selector: ([n]) => n,
      maxLength: 3,
    })
    .map((e) => new Map(e));
  fc.assert(
    fc.property(display, uriArb, headerParams, (displayName, uri, p) => {
      assert.deepEqual(parseNameAddr(formatNameAddr({ displayName, uri, params: p })), {
        displayName,
        uri: { ...uri },
        params: p,
      });
    }),
  );
});

test('property: arbitrary text never makes the URI, name-addr or Via parsers throw anything but SipParseError', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 200 }), fc.constantFrom(parseUri, parseNameAddr, parseVia), (input, parse) => {
      try {
        parse(input);
      } catch (error) {
        if (!(error instanceof SipParseError)) throw error;
      }
    }),
    { numRuns: 3_000 },
  );
});
