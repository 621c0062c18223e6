import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { extentOf, type Extent } from '../../domain/geo/extent.js';
import type { LatLon } from '../../domain/geo/lat-lon.js';

const FILE = new URL('../../../data/nl/regionale_eenheid_2025.geojson', import.meta.url);

const position = z.tuple([z.number(), z.number()]).rest(z.number());
const unitCollection = z.object({
  features: z.array(
    z.object({
      properties: z.object({ statcode: z.string().regex(/^RE\d{2}$/) }),
      geometry: z.union([
        z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(position)) }),
        z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(position))) }),
      ]),
    }),
  ),
});

export interface PoliceUnitExtents {
  /** By police unit code (RE01…RE10), which is also the code of its meldkamer. */
  readonly units: ReadonlyMap<string, Extent>;
  /** Around all of them: the Netherlands. */
  readonly country: Extent;
}

/** The box around each police unit (regionale eenheid) of the bundled CBS boundaries (data/nl/SOURCES.md). */
export async function loadPoliceUnitExtents(file: URL = FILE): Promise<PoliceUnitExtents> {
  const parsed = unitCollection.safeParse(JSON.parse(await readFile(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file.pathname}: ${z.prettifyError(parsed.error)}`, { cause: parsed.error });
  const units = new Map<string, Extent>();
  const all: LatLon[] = [];
  for (const feature of parsed.data.features) {
    const rings =
      feature.geometry.type === 'Polygon' ? feature.geometry.coordinates : feature.geometry.coordinates.flat();
    const points = rings.flat().map(([lon, lat]) => ({ lat, lon }));
    all.push(...points);
    units.set(feature.properties.statcode, extentOf(points)!);
  }
  const country = extentOf(all);
  if (country === null) throw new Error(`${file.pathname}: no police units`);
  return { units, country };
}
