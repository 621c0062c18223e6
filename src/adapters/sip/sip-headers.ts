/** One header field as it appeared (after unfolding), with its name in the long, canonical form. */
export interface SipHeader {
  readonly name: string;
  readonly value: string;
}

/** Compact forms (RFC 3261 §7.3.3 and the extensions that define one). */
const compactForms: Readonly<Record<string, string>> = {
  a: 'Accept-Contact',
  b: 'Referred-By',
  c: 'Content-Type',
  d: 'Request-Disposition',
  e: 'Content-Encoding',
  f: 'From',
  i: 'Call-ID',
  j: 'Reject-Contact',
  k: 'Supported',
  l: 'Content-Length',
  m: 'Contact',
  o: 'Event',
  r: 'Refer-To',
  s: 'Subject',
  t: 'To',
  u: 'Allow-Events',
  v: 'Via',
  x: 'Session-Expires',
  y: 'Identity',
};

const wellKnown = [
  'Accept',
  'Accept-Encoding',
  'Accept-Language',
  'Alert-Info',
  'Allow',
  'Authentication-Info',
  'Authorization',
  'Call-ID',
  'Call-Info',
  'Contact',
  'Content-Disposition',
  'Content-Encoding',
  'Content-Language',
  'Content-Length',
  'Content-Type',
  'CSeq',
  'Date',
  'Error-Info',
  'Expires',
  'From',
  'In-Reply-To',
  'Max-Forwards',
  'MIME-Version',
  'Min-Expires',
  'Organization',
  'P-Asserted-Identity',
  'P-Preferred-Identity',
  'Priority',
  'Privacy',
  'Proxy-Authenticate',
  'Proxy-Authorization',
  'Proxy-Require',
  'Reason',
  'Record-Route',
  'Remote-Party-ID',
  'Reply-To',
  'Require',
  'Retry-After',
  'Route',
  'RSeq',
  'RAck',
  'Server',
  'Session-Expires',
  'Subject',
  'Supported',
  'Timestamp',
  'To',
  'Unsupported',
  'User-Agent',
  'Via',
  'Warning',
  'WWW-Authenticate',
  'Diversion',
  'History-Info',
];
const canonicalByLower = new Map<string, string>([
  ...wellKnown.map((n) => [n.toLowerCase(), n] as const),
  ...Object.entries(compactForms),
]);

/** "v" → "Via", "call-id" → "Call-ID"; an unknown name is kept as written. */
export function canonicalHeaderName(name: string): string {
  return canonicalByLower.get(name.toLowerCase()) ?? name;
}

/** RFC 3261 token characters (header names, methods, parameter names). */
export const tokenPattern = /^[A-Za-z0-9\-.!%*_+`'~]+$/;

/**
 * Splits a header value on the commas that separate list elements ("SIP/2.0/UDP a, SIP/2.0/UDP b"), not on
 * commas inside a quoted display name or between angle brackets. Only for headers whose grammar is a
 * comma list (Via, Contact, Route, Record-Route, Allow, Supported, P-Asserted-Identity…), never for
 * WWW-Authenticate or Date.
 */
export function splitHeaderList(value: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let inQuotes = false;
  let inAngle = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (inQuotes) {
      if (ch === '\\') i++;
      else if (ch === '"') inQuotes = false;
    } else if (ch === '"') inQuotes = true;
    else if (ch === '<') inAngle = true;
    else if (ch === '>') inAngle = false;
    else if (ch === ',' && !inAngle) {
      parts.push(value.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(value.slice(start).trim());
  return parts.filter((p) => p.length > 0);
}
