import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const FILE = fileURLToPath(new URL('../../../data/passwords/common-passwords.txt', import.meta.url));

/** The bundled blocklist (data/passwords/SOURCES.md), lowercased. */
export async function loadCommonPasswords(): Promise<ReadonlySet<string>> {
  const text = await readFile(FILE, 'utf8');
  return new Set(
    text
      .split('\n')
      .map((l) => l.trim().toLowerCase())
      .filter((l) => l.length > 0),
  );
}
