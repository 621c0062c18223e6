import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { cellToParent, latLngToCell } from 'h3-js';
import type { Database } from '../../src/adapters/store/database/database.js';

export interface LatLon {
  readonly lat: number;
  readonly lon: number;
}

/** One thing to look for, with what it stands for. */
export interface Needle {
  readonly label: string;
  readonly bytes: Buffer;
}

/** Where the system may have written something: the database dump, the log, each file. */
export interface Haystack {
  readonly source: string;
  readonly bytes: Buffer;
}

function float64(value: number, littleEndian: boolean): Buffer {
  const buffer = Buffer.alloc(8);
  if (littleEndian) buffer.writeDoubleLE(value);
  else buffer.writeDoubleBE(value);
  return buffer;
}

const truncate = (value: number, decimals: number) =>
  (Math.trunc(value * 10 ** decimals) / 10 ** decimals).toFixed(decimals);

/**
 * Every way a coordinate may have been written: as JavaScript prints it, rounded and cut to 4–7 decimals,
 * with a Dutch decimal comma, as degrees × 10⁷, and as the 8 bytes of a double in either byte order (binary
 * database files).
 */
export function coordinateNeedles(name: string, value: number): Needle[] {
  const texts = new Set<string>([String(value), `${Math.round(value * 1e7)}`]);
  for (const decimals of [4, 5, 6, 7]) {
    texts.add(value.toFixed(decimals));
    texts.add(truncate(value, decimals));
  }
  for (const text of [...texts]) if (text.includes('.')) texts.add(text.replace('.', ','));
  return [
    ...[...texts].map((text) => ({ label: `${name} as "${text}"`, bytes: Buffer.from(text) })),
    { label: `${name} as a little-endian double`, bytes: float64(value, true) },
    { label: `${name} as a big-endian double`, bytes: float64(value, false) },
  ];
}

/** The H3 cells of a point at every resolution (0–15), as hexadecimal index and as 64-bit integer. */
export function cellsOf(point: LatLon): string[] {
  const finest = latLngToCell(point.lat, point.lon, 15);
  return Array.from({ length: 16 }, (_, resolution) => (resolution === 15 ? finest : cellToParent(finest, resolution)));
}

export function cellNeedles(name: string, cells: Iterable<string>): Needle[] {
  return [...new Set(cells)].flatMap((cell) => [
    { label: `${name} cell ${cell}`, bytes: Buffer.from(cell) },
    { label: `${name} cell ${cell} in capitals`, bytes: Buffer.from(cell.toUpperCase()) },
    { label: `${name} cell ${cell} as integer`, bytes: Buffer.from(BigInt(`0x${cell}`).toString()) },
  ]);
}

export function pointNeedles(name: string, point: LatLon): Needle[] {
  return [
    ...coordinateNeedles(`${name} latitude`, point.lat),
    ...coordinateNeedles(`${name} longitude`, point.lon),
    ...cellNeedles(name, cellsOf(point)),
  ];
}

/** Every row of every table of the database, as JSON text rendered by PostgreSQL itself (both engines). */
export async function dumpDatabase(db: Database): Promise<Haystack[]> {
  const tables = await db.query<{ schema: string; name: string }>(
    `select table_schema as schema, table_name as name from information_schema.tables
     where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') order by 1, 2`,
  );
  const dumps: Haystack[] = [];
  for (const table of tables) {
    const rows = await db.query<{ row: string }>(
      `select to_jsonb(t)::text as row from "${table.schema}"."${table.name}" t`,
    );
    dumps.push({
      source: `table ${table.schema}.${table.name} (${rows.length} rows)`,
      bytes: Buffer.from(rows.map((r) => r.row).join('\n')),
    });
  }
  return dumps;
}

/** Every file under the folders, read whole (binary files too). */
export async function readAllFiles(...folders: string[]): Promise<Haystack[]> {
  const found: Haystack[] = [];
  const walk = async (path: string): Promise<void> => {
    const info = await stat(path);
    if (info.isDirectory()) {
      for (const entry of await readdir(path)) await walk(join(path, entry));
    } else if (info.isFile()) {
      found.push({ source: `file ${path}`, bytes: await readFile(path) });
    }
  };
  for (const folder of folders) await walk(folder);
  return found;
}

/** The bytes with every run of NUL bytes cut to one: the same text matches, much faster over database files. */
function withoutNulRuns(bytes: Buffer): Buffer {
  const out = Buffer.allocUnsafe(bytes.length);
  let length = 0;
  for (let i = 0; i < bytes.length;) {
    const zero = bytes.indexOf(0, i);
    const end = zero === -1 ? bytes.length : zero;
    length += bytes.copy(out, length, i, end);
    if (zero === -1) break;
    out[length++] = 0;
    let next = zero;
    while (next < bytes.length && bytes[next] === 0) next++;
    i = next;
  }
  return out.subarray(0, length);
}

/**
 * Where each needle was found: "needle → source" lines, empty when nothing was. Needles without a NUL byte
 * (all text) are looked for in the haystack with its NUL runs collapsed, which finds exactly the same.
 */
export function search(needles: readonly Needle[], haystacks: readonly Haystack[]): string[] {
  const hits: string[] = [];
  const compact = haystacks.map((h) => withoutNulRuns(h.bytes));
  for (const needle of needles) {
    const hasNul = needle.bytes.includes(0);
    haystacks.forEach((haystack, i) => {
      if ((hasNul ? haystack.bytes : compact[i]!).includes(needle.bytes))
        hits.push(`${needle.label} → ${haystack.source}`);
    });
  }
  return hits;
}
