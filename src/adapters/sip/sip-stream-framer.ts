import { canonicalHeaderName } from './sip-headers.js';
import { defaultSipLimits, type SipLimits } from './sip-message.js';
import { SipParseError } from './sip-parse-error.js';
import { findHeadEnd, skipLeadingNewlines } from './sip-parser.js';

/**
 * Cuts a TCP byte stream into whole SIP messages (§18.3: Content-Length is mandatory on a stream). Keeps at
 * most one message's worth of bytes; a head without an end within the limit, or a missing or bad
 * Content-Length, throws SipParseError and the connection should be closed (framing is lost).
 */
export class SipStreamFramer {
  readonly #limits: SipLimits;
  #buffer: Buffer = Buffer.alloc(0);

  constructor(limits: SipLimits = defaultSipLimits) {
    this.#limits = limits;
  }

  /** Adds received bytes; returns the complete messages now available, in order. */
  push(chunk: Buffer): Buffer[] {
    this.#buffer = this.#buffer.length === 0 ? chunk : Buffer.concat([this.#buffer, chunk]);
    const frames: Buffer[] = [];
    for (;;) {
      const skip = skipLeadingNewlines(this.#buffer);
      if (skip > 0) this.#buffer = this.#buffer.subarray(skip);
      if (this.#buffer.length === 0) break;
      const end = findHeadEnd(this.#buffer);
      if (end === null) {
        if (this.#buffer.length > this.#limits.maxMessageBytes)
          throw new SipParseError('sip.too-large', 'message head exceeds the size limit');
        break;
      }
      const length = contentLength(this.#buffer.toString('utf8', 0, end.headEnd));
      const total = end.bodyStart + length;
      if (total > this.#limits.maxMessageBytes)
        throw new SipParseError('sip.too-large', 'message exceeds the size limit');
      if (this.#buffer.length < total) break;
      frames.push(Buffer.from(this.#buffer.subarray(0, total)));
      this.#buffer = this.#buffer.subarray(total);
    }
    return frames;
  }

  /** Bytes held for an incomplete message. */
  get pending(): number {
    return this.#buffer.length;
  }
}

function contentLength(head: string): number {
  let length: number | null = null;
  for (const line of head.split('\n')) {
    const colon = line.indexOf(':');
    if (colon === -1 || line.startsWith(' ') || line.startsWith('\t')) continue;
    if (canonicalHeaderName(line.slice(0, colon).trim()) !== 'Content-Length') continue;
    const value = line.slice(colon + 1).trim();
    if (!/^[0-9]{1,10}$/.test(value) || (length !== null && length !== Number(value))) {
      throw new SipParseError('sip.bad-content-length', 'Content-Length is not a valid length');
    }
    length = Number(value);
  }
  if (length === null) throw new SipParseError('sip.bad-content-length', 'Content-Length is required on a stream');
  return length;
}
