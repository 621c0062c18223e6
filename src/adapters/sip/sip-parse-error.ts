import type { SipMessage } from './sip-message.js';

export type SipParseErrorCode =
  /** Nothing but whitespace (a CRLF keep-alive): ignore it, never answer. */
  | 'sip.empty'
  | 'sip.too-large'
  | 'sip.no-header-end'
  | 'sip.bad-start-line'
  | 'sip.bad-header'
  | 'sip.too-many-headers'
  | 'sip.header-too-long'
  | 'sip.bad-content-length'
  | 'sip.body-incomplete'
  | 'sip.missing-header'
  | 'sip.bad-cseq'
  | 'sip.bad-via'
  | 'sip.bad-uri'
  | 'sip.bad-name-addr';

/**
 * Input from the network that is not a SIP message we accept. The only error the parsers throw. `partial`
 * is the message as far as it could be read (start line and headers), so that a server can still answer
 * 400 when the Via, From, To, Call-ID and CSeq it needs for a response are there.
 */
export class SipParseError extends Error {
  override readonly name = 'SipParseError';
  readonly code: SipParseErrorCode;
  readonly partial: SipMessage | undefined;

  constructor(code: SipParseErrorCode, message: string, options: { partial?: SipMessage; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.code = code;
    this.partial = options.partial;
  }
}
