import { randomBytes } from 'node:crypto';
import { tokenPattern } from './sip-headers.js';
import { SipParseError } from './sip-parse-error.js';

/** CSeq (RFC 3261 §20.16): a sequence number below 2^31 and the method of the request. */
export interface CSeq {
  readonly seq: number;
  readonly method: string;
}

export function parseCSeq(value: string): CSeq {
  const match = /^([0-9]{1,10})\s+(\S+)$/.exec(value.trim());
  const seq = match?.[1] === undefined ? NaN : Number(match[1]);
  const method = match?.[2];
  if (method === undefined || !tokenPattern.test(method) || !(seq < 2 ** 31))
    throw new SipParseError('sip.bad-cseq', 'CSeq header is malformed');
  return { seq, method };
}

export const formatCSeq = (cseq: CSeq): string => `${cseq.seq} ${cseq.method}`;

/** A From/To tag (§19.3): at least 32 random bits. */
export const newTag = (): string => randomBytes(8).toString('hex');

/** A globally unique Call-ID (§8.1.1.4). */
export const newCallId = (host?: string): string => {
  const id = randomBytes(16).toString('hex');
  return host === undefined ? id : `${id}@${host}`;
};
