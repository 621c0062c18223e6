import { headerListValues, type SipMessage } from '../sip/sip-message.js';
import { SipParseError } from '../sip/sip-parse-error.js';
import { parseVia } from '../sip/sip-via.js';
import type { SipPeer } from './sip-redirect-transport.js';

/**
 * Where a response to a request goes (RFC 3261 §18.2.2, RFC 3581): over TCP back on the connection; over UDP
 * to the address the request came from, at the port it came from when the top Via asks for it (rport), else
 * at the Via's sent-by port (5060 when it names none).
 */
export function responseDestination(request: Pick<SipMessage, 'headers'>, source: SipPeer): SipPeer {
  if (source.transport !== 'udp') return source;
  try {
    const via = parseVia(headerListValues(request, 'Via')[0] ?? '');
    return via.params.has('rport') ? source : { ...source, port: via.port ?? 5060 };
  } catch (error) {
    if (error instanceof SipParseError) return source;
    throw error;
  }
}
