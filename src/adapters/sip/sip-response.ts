import type { SipHeader } from './sip-headers.js';
import { headerValue, headerValues, sipResponse, type SipRequest, type SipResponse } from './sip-message.js';

/** Reason phrases of the status codes we send (RFC 3261 §21 and extensions). */
export const reasonPhrases: Readonly<Record<number, string>> = {
  100: 'Trying',
  180: 'Ringing',
  181: 'Call Is Being Forwarded',
  182: 'Queued',
  183: 'Session Progress',
  200: 'OK',
  202: 'Accepted',
  300: 'Multiple Choices',
  301: 'Moved Permanently',
  302: 'Moved Temporarily',
  305: 'Use Proxy',
  380: 'Alternative Service',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  407: 'Proxy Authentication Required',
  408: 'Request Timeout',
  410: 'Gone',
  413: 'Request Entity Too Large',
  414: 'Request-URI Too Long',
  415: 'Unsupported Media Type',
  416: 'Unsupported URI Scheme',
  420: 'Bad Extension',
  480: 'Temporarily Unavailable',
  481: 'Call/Transaction Does Not Exist',
  482: 'Loop Detected',
  483: 'Too Many Hops',
  484: 'Address Incomplete',
  486: 'Busy Here',
  487: 'Request Terminated',
  488: 'Not Acceptable Here',
  491: 'Request Pending',
  500: 'Server Internal Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
  504: 'Server Time-out',
  505: 'Version Not Supported',
  513: 'Message Too Large',
  600: 'Busy Everywhere',
  603: 'Decline',
  604: 'Does Not Exist Anywhere',
  606: 'Not Acceptable',
};

export interface ResponseOptions {
  readonly reason?: string;
  /** Added to To when it has no tag yet (every response but 100 needs one, §8.2.6.2). */
  readonly toTag?: string;
  readonly headers?: readonly SipHeader[];
  readonly body?: Buffer;
}

/**
 * A response to a request as §8.2.6.2 builds it: the Vias in order, From, To (with our tag), Call-ID and CSeq
 * copied; for 100 Trying also Timestamp. Works on the `partial` of a SipParseError too, to answer 400.
 */
export function createResponse(
  request: Pick<SipRequest, 'headers'>,
  status: number,
  options: ResponseOptions = {},
): SipResponse {
  const headers: SipHeader[] = headerValues(request, 'Via').map((value) => ({ name: 'Via', value }));
  const from = headerValue(request, 'From');
  if (from !== undefined) headers.push({ name: 'From', value: from });
  const to = headerValue(request, 'To');
  if (to !== undefined) {
    const needsTag = status > 100 && options.toTag !== undefined && !/;\s*tag\s*=/i.test(to);
    headers.push({ name: 'To', value: needsTag ? `${to};tag=${options.toTag}` : to });
  }
  for (const name of ['Call-ID', 'CSeq', ...(status === 100 ? ['Timestamp'] : [])]) {
    const value = headerValue(request, name);
    if (value !== undefined) headers.push({ name, value });
  }
  headers.push(...(options.headers ?? []));
  return sipResponse(status, options.reason ?? reasonPhrases[status] ?? 'Unknown', headers, options.body);
}
