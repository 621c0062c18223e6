import { createHash, createPublicKey, createVerify } from 'node:crypto';

export interface DkimVerification {
  readonly ok: boolean;
  readonly reason: string;
  readonly domain: string | null;
  readonly selector: string | null;
  /** The header fields the signature covers (its h= tag, lower case). */
  readonly signedHeaders: readonly string[];
}

interface HeaderField {
  readonly name: string;
  /** The whole field as it stands, folding included, without the final CRLF. */
  readonly raw: string;
}

function splitMessage(raw: string): { headers: HeaderField[]; body: string } {
  const text = raw.replace(/\r?\n/g, '\r\n');
  const end = text.indexOf('\r\n\r\n');
  const head = end < 0 ? text : text.slice(0, end);
  const body = end < 0 ? '' : text.slice(end + 4);
  const headers: HeaderField[] = [];
  for (const line of head.split('\r\n')) {
    if (/^[ \t]/.test(line) && headers.length > 0) {
      const last = headers.pop()!;
      headers.push({ name: last.name, raw: `${last.raw}\r\n${line}` });
    } else {
      headers.push({ name: line.slice(0, line.indexOf(':')).trim().toLowerCase(), raw: line });
    }
  }
  return { headers, body };
}

/** RFC 6376 §3.4.2. */
function relaxedHeader(field: HeaderField): string {
  const colon = field.raw.indexOf(':');
  const value = field.raw
    .slice(colon + 1)
    .replace(/\r\n/g, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
  return `${field.name}:${value}`;
}

/** RFC 6376 §3.4.4. */
function relaxedBody(body: string): string {
  const lines = body.split('\r\n').map((l) => l.replace(/[ \t]+/g, ' ').replace(/ $/, ''));
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.length === 0 ? '' : `${lines.join('\r\n')}\r\n`;
}

function tagsOf(value: string): Map<string, string> {
  const tags = new Map<string, string>();
  for (const part of value.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    tags.set(part.slice(0, eq).trim(), part.slice(eq + 1).replace(/\s+/g, ''));
  }
  return tags;
}

/**
 * A small DKIM verifier (RFC 6376) for the tests: rsa-sha256 with relaxed/relaxed canonicalisation, the public
 * key given as its DNS TXT record ("v=DKIM1; k=rsa; p=…") instead of a DNS lookup. Written from the RFC, not
 * from the signer, so that it checks nodemailer's signature independently.
 */
export function verifyDkim(rawMessage: string, dnsRecord: string): DkimVerification {
  const { headers, body } = splitMessage(rawMessage);
  const signature = headers.find((h) => h.name === 'dkim-signature');
  const fail = (reason: string, tags?: Map<string, string>): DkimVerification => ({
    ok: false,
    reason,
    domain: tags?.get('d') ?? null,
    selector: tags?.get('s') ?? null,
    signedHeaders: (tags?.get('h') ?? '').toLowerCase().split(':').filter(Boolean),
  });
  if (signature === undefined) return fail('no DKIM-Signature header');
  const tags = tagsOf(signature.raw.slice(signature.raw.indexOf(':') + 1));
  if (tags.get('v') !== '1') return fail('v is not 1', tags);
  if (tags.get('a') !== 'rsa-sha256') return fail(`algorithm ${tags.get('a')}`, tags);
  if (tags.get('c') !== 'relaxed/relaxed') return fail(`canonicalisation ${tags.get('c')}`, tags);
  const bodyHash = createHash('sha256').update(relaxedBody(body), 'utf8').digest('base64');
  if (bodyHash !== tags.get('bh')) return fail('body hash does not match', tags);

  const signed = (tags.get('h') ?? '').toLowerCase().split(':').filter(Boolean);
  // Each name takes the lowest remaining instance of that field (§5.4.2).
  const remaining = headers.filter((h) => h !== signature);
  const lines: string[] = [];
  for (const name of signed) {
    const index = remaining.map((h) => h.name).lastIndexOf(name);
    if (index < 0) continue;
    lines.push(`${relaxedHeader(remaining[index]!)}\r\n`);
    remaining.splice(index, 1);
  }
  const withoutB = { name: signature.name, raw: signature.raw.replace(/(;\s*b=)[^;]*/i, '$1') };
  const data = lines.join('') + relaxedHeader(withoutB);

  const p = tagsOf(dnsRecord).get('p');
  if (p === undefined) return fail('no public key in the DNS record', tags);
  const key = createPublicKey({ key: Buffer.from(p, 'base64'), format: 'der', type: 'spki' });
  const ok = createVerify('RSA-SHA256')
    .update(data, 'utf8')
    .verify(key, Buffer.from(tags.get('b') ?? '', 'base64'));
  return {
    ok,
    reason: ok ? 'pass' : 'signature does not verify',
    domain: tags.get('d') ?? null,
    selector: tags.get('s') ?? null,
    signedHeaders: signed,
  };
}
