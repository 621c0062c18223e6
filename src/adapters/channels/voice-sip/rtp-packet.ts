/** RTP fixed header (RFC 3550 §5.1), no CSRC or extension: 12 bytes. */
export const RTP_HEADER_BYTES = 12;

export interface RtpHeader {
  readonly payloadType: number;
  readonly marker: boolean;
  readonly sequence: number;
  readonly timestamp: number;
  readonly ssrc: number;
}

export function writeRtpPacket(header: RtpHeader, payload: Uint8Array, into?: Buffer): Buffer {
  const packet = into ?? Buffer.alloc(RTP_HEADER_BYTES + payload.length);
  packet[0] = 0x80; // version 2, no padding, no extension, no CSRC
  packet[1] = (header.marker ? 0x80 : 0) | (header.payloadType & 0x7f);
  packet.writeUInt16BE(header.sequence & 0xffff, 2);
  packet.writeUInt32BE(header.timestamp >>> 0, 4);
  packet.writeUInt32BE(header.ssrc >>> 0, 8);
  packet.set(payload, RTP_HEADER_BYTES);
  return packet;
}

export interface RtpPacket extends RtpHeader {
  readonly payload: Buffer;
}

/** Reads an RTP packet from the network; null for anything that is not one. */
export function readRtpPacket(data: Buffer): RtpPacket | null {
  if (data.length < RTP_HEADER_BYTES || data[0]! >> 6 !== 2) return null;
  const csrcCount = data[0]! & 0x0f;
  const hasExtension = (data[0]! & 0x10) !== 0;
  const hasPadding = (data[0]! & 0x20) !== 0;
  let offset = RTP_HEADER_BYTES + csrcCount * 4;
  if (hasExtension) {
    if (data.length < offset + 4) return null;
    offset += 4 + data.readUInt16BE(offset + 2) * 4;
  }
  let end = data.length;
  if (hasPadding) end -= data[data.length - 1]!;
  if (offset > end) return null;
  return {
    payloadType: data[1]! & 0x7f,
    marker: (data[1]! & 0x80) !== 0,
    sequence: data.readUInt16BE(2),
    timestamp: data.readUInt32BE(4),
    ssrc: data.readUInt32BE(8),
    payload: data.subarray(offset, end),
  };
}

/** An RFC 4733 telephone-event: which key, and whether this packet ends it. */
export interface TelephoneEvent {
  /** 0–9, 10 = *, 11 = #, 12–15 = A–D. */
  readonly event: number;
  readonly end: boolean;
  readonly volume: number;
  readonly duration: number;
}

export function readTelephoneEvent(payload: Buffer): TelephoneEvent | null {
  if (payload.length < 4) return null;
  return {
    event: payload[0]!,
    end: (payload[1]! & 0x80) !== 0,
    volume: payload[1]! & 0x3f,
    duration: payload.readUInt16BE(2),
  };
}

export function writeTelephoneEvent(e: TelephoneEvent): Buffer {
  const payload = Buffer.alloc(4);
  payload[0] = e.event;
  payload[1] = (e.end ? 0x80 : 0) | (e.volume & 0x3f);
  payload.writeUInt16BE(e.duration & 0xffff, 2);
  return payload;
}
