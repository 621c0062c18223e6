import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { policeRegion, type PoliceRegion } from '../../domain/area/police-region.js';

const FILE = new URL('../../../data/nl/regionale_eenheid_2025.geojson', import.meta.url);

const position = z.tuple([z.number(), z.number()]).rest(z.number());
const ring = z.array(position).min(4);
const unitCollection = z.object({
  features: z
    .array(
      z.object({
        properties: z.object({ statcode: z.string().regex(/^RE\d{2}$/) }),
        geometry: z.union([
          z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
          z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) }),
        ]),
      }),
    )
    .min(1),
});

/**
 * The police regions (regionale eenheden) of the bundled CBS boundaries (data/nl/SOURCES.md), by the code of their
 * meldkamer. The boundaries are generalised: a few hundred metres off the real ones, which the margin of the
 * region rule absorbs.
 */
export async function loadPoliceRegions(file: URL = FILE): Promise<PoliceRegion[]> {
  const parsed = unitCollection.safeParse(JSON.parse(await readFile(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file.pathname}: ${z.prettifyError(parsed.error)}`, { cause: parsed.error });
  return parsed.data.features
    .map((feature) => {
      const polygons =
        feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
      return policeRegion(
        feature.properties.statcode,
        polygons.map((polygon) => polygon.map((r) => r.map(([lon, lat]) => ({ lat, lon })))),
      );
    })
    .sort((a, b) => a.code.localeCompare(b.code));
}
