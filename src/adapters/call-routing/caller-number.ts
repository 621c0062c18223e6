import { headerListValues, type SipRequest } from '../sip/sip-message.js';
import { parseNameAddr } from '../sip/sip-name-addr.js';
import { SipParseError } from '../sip/sip-parse-error.js';
import { phoneNumberOf } from '../sip/sip-uri.js';
import { asMsisdn, type Msisdn } from '../../domain/participant/msisdn.js';

const e164 = /^\+[1-9][0-9]{6,14}$/;

/**
 * A caller ID as telephony platforms send it, in E.164: "+31612345678", "0031612345678", "0612345678"
 * (national, Dutch: 0800-0011 is a Dutch number) or "31612345678". Separators are ignored; anything else
 * ("anonymous", too short, letters) is null.
 */
export function normaliseCallerNumber(raw: string): Msisdn | null {
  const digits = raw.trim().replace(/[\s\-.()/]/g, '');
  let candidate: string;
  if (digits.startsWith('+')) candidate = digits;
  else if (digits.startsWith('00')) candidate = `+${digits.slice(2)}`;
  else if (digits.startsWith('0')) candidate = `+31${digits.slice(1)}`;
  else candidate = `+${digits}`;
  return e164.test(candidate) ? asMsisdn(candidate) : null;
}

/**
 * The caller of an INVITE: P-Asserted-Identity (set by the platform's trusted network, RFC 3325) when it
 * names a number, else From. A header that does not parse counts as absent, never as an error: the caller
 * is then routed as unknown.
 */
export function callerOf(request: Pick<SipRequest, 'headers'>): Msisdn | null {
  for (const value of [
    ...headerListValues(request, 'P-Asserted-Identity'),
    ...headerListValues(request, 'From').slice(0, 1),
  ]) {
    try {
      const number = phoneNumberOf(parseNameAddr(value).uri);
      const msisdn = number === null ? null : normaliseCallerNumber(number);
      if (msisdn !== null) return msisdn;
    } catch (error) {
      if (!(error instanceof SipParseError)) throw error;
    }
  }
  return null;
}
