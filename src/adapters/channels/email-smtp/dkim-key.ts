import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface DkimKey {
  readonly privateKey: string;
  /** The TXT record to publish at `<selector>._domainkey.<domain>`: "v=DKIM1; k=rsa; p=…". */
  readonly dnsRecord: string;
  readonly source: 'configured' | 'file' | 'generated';
}

export function dkimDnsRecord(privateKeyPem: string): string {
  const spki = createPublicKey(privateKeyPem).export({ type: 'spki', format: 'der' });
  return `v=DKIM1; k=rsa; p=${spki.toString('base64')}`;
}

function newKey(): string {
  return generateKeyPairSync('rsa', { modulusLength: 2048 })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
}

/**
 * The DKIM signing key: the configured one (PEM; "\n" written as a backslash-n is accepted, for one-line
 * environment variables), else — in the demo — one generated once and kept in `file`, so that its DNS record
 * stays the same over restarts; otherwise none (mails go unsigned, and the start says so).
 */
export async function loadDkimKey(options: {
  readonly configured: string | undefined;
  readonly file: string | null;
}): Promise<DkimKey | null> {
  if (options.configured !== undefined) {
    const pem = options.configured.replace(/\\n/g, '\n');
    return { privateKey: pem, dnsRecord: dkimDnsRecord(pem), source: 'configured' };
  }
  if (options.file === null) return null;
  const existing = await readFile(options.file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (existing !== null) return { privateKey: existing, dnsRecord: dkimDnsRecord(existing), source: 'file' };
  const pem = newKey();
  await mkdir(dirname(options.file), { recursive: true, mode: 0o700 });
  await writeFile(options.file, pem, { mode: 0o600, flag: 'wx' });
  return { privateKey: pem, dnsRecord: dkimDnsRecord(pem), source: 'generated' };
}
