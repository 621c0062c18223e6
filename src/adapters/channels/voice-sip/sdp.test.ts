import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { formatSdpOffer, parseSdpAnswer } from './sdp.js';

const answer = (lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n`);

describe('SDP', () => {
  it('offers PCMA, PCMU and telephone-event', () => {
    const offer = formatSdpOffer({ address: '127.0.0.1', port: 40_000, sessionId: '42' }).toString();
    assert.match(offer, /^m=audio 40000 RTP\/AVP 8 0 101\r$/m);
    assert.match(offer, /^a=rtpmap:101 telephone-event\/8000\r$/m);
    assert.match(offer, /^c=IN IP4 127\.0\.0\.1\r$/m);
  });

  it("takes the answer's first codec, its address and its telephone-event type", () => {
    const result = parseSdpAnswer(
      answer([
        'v=0',
        'o=- 1 1 IN IP4 10.0.0.1',
        's=-',
        'c=IN IP4 192.0.2.5',
        't=0 0',
        'm=audio 30000 RTP/AVP 0 96',
        'a=rtpmap:0 PCMU/8000',
        'a=rtpmap:96 telephone-event/8000',
      ]),
    );
    assert.deepEqual(result, {
      ok: true,
      answer: { address: '192.0.2.5', port: 30_000, codec: 'PCMU', payloadType: 0, eventPayloadType: 96 },
    });
  });

  it('prefers a media-level address and knows static types without rtpmap', () => {
    const result = parseSdpAnswer(
      answer(['v=0', 'c=IN IP4 192.0.2.5', 'm=audio 30000 RTP/AVP 8', 'c=IN IP4 192.0.2.9']),
    );
    assert.ok(result.ok);
    assert.equal(result.answer.address, '192.0.2.9');
    assert.equal(result.answer.codec, 'PCMA');
    assert.equal(result.answer.eventPayloadType, null);
  });

  it('says why an answer cannot be used', () => {
    assert.deepEqual(parseSdpAnswer(Buffer.alloc(0)), { ok: false, reason: 'no SDP' });
    assert.deepEqual(parseSdpAnswer(answer(['v=0', 'c=IN IP4 1.2.3.4', 'm=audio 0 RTP/AVP 8'])), {
      ok: false,
      reason: 'audio stream refused',
    });
    assert.deepEqual(
      parseSdpAnswer(answer(['v=0', 'c=IN IP4 1.2.3.4', 'm=audio 5000 RTP/AVP 18', 'a=rtpmap:18 G729/8000'])),
      { ok: false, reason: 'no common codec' },
    );
    assert.deepEqual(parseSdpAnswer(answer(['v=0', 'm=audio 5000 RTP/AVP 8'])), {
      ok: false,
      reason: 'SDP has no connection address',
    });
    assert.deepEqual(parseSdpAnswer(Buffer.alloc(9_000, 'a')), { ok: false, reason: 'SDP too large' });
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2_000 }), (bytes) => {
        const result = parseSdpAnswer(Buffer.from(bytes));
        assert.equal(typeof result.ok, 'boolean');
      }),
    );
  });
});
