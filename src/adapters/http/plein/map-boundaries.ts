import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const FILE = fileURLToPath(new URL('../../../../data/nl/gemeente_2025.geojson', import.meta.url));

type Ring = [number, number][];
interface Feature {
  readonly id?: string;
  readonly properties: { readonly statcode: string; readonly statnaam: string };
  readonly geometry:
    | { readonly type: 'Polygon'; readonly coordinates: Ring[] }
    | { readonly type: 'MultiPolygon'; readonly coordinates: Ring[][] };
}

function simplifyRing(ring: Ring): Ring {
  const out: Ring = [];
  for (const [lon, lat] of ring) {
    const point: [number, number] = [Math.round(lon * 1000) / 1000, Math.round(lat * 1000) / 1000];
    const last = out[out.length - 1];
    if (last === undefined || last[0] !== point[0] || last[1] !== point[1]) out.push(point);
  }
  return out.length >= 4 ? out : ring;
}

let cached: Promise<string> | null = null;

/**
 * The bundled gemeente boundaries (CBS/PDOK, data/nl/SOURCES.md) as the console's base layer: code and
 * name only, coordinates at 0.001° (about 100 m, the precision of the source). Built once per process.
 */
export function gemeenteBoundariesJson(): Promise<string> {
  cached ??= readFile(FILE, 'utf8').then((text) => {
    const collection = JSON.parse(text) as { features: Feature[] };
    return JSON.stringify({
      type: 'FeatureCollection',
      features: collection.features.map((f) => ({
        type: 'Feature',
        properties: { code: f.properties.statcode, name: f.properties.statnaam },
        geometry:
          f.geometry.type === 'Polygon'
            ? { type: 'Polygon', coordinates: f.geometry.coordinates.map(simplifyRing) }
            : { type: 'MultiPolygon', coordinates: f.geometry.coordinates.map((p) => p.map(simplifyRing)) },
      })),
    });
  });
  return cached;
}
