import { randomUUID } from 'node:crypto';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Meldkamer } from '../../domain/geo/meldkamer.js';
import type { StaffDirectory } from '../../app/ports/staff-directory.js';
import { apiTokenLifetime, apiTokenState, MAX_API_TOKEN_DAYS } from '../../domain/staff/api-token-lifetime.js';
import { hashApiToken, newApiToken } from '../auth/api-token.js';

export interface DemoToken {
  readonly name: string;
  readonly role: string;
  readonly scope: string;
  readonly token: string;
}

const TOKENS_FILE = 'demo-tokens.json';

/**
 * Demo accounts: a centralist per meldkamer, a gemeente user for Amsterdam and national beheer. Their tokens
 * are kept in the data folder (demo only) so that every start can show them again, for a year; after that the
 * next start makes new ones.
 */
export async function ensureDemoStaff(
  staff: StaffDirectory,
  meldkamers: readonly Meldkamer[],
  dataDir: string,
  now: Date,
): Promise<DemoToken[]> {
  const file = join(dataDir, TOKENS_FILE);
  const existing = await readFile(file, 'utf8').then(
    (t) => JSON.parse(t) as DemoToken[],
    () => null,
  );
  // The file outlives a database that was reset or swapped: reuse it only while its tokens still work.
  const first = existing?.[0];
  const holder = first === undefined ? null : await staff.findByTokenHash(hashApiToken(first.token));
  if (existing !== null && holder !== null && apiTokenState(holder.expiresAt, now) !== 'expired') return existing;
  const lifetime = apiTokenLifetime(now, MAX_API_TOKEN_DAYS)!;
  const tokens: DemoToken[] = [];
  const add = async (
    name: string,
    role: 'centralist' | 'gemeente' | 'landelijk-beheer',
    meldkamerCode: string | null,
    gemeenteCode: string | null,
  ) => {
    const id = randomUUID();
    const token = newApiToken();
    await staff.createStaff({ id, name, role, meldkamerCode, gemeenteCode });
    await staff.addToken(id, hashApiToken(token), 'demo', lifetime);
    tokens.push({ name, role, scope: meldkamerCode ?? gemeenteCode ?? 'landelijk', token });
  };
  for (const m of meldkamers) await add(`Centralist ${m.name}`, 'centralist', m.code, null);
  await add('Medewerker gemeente Amsterdam', 'gemeente', null, 'GM0363');
  await add('Landelijk beheer', 'landelijk-beheer', null, null);
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, JSON.stringify(tokens, null, 2), { mode: 0o600 });
  return tokens;
}
