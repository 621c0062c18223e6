import { formatHostPort, parseHostPort } from './sip-host.js';
import { tokenPattern } from './sip-headers.js';
import { SipParseError } from './sip-parse-error.js';

/**
 * A sip: or sips: URI (RFC 3261 §19.1). `user` is decoded (percent escapes resolved); parameter and header
 * values are kept as written (escaped), with lower-case parameter names.
 */
export interface SipUri {
  readonly scheme: 'sip' | 'sips';
  readonly user: string | null;
  readonly password: string | null;
  readonly host: string;
  readonly port: number | null;
  readonly params: ReadonlyMap<string, string | null>;
  readonly headers: ReadonlyMap<string, string>;
}

/** A tel: URI (RFC 3966): the number as written ("+31-20-1234567") and its parameters. */
export interface TelUri {
  readonly scheme: 'tel';
  readonly number: string;
  readonly params: ReadonlyMap<string, string | null>;
}

export type Uri = SipUri | TelUri;

const userPattern = /^(?:[A-Za-z0-9\-_.!~*'()&=+$,;?/]|%[0-9A-Fa-f]{2})+$/;
const passwordPattern = /^(?:[A-Za-z0-9\-_.!~*'()&=+$,]|%[0-9A-Fa-f]{2})*$/;
const paramValuePattern = /^(?:[A-Za-z0-9\-_.!~*'()[\]/:&+$]|%[0-9A-Fa-f]{2})+$/;
const headerPartPattern = /^(?:[A-Za-z0-9\-_.!~*'()[\]/?:+$]|%[0-9A-Fa-f]{2})*$/;
const telNumberPattern = /^(?:\+[0-9\-.()]*[0-9][0-9\-.()]*|[0-9A-Fa-f*#\-.()]*[0-9A-Fa-f*#][0-9A-Fa-f*#\-.()]*)$/;
const userKeep = /[A-Za-z0-9\-_.!~*'()&=+$,;?/]/;
const passwordKeep = /[A-Za-z0-9\-_.!~*'()&=+$,]/;

const bad = (what: string): never => {
  throw new SipParseError('sip.bad-uri', `URI is malformed: ${what}`);
};

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch (error) {
    throw new SipParseError('sip.bad-uri', 'URI has an invalid percent escape', { cause: error });
  }
}

function encode(text: string, keep: RegExp): string {
  let out = '';
  for (const ch of text)
    out += keep.test(ch)
      ? ch
      : [...Buffer.from(ch, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  return out;
}

function parseUriParams(text: string): Map<string, string | null> {
  const params = new Map<string, string | null>();
  if (text === '') return params;
  for (const part of text.split(';')) {
    const eq = part.indexOf('=');
    const name = eq === -1 ? part : part.slice(0, eq);
    const value = eq === -1 ? null : part.slice(eq + 1);
    if (!tokenPattern.test(name) || (value !== null && !paramValuePattern.test(value))) bad('parameter');
    params.set(name.toLowerCase(), value);
  }
  return params;
}

function formatUriParams(params: ReadonlyMap<string, string | null>): string {
  let out = '';
  for (const [name, value] of params) out += value === null ? `;${name}` : `;${name}=${value}`;
  return out;
}

/** Reads a sip:, sips: or tel: URI; anything else (or anything malformed) throws SipParseError 'sip.bad-uri'. */
export function parseUri(text: string): Uri {
  const colon = text.indexOf(':');
  const scheme = colon === -1 ? '' : text.slice(0, colon).toLowerCase();
  const rest = text.slice(colon + 1);
  if (scheme === 'tel') {
    const [number = '', ...params] = rest.split(';');
    if (!telNumberPattern.test(number)) bad('tel number');
    return { scheme, number, params: parseUriParams(params.join(';')) };
  }
  if (scheme !== 'sip' && scheme !== 'sips') return bad('scheme');
  const at = rest.indexOf('@');
  let user: string | null = null;
  let password: string | null = null;
  if (at !== -1) {
    const userinfo = rest.slice(0, at);
    const pwColon = userinfo.indexOf(':');
    const userText = pwColon === -1 ? userinfo : userinfo.slice(0, pwColon);
    if (!userPattern.test(userText)) bad('user');
    user = decode(userText);
    if (pwColon !== -1) {
      const passwordText = userinfo.slice(pwColon + 1);
      if (!passwordPattern.test(passwordText)) bad('password');
      password = decode(passwordText);
    }
  }
  const afterUser = rest.slice(at + 1);
  const question = afterUser.indexOf('?');
  const beforeHeaders = question === -1 ? afterUser : afterUser.slice(0, question);
  const semicolon = beforeHeaders.indexOf(';');
  const hostPort = parseHostPort(semicolon === -1 ? beforeHeaders : beforeHeaders.slice(0, semicolon)) ?? bad('host');
  const params = parseUriParams(semicolon === -1 ? '' : beforeHeaders.slice(semicolon + 1));
  const headers = new Map<string, string>();
  if (question !== -1) {
    for (const part of afterUser.slice(question + 1).split('&')) {
      const eq = part.indexOf('=');
      const name = eq === -1 ? '' : part.slice(0, eq);
      const value = part.slice(eq + 1);
      if (name === '' || !headerPartPattern.test(name) || !headerPartPattern.test(value)) bad('header');
      headers.set(name, value);
    }
  }
  return { scheme, user, password, host: hostPort.host, port: hostPort.port, params, headers };
}

export function formatUri(uri: Uri): string {
  if (uri.scheme === 'tel') return `tel:${uri.number}${formatUriParams(uri.params)}`;
  const userinfo =
    uri.user === null
      ? ''
      : `${encode(uri.user, userKeep)}${uri.password === null ? '' : `:${encode(uri.password, passwordKeep)}`}@`;
  const headers = [...uri.headers].map(([n, v]) => `${n}=${v}`).join('&');
  return `${uri.scheme}:${userinfo}${formatHostPort(uri)}${formatUriParams(uri.params)}${headers === '' ? '' : `?${headers}`}`;
}

/**
 * The telephone number a URI names, without visual separators ("+31201234567", "0201234567"), or null:
 * a tel: URI, or a SIP URI whose user part is a number (user=phone or just digits, as platforms send).
 */
export function phoneNumberOf(uri: Uri): string | null {
  const raw = uri.scheme === 'tel' ? uri.number : uri.user === null ? null : (uri.user.split(';')[0] ?? '');
  if (raw === null) return null;
  const digits = raw.replace(/[-.()]/g, '');
  return /^\+?[0-9]{1,20}$/.test(digits) ? digits : null;
}
