/** G.711 and DTMF as offered (RFC 3551 static payload types; telephone-event dynamic, RFC 4733). */
export type AudioCodec = 'PCMA' | 'PCMU';
export const STATIC_PAYLOAD: Readonly<Record<AudioCodec, number>> = { PCMA: 8, PCMU: 0 };
export const OFFERED_EVENT_PAYLOAD = 101;

export interface SdpOffer {
  readonly address: string;
  readonly port: number;
  readonly sessionId: string;
}

/** Our offer: PCMA, PCMU and telephone-event, 20 ms packets. */
export function formatSdpOffer(offer: SdpOffer): Buffer {
  const family = offer.address.includes(':') ? 'IP6' : 'IP4';
  return Buffer.from(
    [
      'v=0',
      `o=- ${offer.sessionId} 1 IN ${family} ${offer.address}`,
      's=Burgernet',
      `c=IN ${family} ${offer.address}`,
      't=0 0',
      `m=audio ${offer.port} RTP/AVP 8 0 ${OFFERED_EVENT_PAYLOAD}`,
      'a=rtpmap:8 PCMA/8000',
      'a=rtpmap:0 PCMU/8000',
      `a=rtpmap:${OFFERED_EVENT_PAYLOAD} telephone-event/8000`,
      `a=fmtp:${OFFERED_EVENT_PAYLOAD} 0-15`,
      'a=ptime:20',
      'a=sendrecv',
      '',
    ].join('\r\n'),
    'utf8',
  );
}

/** What the answer agreed: where to send, which codec, and how DTMF comes back (if it does). */
export interface SdpAnswer {
  readonly address: string;
  readonly port: number;
  readonly codec: AudioCodec;
  readonly payloadType: number;
  readonly eventPayloadType: number | null;
}

export type SdpAnswerResult =
  { readonly ok: true; readonly answer: SdpAnswer } | { readonly ok: false; readonly reason: string };

const MAX_SDP_BYTES = 8_192;
const MAX_SDP_LINES = 200;

/** Reads the first audio stream of an SDP answer (RFC 3264). Untrusted input: bounded, never throws. */
export function parseSdpAnswer(body: Buffer): SdpAnswerResult {
  if (body.length === 0) return { ok: false, reason: 'no SDP' };
  if (body.length > MAX_SDP_BYTES) return { ok: false, reason: 'SDP too large' };
  const lines = body
    .toString('utf8')
    .split(/\r?\n/)
    .filter((l) => l !== '');
  if (lines.length > MAX_SDP_LINES) return { ok: false, reason: 'SDP has too many lines' };
  let sessionAddress: string | null = null;
  let media: {
    port: number;
    formats: number[];
    address: string | null;
    rtpmap: Map<number, string>;
    inactive: boolean;
  } | null = null;
  let seenAudio = false;
  for (const line of lines) {
    const type = line[0];
    const value = line.slice(2);
    if (line[1] !== '=') return { ok: false, reason: 'SDP line without =' };
    if (type === 'm') {
      if (seenAudio) break; // only the first audio stream matters
      const m = /^audio ([0-9]{1,5}) RTP\/AVP((?: [0-9]{1,3})+)$/.exec(value);
      if (m === null) continue;
      seenAudio = true;
      media = {
        port: Number(m[1]),
        formats: m[2]!.trim().split(' ').map(Number),
        address: null,
        rtpmap: new Map(),
        inactive: false,
      };
    } else if (type === 'c') {
      const c = /^IN IP[46] ([0-9A-Fa-f.:]+)$/.exec(value);
      if (c === null) return { ok: false, reason: 'SDP connection line not understood' };
      if (media === null) sessionAddress = c[1]!;
      else media.address = c[1]!;
    } else if (type === 'a' && media !== null) {
      const rtpmap = /^rtpmap:([0-9]{1,3}) ([A-Za-z0-9\-_.]+)\/([0-9]+)/.exec(value);
      if (rtpmap !== null) media.rtpmap.set(Number(rtpmap[1]), `${rtpmap[2]!.toLowerCase()}/${rtpmap[3]}`);
      if (value === 'inactive' || value === 'recvonly') media.inactive = true;
    }
  }
  if (media === null) return { ok: false, reason: 'SDP has no audio stream' };
  const address = media.address ?? sessionAddress;
  if (address === null) return { ok: false, reason: 'SDP has no connection address' };
  if (media.port === 0 || media.port > 65_535) return { ok: false, reason: 'audio stream refused' };
  if (media.inactive) return { ok: false, reason: 'audio stream does not receive' };
  const nameOf = (pt: number) => media.rtpmap.get(pt) ?? (pt === 8 ? 'pcma/8000' : pt === 0 ? 'pcmu/8000' : null);
  for (const pt of media.formats) {
    const name = nameOf(pt);
    const codec: AudioCodec | null = name === 'pcma/8000' ? 'PCMA' : name === 'pcmu/8000' ? 'PCMU' : null;
    if (codec === null) continue;
    const eventPt = media.formats.find((f) => nameOf(f) === 'telephone-event/8000') ?? null;
    return { ok: true, answer: { address, port: media.port, codec, payloadType: pt, eventPayloadType: eventPt } };
  }
  return { ok: false, reason: 'no common codec' };
}
