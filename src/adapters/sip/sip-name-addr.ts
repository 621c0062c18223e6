import { formatParams, parseParams, type SipParams } from './sip-params.js';
import { SipParseError } from './sip-parse-error.js';
import { formatUri, parseUri, type Uri } from './sip-uri.js';

/** From, To, Contact, P-Asserted-Identity… (RFC 3261 §20.10): optional display name, URI, header parameters. */
export interface NameAddr {
  readonly displayName: string | null;
  readonly uri: Uri;
  readonly params: SipParams;
}

const bad = (what: string): never => {
  throw new SipParseError('sip.bad-name-addr', `Address is malformed: ${what}`);
};

/** Reads one name-addr or addr-spec; a bad URI throws 'sip.bad-uri', anything else 'sip.bad-name-addr'. */
export function parseNameAddr(value: string): NameAddr {
  const text = value.trim();
  let displayName: string | null = null;
  let rest = text;
  if (text.startsWith('"')) {
    let i = 1;
    let name = '';
    for (; i < text.length && text[i] !== '"'; i++) {
      if (text[i] === '\\') i++;
      if (i >= text.length) bad('unterminated display name');
      name += text[i];
    }
    if (i >= text.length) bad('unterminated display name');
    displayName = name;
    rest = text.slice(i + 1).trimStart();
    if (!rest.startsWith('<')) bad('display name without <URI>');
  } else {
    const angle = text.indexOf('<');
    if (angle !== -1) {
      const name = text.slice(0, angle).trim();
      if (!/^[A-Za-z0-9\-.!%*_+`'~ \t]*$/.test(name)) bad('display name');
      displayName = name === '' ? null : name.replace(/\s+/g, ' ');
      rest = text.slice(angle);
    }
  }
  let uriText: string;
  let paramText: string;
  if (rest.startsWith('<')) {
    const close = rest.indexOf('>');
    if (close === -1) bad('missing >');
    uriText = rest.slice(1, close);
    paramText = rest.slice(close + 1);
  } else {
    // addr-spec: parameters after the URI belong to the header, not the URI (§20).
    const semicolon = rest.indexOf(';');
    uriText = semicolon === -1 ? rest : rest.slice(0, semicolon);
    paramText = semicolon === -1 ? '' : rest.slice(semicolon);
    if (/[\s,?]/.test(uriText)) bad('addr-spec needs <URI>');
  }
  if (paramText.trim() !== '' && !paramText.trim().startsWith(';')) bad('text after URI');
  const params = parseParams(paramText) ?? bad('parameters');
  return { displayName, uri: parseUri(uriText), params };
}

export function formatNameAddr(nameAddr: NameAddr): string {
  const display = nameAddr.displayName === null ? '' : `"${nameAddr.displayName.replace(/["\\]/g, (c) => `\\${c}`)}" `;
  return `${display}<${formatUri(nameAddr.uri)}>${formatParams(nameAddr.params)}`;
}

/** The same address with a tag (a To in a response, a From in a new request). */
export function withTag(nameAddr: NameAddr, tag: string): NameAddr {
  const params = new Map(nameAddr.params);
  params.set('tag', tag);
  return { ...nameAddr, params };
}
