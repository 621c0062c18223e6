import { randomBytes } from 'node:crypto';
import { formatHostPort, parseHostPort } from './sip-host.js';
import { formatParams, parseParams, type SipParams } from './sip-params.js';
import { SipParseError } from './sip-parse-error.js';

/** One Via element (RFC 3261 §20.42): "SIP/2.0/UDP host:port;branch=…". */
export interface Via {
  /** Upper case: UDP, TCP, TLS, SCTP, WS… */
  readonly transport: string;
  readonly host: string;
  readonly port: number | null;
  readonly params: SipParams;
}

/** The magic cookie that marks an RFC 3261 branch (§8.1.1.7). */
export const branchCookie = 'z9hG4bK';

const viaPattern = /^SIP\s*\/\s*2\.0\s*\/\s*([A-Za-z0-9\-.!%*_+`'~]+)\s+([^\s;]+)\s*(;.*)?$/i;

export function parseVia(value: string): Via {
  const match = viaPattern.exec(value.trim());
  const hostPort = match?.[2] === undefined ? null : parseHostPort(match[2]);
  const params = parseParams(match?.[3] ?? '');
  if (match?.[1] === undefined || hostPort === null || params === null)
    throw new SipParseError('sip.bad-via', 'Via header is malformed');
  return { transport: match[1].toUpperCase(), host: hostPort.host, port: hostPort.port, params };
}

export function formatVia(via: Via): string {
  return `SIP/2.0/${via.transport} ${formatHostPort(via)}${formatParams(via.params)}`;
}

/** A fresh, unique branch for a new client transaction. */
export function newBranch(): string {
  return branchCookie + randomBytes(12).toString('base64url');
}
