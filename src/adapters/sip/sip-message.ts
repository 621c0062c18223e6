import { canonicalHeaderName, splitHeaderList, tokenPattern, type SipHeader } from './sip-headers.js';

export type { SipHeader } from './sip-headers.js';

/** A SIP request (RFC 3261 §7.1). Header names are canonical (compact forms expanded); the body is bytes. */
export interface SipRequest {
  readonly kind: 'request';
  readonly method: string;
  readonly uri: string;
  readonly headers: readonly SipHeader[];
  readonly body: Buffer;
}

/** A SIP response (RFC 3261 §7.2). */
export interface SipResponse {
  readonly kind: 'response';
  readonly status: number;
  readonly reason: string;
  readonly headers: readonly SipHeader[];
  readonly body: Buffer;
}

export type SipMessage = SipRequest | SipResponse;

/** How much a peer may send us; everything beyond is refused before it costs memory or time. */
export interface SipLimits {
  /** Whole message (start line, headers and body), in bytes. */
  readonly maxMessageBytes: number;
  readonly maxHeaders: number;
  /** One header line after unfolding, in bytes (also the start line). */
  readonly maxHeaderLineBytes: number;
}

export const defaultSipLimits: SipLimits = Object.freeze({
  maxMessageBytes: 65_535,
  maxHeaders: 128,
  maxHeaderLineBytes: 8_192,
});

const emptyBody = Buffer.alloc(0);

export function sipRequest(
  method: string,
  uri: string,
  headers: readonly SipHeader[],
  body: Buffer = emptyBody,
): SipRequest {
  return {
    kind: 'request',
    method,
    uri,
    headers: headers.map((h) => ({ name: canonicalHeaderName(h.name), value: h.value })),
    body,
  };
}

export function sipResponse(
  status: number,
  reason: string,
  headers: readonly SipHeader[],
  body: Buffer = emptyBody,
): SipResponse {
  return {
    kind: 'response',
    status,
    reason,
    headers: headers.map((h) => ({ name: canonicalHeaderName(h.name), value: h.value })),
    body,
  };
}

const sameName = (name: string) => {
  const wanted = canonicalHeaderName(name).toLowerCase();
  return (h: SipHeader) => h.name.toLowerCase() === wanted;
};

/** The first value of a header (compact or long name, any case), or undefined. */
export function headerValue(message: Pick<SipMessage, 'headers'>, name: string): string | undefined {
  return message.headers.find(sameName(name))?.value;
}

/** Every occurrence of a header, in order, as written. */
export function headerValues(message: Pick<SipMessage, 'headers'>, name: string): string[] {
  return message.headers.filter(sameName(name)).map((h) => h.value);
}

/** Every element of a comma-list header (Via, Contact, Route…) over all its occurrences, in order. */
export function headerListValues(message: Pick<SipMessage, 'headers'>, name: string): string[] {
  return headerValues(message, name).flatMap(splitHeaderList);
}

const forbiddenInValue = /[\0\r\n]/;

/**
 * The wire form. Content-Length is always written, last, from the body, whatever the headers say. A name
 * that is not a token or a value with CR, LF or NUL is a bug in the caller (it would let a peer's data
 * inject headers) and throws.
 */
export function serializeSipMessage(message: SipMessage): Buffer {
  const lines: string[] = [
    message.kind === 'request'
      ? `${message.method} ${message.uri} SIP/2.0`
      : `SIP/2.0 ${message.status} ${message.reason}`,
  ];
  if (forbiddenInValue.test(lines[0] ?? '')) throw new TypeError('SIP start line contains CR, LF or NUL');
  for (const h of message.headers) {
    if (!tokenPattern.test(h.name)) throw new TypeError(`SIP header name is not a token: ${JSON.stringify(h.name)}`);
    if (forbiddenInValue.test(h.value)) throw new TypeError(`SIP header ${h.name} contains CR, LF or NUL`);
    if (h.name.toLowerCase() === 'content-length') continue;
    lines.push(`${h.name}: ${h.value}`);
  }
  lines.push(`Content-Length: ${message.body.length}`, '', '');
  const head = Buffer.from(lines.join('\r\n'), 'utf8');
  return message.body.length === 0 ? head : Buffer.concat([head, message.body]);
}
