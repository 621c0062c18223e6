import { canonicalHeaderName, splitHeaderList, tokenPattern, type SipHeader } from './sip-headers.js';
import { defaultSipLimits, headerValue, headerValues, type SipLimits, type SipMessage } from './sip-message.js';
import { SipParseError } from './sip-parse-error.js';
import { parseCSeq } from './sip-ids.js';
import { parseVia } from './sip-via.js';

const requestLine = /^([A-Za-z0-9\-.!%*_+`'~]+) (\S+) SIP\/2\.0$/i;
const statusLine = /^SIP\/2\.0 ([1-6][0-9]{2})(?: (.*))?$/i;
const schemePrefix = /^[A-Za-z][A-Za-z0-9+\-.]*:/;
// Control characters other than HTAB have no place in a header line; a lone CR could smuggle a header
// into a response that copies the value.
const controlCharacter = /[\0-\x08\x0a-\x1f\x7f]/;

/** Where the head ends: the first empty line (CRLF CRLF, or bare LF LF from lax peers). */
export function findHeadEnd(
  bytes: Uint8Array,
  from = 0,
): { readonly headEnd: number; readonly bodyStart: number } | null {
  for (let i = from; i < bytes.length; i++) {
    if (bytes[i] !== 0x0a) continue;
    if (bytes[i + 1] === 0x0a) return { headEnd: i, bodyStart: i + 2 };
    if (bytes[i + 1] === 0x0d && bytes[i + 2] === 0x0a) return { headEnd: i, bodyStart: i + 3 };
  }
  return null;
}

/** Leading CR and LF bytes (keep-alives, §7.5) that come before a start line. */
export function skipLeadingNewlines(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length && (bytes[i] === 0x0d || bytes[i] === 0x0a)) i++;
  return i;
}

/**
 * Reads one complete SIP message (a UDP datagram, or a frame cut from a TCP stream). Throws only
 * SipParseError, whatever the input. Checks what every request and response needs to be answered or
 * matched to a transaction: a readable top Via, From, To, Call-ID and a CSeq (whose method is the request's).
 */
export function parseSipMessage(input: Uint8Array | string, limits: SipLimits = defaultSipLimits): SipMessage {
  const bytes =
    typeof input === 'string'
      ? Buffer.from(input, 'utf8')
      : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (bytes.length > limits.maxMessageBytes) throw new SipParseError('sip.too-large', 'message exceeds the size limit');
  const start = skipLeadingNewlines(bytes);
  if (start === bytes.length) throw new SipParseError('sip.empty', 'no message, only line breaks');
  const end = findHeadEnd(bytes, start);
  if (end === null) throw new SipParseError('sip.no-header-end', 'no empty line after the headers');

  const lines = bytes
    .toString('utf8', start, end.headEnd)
    .split('\n')
    .map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const startLine = lines[0] ?? '';
  if (Buffer.byteLength(startLine) > limits.maxHeaderLineBytes)
    throw new SipParseError('sip.header-too-long', 'start line exceeds the limit');
  if (controlCharacter.test(startLine))
    throw new SipParseError('sip.bad-start-line', 'start line contains control characters');

  const { headers, error: headerError } = parseHeaderLines(lines.slice(1), limits);
  const body = bytes.subarray(end.bodyStart);
  const statusMatch = statusLine.exec(startLine);
  const requestMatch = statusMatch === null ? requestLine.exec(startLine) : null;
  let message: SipMessage;
  if (statusMatch !== null) {
    message = { kind: 'response', status: Number(statusMatch[1]), reason: statusMatch[2] ?? '', headers, body };
  } else if (requestMatch?.[1] !== undefined && requestMatch[2] !== undefined && schemePrefix.test(requestMatch[2])) {
    message = { kind: 'request', method: requestMatch[1], uri: requestMatch[2], headers, body };
  } else {
    throw new SipParseError('sip.bad-start-line', 'neither a request line nor a status line');
  }
  if (headerError !== null) throw new SipParseError(headerError.code, headerError.message, { partial: message });
  return checkMessage({ ...message, body: bodyOf(message, body, limits) });
}

/**
 * Reads the header lines. A line that is not a header (or too long) is skipped and reported once all lines are
 * read, so that the error carries the good headers and the message can still be answered with 400.
 */
function parseHeaderLines(
  lines: readonly string[],
  limits: SipLimits,
): { headers: SipHeader[]; error: SipParseError | null } {
  const headers: SipHeader[] = [];
  let error: SipParseError | null = null;
  let current: { name: string; value: string } | null = null;
  const push = () => {
    if (current === null) return;
    if (Buffer.byteLength(current.name) + Buffer.byteLength(current.value) + 1 > limits.maxHeaderLineBytes) {
      error ??= new SipParseError('sip.header-too-long', 'header line exceeds the limit');
    } else {
      headers.push({ name: current.name, value: current.value.trim() });
    }
    current = null;
  };
  let skipping = false;
  for (const line of lines) {
    if (line.startsWith(' ') || line.startsWith('\t')) {
      // Line folding (§7.3.1): a continuation of the previous header.
      if (current === null && !skipping)
        error ??= new SipParseError('sip.bad-header', 'continuation line without a header');
      if (current !== null) current.value += ` ${line.trim()}`;
    } else {
      push();
      skipping = false;
      if (headers.length >= limits.maxHeaders) throw new SipParseError('sip.too-many-headers', 'too many headers');
      const colon = line.indexOf(':');
      const name = colon === -1 ? '' : line.slice(0, colon).trimEnd();
      if (!tokenPattern.test(name)) {
        error ??= new SipParseError('sip.bad-header', 'header line without a valid name');
        skipping = true;
        continue;
      }
      current = { name: canonicalHeaderName(name), value: line.slice(colon + 1) };
    }
    if (controlCharacter.test(line)) {
      error ??= new SipParseError('sip.bad-header', 'header line contains control characters');
      current = null;
      skipping = true;
    } else if (current !== null && current.value.length > limits.maxHeaderLineBytes) {
      // Stop growing a folded line long before the end of the message.
      error ??= new SipParseError('sip.header-too-long', 'header line exceeds the limit');
      current = null;
      skipping = true;
    }
  }
  push();
  return { headers, error };
}

function bodyOf(partial: SipMessage, rest: Buffer, limits: SipLimits): Buffer {
  const lengths = headerValues(partial, 'Content-Length');
  if (lengths.length === 0) return rest;
  const first = lengths[0] ?? '';
  if (
    !/^[0-9]{1,10}$/.test(first) ||
    lengths.some((l) => Number(l) !== Number(first)) ||
    Number(first) > limits.maxMessageBytes
  ) {
    throw new SipParseError('sip.bad-content-length', 'Content-Length is not a valid length', { partial });
  }
  const length = Number(first);
  if (rest.length < length)
    throw new SipParseError('sip.body-incomplete', 'body is shorter than Content-Length', { partial });
  // Bytes after Content-Length in a datagram are discarded (§18.3).
  return rest.subarray(0, length);
}

function checkMessage(message: SipMessage): SipMessage {
  for (const name of ['Via', 'From', 'To', 'Call-ID', 'CSeq']) {
    if (headerValue(message, name) === undefined)
      throw new SipParseError('sip.missing-header', `${name} header is missing`, { partial: message });
  }
  try {
    const vias = headerValues(message, 'Via').flatMap(splitHeaderList);
    if (vias.length === 0) throw new SipParseError('sip.bad-via', 'Via header is empty');
    vias.forEach(parseVia);
    const cseq = parseCSeq(headerValue(message, 'CSeq') ?? '');
    if (message.kind === 'request' && cseq.method !== message.method) {
      throw new SipParseError('sip.bad-cseq', 'CSeq method differs from the request method');
    }
  } catch (error) {
    if (error instanceof SipParseError)
      throw new SipParseError(error.code, error.message, { partial: message, cause: error });
    throw error;
  }
  return message;
}
