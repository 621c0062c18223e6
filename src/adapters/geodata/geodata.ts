import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Gemeente } from '../../domain/geo/gemeente.js';
import type { Meldkamer } from '../../domain/geo/meldkamer.js';
import type { Pc4Centroid } from '../../domain/geo/pc4-centroid.js';

/** The repository's data/nl folder, found from this file so that it works from any working directory. */
const DEFAULT_DATA_DIR = new URL('../../../data/nl/', import.meta.url);

const GEMEENTEN_FILE = 'gemeenten_2025.csv';
const PC4_FILE = 'pc4_centroids_postcodetabel.csv';

// z.number() rejects NaN and Infinity, so a malformed field fails here.
const number = z.string().trim().min(1).transform(Number).pipe(z.number());
const code = (prefix: string) => z.string().regex(new RegExp(`^${prefix}\\d{2,4}$`));

const gemeenteRow = z.object({
  gemeentecode: code('GM'),
  gemeentenaam: z.string().min(1),
  provinciecode: code('PV'),
  provincienaam: z.string().min(1),
  veiligheidsregiocode: code('VR'),
  veiligheidsregionaam: z.string().min(1),
  politie_eenheidcode: code('RE'),
  politie_eenheidnaam: z.string().min(1),
  inwoners_2024: number.pipe(z.number().int().nonnegative()),
  interior_lon: number,
  interior_lat: number,
});

const pc4Row = z.object({
  pc4: z.string().regex(/^[1-9]\d{3}$/),
  plaats: z.string().min(1),
  lat: number,
  lon: number,
  gemeentecode_2025_pip: z.union([code('GM'), z.literal('')]),
});

export async function loadGemeenten(dataDir: URL = DEFAULT_DATA_DIR): Promise<Gemeente[]> {
  const rows = await readCsv(new URL(GEMEENTEN_FILE, dataDir), gemeenteRow);
  return rows.map((r) => ({
    code: r.gemeentecode,
    name: r.gemeentenaam,
    provinceCode: r.provinciecode,
    provinceName: r.provincienaam,
    safetyRegionCode: r.veiligheidsregiocode,
    safetyRegionName: r.veiligheidsregionaam,
    policeUnitCode: r.politie_eenheidcode,
    policeUnitName: r.politie_eenheidnaam,
    population: r.inwoners_2024,
    interior: { lat: r.interior_lat, lon: r.interior_lon },
  }));
}

export async function loadPc4Centroids(dataDir: URL = DEFAULT_DATA_DIR): Promise<Pc4Centroid[]> {
  const rows = await readCsv(new URL(PC4_FILE, dataDir), pc4Row);
  return rows.map((r) => ({
    pc4: r.pc4,
    city: r.plaats,
    location: { lat: r.lat, lon: r.lon },
    gemeenteCode: r.gemeentecode_2025_pip === '' ? null : r.gemeentecode_2025_pip,
  }));
}

export async function loadMeldkamers(dataDir: URL = DEFAULT_DATA_DIR): Promise<Meldkamer[]> {
  return meldkamersOf(await loadGemeenten(dataDir));
}

/** The police units named in the gemeenten table, sorted by code; one meldkamer each. */
export function meldkamersOf(gemeenten: readonly Gemeente[]): Meldkamer[] {
  const names = new Map<string, string>();
  for (const g of gemeenten) {
    const known = names.get(g.policeUnitCode);
    if (known !== undefined && known !== g.policeUnitName) {
      throw new Error(`police unit ${g.policeUnitCode} has two names: "${known}" and "${g.policeUnitName}"`);
    }
    names.set(g.policeUnitCode, g.policeUnitName);
  }
  return [...names].sort(([a], [b]) => a.localeCompare(b)).map(([code, name]) => ({ code, name }));
}

/** Reads a headed CSV file and validates each row; a bad file is broken infrastructure, so it throws. */
async function readCsv<T>(file: URL, row: z.ZodType<T>): Promise<T[]> {
  const text = await readFile(file, 'utf8');
  const lines = text.split(/\r?\n/).filter((line) => line.length > 0);
  const [headerLine, ...dataLines] = lines;
  if (headerLine === undefined) throw new Error(`${file.pathname}: empty file`);
  const header = splitCsvLine(headerLine);
  return dataLines.map((line, i) => {
    const fields = splitCsvLine(line);
    if (fields.length !== header.length) {
      throw new Error(`${file.pathname}:${i + 2}: expected ${header.length} fields, got ${fields.length}`);
    }
    const record = Object.fromEntries(header.map((name, j) => [name, fields[j]]));
    const parsed = row.safeParse(record);
    if (!parsed.success) {
      throw new Error(`${file.pathname}:${i + 2}: ${z.prettifyError(parsed.error)}`, { cause: parsed.error });
    }
    return parsed.data;
  });
}

/** Splits one CSV line (RFC 4180 quoting, no line breaks inside fields: our files have none). */
function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
    } else {
      field += ch;
    }
  }
  fields.push(field);
  return fields;
}
