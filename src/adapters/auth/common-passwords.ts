import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** The bundled breached-password list (data/passwords/SOURCES.md): 100,000 entries, read from disk, never fetched. */
const FILE = fileURLToPath(new URL('../../../data/passwords/10-million-password-list-top-100000.txt', import.meta.url));

/** The blocklist, lowercased (96,518 distinct entries; about 6 MB in memory). */
export async function loadCommonPasswords(): Promise<ReadonlySet<string>> {
  const text = await readFile(FILE, 'utf8');
  return new Set(
    text
      .split('\n')
      .map((l) => l.trim().toLowerCase())
      .filter((l) => l.length > 0),
  );
}
