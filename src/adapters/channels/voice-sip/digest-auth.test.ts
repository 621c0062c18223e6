import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { digestAuthorization, parseDigestChallenge } from './digest-auth.js';

describe('SIP digest authentication', () => {
  it('answers the RFC 2617 example with the published response', () => {
    // RFC 2617 §3.5 (an HTTP GET, but the computation is the same for SIP).
    const challenge = parseDigestChallenge(
      'Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41"',
    );
    assert.ok(challenge);
    const header = digestAuthorization({
      challenge,
      credentials: { username: 'Mufasa', password: 'Circle Of Life' },
      method: 'GET',
      uri: '/dir/index.html',
      nonceCount: 1,
      cnonce: '0a4f113b',
    });
    assert.match(header, /response="6629fae49393a05397450978507c4ef1"/);
    assert.match(header, /qop=auth, nc=00000001/);
    assert.match(header, /opaque="5ccc069c403ebaf9f0171e9517f40e41"/);
  });

  it('answers a challenge without qop the RFC 2069 way', () => {
    const challenge = parseDigestChallenge('Digest realm="sip.example", nonce="abc", algorithm=MD5');
    assert.deepEqual(challenge, { realm: 'sip.example', nonce: 'abc', opaque: null, algorithm: 'MD5', qop: null });
    const header = digestAuthorization({
      challenge: challenge,
      credentials: { username: 'u', password: 'p' },
      method: 'INVITE',
      uri: 'sip:+31201234567@sip.example',
      nonceCount: 1,
    });
    assert.doesNotMatch(header, /qop|cnonce/);
  });

  it('refuses what it cannot answer', () => {
    assert.equal(parseDigestChallenge('Basic realm="x"'), null);
    assert.equal(parseDigestChallenge('Digest realm="x", nonce="y", qop="auth-int"'), null);
    assert.equal(parseDigestChallenge('Digest realm="x", nonce="y", algorithm=SHA-512-256'), null);
    assert.equal(parseDigestChallenge('Digest realm="x"'), null);
    assert.equal(parseDigestChallenge('Digest realm="x, nonce="y'), null);
    assert.equal(parseDigestChallenge(`Digest realm="${'x'.repeat(5_000)}", nonce="y"`), null);
  });

  it('escapes quotes in the user name so that it cannot add parameters', () => {
    const challenge = parseDigestChallenge('Digest realm="r", nonce="n"')!;
    const header = digestAuthorization({
      challenge,
      credentials: { username: 'a", response="x', password: 'p' },
      method: 'INVITE',
      uri: 'sip:a@b',
      nonceCount: 1,
    });
    assert.match(header, /^Digest username="a\\", response=\\"x"/);
  });
});
