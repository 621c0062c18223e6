import { readFile } from 'node:fs/promises';
import type { GemeenteLocator } from '../../app/ports/gemeente-locator.js';
import type { Gemeente } from '../../domain/geo/gemeente.js';
import { distanceInMetres, type LatLon } from '../../domain/geo/lat-lon.js';

const BOUNDARIES = new URL('../../../data/nl/gemeente_2025.geojson', import.meta.url);
/** A point off the generalised coastline (a beach, a harbour) belongs to the nearest gemeente within this. */
const NEAREST_WITHIN_M = 10_000;

type Ring = readonly (readonly [number, number])[];
interface Shape {
  readonly code: string;
  readonly polygons: readonly (readonly Ring[])[];
  readonly box: readonly [number, number, number, number];
}
interface Feature {
  readonly properties: { readonly statcode: string };
  readonly geometry:
    | { readonly type: 'Polygon'; readonly coordinates: Ring[] }
    | { readonly type: 'MultiPolygon'; readonly coordinates: Ring[][] };
}

function inRing(p: LatLon, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > p.lat !== yj > p.lat && p.lon < ((xj - xi) * (p.lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The gemeente of a point by the bundled CBS boundaries (bounding boxes first), else the nearest one close by. */
export async function loadGemeenteLocator(gemeenten: readonly Gemeente[]): Promise<GemeenteLocator> {
  const collection = JSON.parse(await readFile(BOUNDARIES, 'utf8')) as { features: Feature[] };
  const shapes: Shape[] = collection.features.map((f) => {
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    let [minLon, minLat, maxLon, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const polygon of polygons) {
      for (const [lon, lat] of polygon[0] ?? []) {
        minLon = Math.min(minLon, lon);
        maxLon = Math.max(maxLon, lon);
        minLat = Math.min(minLat, lat);
        maxLat = Math.max(maxLat, lat);
      }
    }
    return { code: f.properties.statcode, polygons, box: [minLon, minLat, maxLon, maxLat] };
  });
  const byCode = new Map(gemeenten.map((g) => [g.code, g]));
  const found = (g: Gemeente | undefined) =>
    g === undefined ? null : { code: g.code, safetyRegionCode: g.safetyRegionCode };
  return {
    gemeenteAt(p) {
      for (const s of shapes) {
        const [minLon, minLat, maxLon, maxLat] = s.box;
        if (p.lon < minLon || p.lon > maxLon || p.lat < minLat || p.lat > maxLat) continue;
        if (
          s.polygons.some(
            ([outer, ...holes]) => outer !== undefined && inRing(p, outer) && !holes.some((h) => inRing(p, h)),
          )
        ) {
          return found(byCode.get(s.code));
        }
      }
      let nearest: Gemeente | undefined;
      let best = NEAREST_WITHIN_M;
      for (const g of gemeenten) {
        const d = distanceInMetres(p, g.interior);
        if (d < best) [nearest, best] = [g, d];
      }
      return found(nearest);
    },
  };
}
