import { createHash, randomBytes } from 'node:crypto';

/** A Digest challenge from WWW-Authenticate (401) or Proxy-Authenticate (407), RFC 2617 / RFC 7616. */
export interface DigestChallenge {
  readonly realm: string;
  readonly nonce: string;
  readonly opaque: string | null;
  readonly algorithm: 'MD5' | 'SHA-256';
  /** 'auth' when the server offers it (we never do auth-int); null for an RFC 2069 challenge. */
  readonly qop: 'auth' | null;
}

export interface DigestCredentials {
  readonly username: string;
  readonly password: string;
}

const MAX_CHALLENGE_LENGTH = 4_096;

/** Reads `Digest realm="…", nonce="…", …`; null when it is no Digest challenge we can answer. */
export function parseDigestChallenge(header: string): DigestChallenge | null {
  if (header.length > MAX_CHALLENGE_LENGTH) return null;
  const match = /^\s*Digest\s+(.*)$/is.exec(header);
  if (match?.[1] === undefined) return null;
  const params = parseAuthParams(match[1]);
  if (params === null) return null;
  const realm = params.get('realm');
  const nonce = params.get('nonce');
  if (realm === undefined || nonce === undefined) return null;
  const algorithm = (params.get('algorithm') ?? 'MD5').toUpperCase();
  if (algorithm !== 'MD5' && algorithm !== 'SHA-256') return null;
  const qops = params
    .get('qop')
    ?.split(',')
    .map((q) => q.trim().toLowerCase());
  if (qops !== undefined && !qops.includes('auth')) return null;
  return { realm, nonce, opaque: params.get('opaque') ?? null, algorithm, qop: qops === undefined ? null : 'auth' };
}

/** name=value pairs separated by commas; values are tokens or quoted strings (with \-escapes). */
function parseAuthParams(text: string): Map<string, string> | null {
  const params = new Map<string, string>();
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /[\s,]/.test(text[i]!)) i++;
    if (i >= text.length) break;
    const nameMatch = /^[A-Za-z0-9\-_]+/.exec(text.slice(i));
    if (nameMatch === null) return null;
    const name = nameMatch[0].toLowerCase();
    i += name.length;
    while (text[i] === ' ' || text[i] === '\t') i++;
    if (text[i] !== '=') return null;
    i++;
    while (text[i] === ' ' || text[i] === '\t') i++;
    let value = '';
    if (text[i] === '"') {
      i++;
      for (; i < text.length && text[i] !== '"'; i++) {
        if (text[i] === '\\') i++;
        value += text[i] ?? '';
      }
      if (text[i] !== '"') return null;
      i++;
    } else {
      const token = /^[^\s,]*/.exec(text.slice(i))![0];
      value = token;
      i += token.length;
    }
    params.set(name, value);
  }
  return params;
}

const quote = (s: string) => `"${s.replace(/["\\]/g, (c) => `\\${c}`)}"`;

export interface DigestAnswerInput {
  readonly challenge: DigestChallenge;
  readonly credentials: DigestCredentials;
  readonly method: string;
  readonly uri: string;
  /** Requests sent with this nonce so far, this one included (the nonce count, nc). */
  readonly nonceCount: number;
  /** For tests with known vectors; random otherwise. */
  readonly cnonce?: string;
}

/** The value of an Authorization or Proxy-Authorization header answering the challenge. */
export function digestAuthorization(input: DigestAnswerInput): string {
  const { challenge: c, credentials } = input;
  const hash = (s: string) =>
    createHash(c.algorithm === 'MD5' ? 'md5' : 'sha256')
      .update(s, 'utf8')
      .digest('hex');
  const ha1 = hash(`${credentials.username}:${c.realm}:${credentials.password}`);
  const ha2 = hash(`${input.method}:${input.uri}`);
  const nc = input.nonceCount.toString(16).padStart(8, '0');
  const cnonce = input.cnonce ?? randomBytes(8).toString('hex');
  const response =
    c.qop === 'auth' ? hash(`${ha1}:${c.nonce}:${nc}:${cnonce}:auth:${ha2}`) : hash(`${ha1}:${c.nonce}:${ha2}`);
  const parts = [
    `username=${quote(credentials.username)}`,
    `realm=${quote(c.realm)}`,
    `nonce=${quote(c.nonce)}`,
    `uri=${quote(input.uri)}`,
    `response=${quote(response)}`,
    `algorithm=${c.algorithm}`,
  ];
  if (c.qop === 'auth') parts.push(`cnonce=${quote(cnonce)}`, 'qop=auth', `nc=${nc}`);
  if (c.opaque !== null) parts.push(`opaque=${quote(c.opaque)}`);
  return `Digest ${parts.join(', ')}`;
}
