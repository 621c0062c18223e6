import { readFile } from 'node:fs/promises';
import type { LatLon } from '../../domain/geo/lat-lon.js';

const FILE = new URL('../../../data/nl/gemeente_2025.geojson', import.meta.url);

type Ring = [number, number][];
interface Feature {
  readonly properties: { readonly statcode: string };
  readonly geometry:
    | { readonly type: 'Polygon'; readonly coordinates: Ring[] }
    | { readonly type: 'MultiPolygon'; readonly coordinates: Ring[][] };
}

/** The smallest latitude/longitude box around a gemeente. */
export interface Bounds {
  readonly minLat: number;
  readonly maxLat: number;
  readonly minLon: number;
  readonly maxLon: number;
}

interface Boundary {
  /** Polygons of [outer ring, ...holes], [lon, lat] as in GeoJSON. */
  readonly polygons: readonly Ring[][];
  readonly bounds: Bounds;
}

function inRing(lon: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function boundsOf(polygons: readonly Ring[][]): Bounds {
  let minLat = Infinity,
    maxLat = -Infinity,
    minLon = Infinity,
    maxLon = -Infinity;
  for (const [outer = []] of polygons) {
    for (const [lon, lat] of outer) {
      minLat = Math.min(minLat, lat);
      maxLat = Math.max(maxLat, lat);
      minLon = Math.min(minLon, lon);
      maxLon = Math.max(maxLon, lon);
    }
  }
  return { minLat, maxLat, minLon, maxLon };
}

let loaded: Promise<Map<string, Boundary>> | null = null;

/** The bundled gemeente boundaries (CBS/PDOK, data/nl/SOURCES.md), read once per process. */
function boundaries(): Promise<Map<string, Boundary>> {
  loaded ??= readFile(FILE, 'utf8').then((text) => {
    const map = new Map<string, Boundary>();
    for (const f of (JSON.parse(text) as { features: Feature[] }).features) {
      const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      map.set(f.properties.statcode, { polygons, bounds: boundsOf(polygons) });
    }
    return map;
  });
  return loaded;
}

function contains(boundary: Boundary, point: LatLon): boolean {
  const { lat, lon } = point;
  const b = boundary.bounds;
  if (lat < b.minLat || lat > b.maxLat || lon < b.minLon || lon > b.maxLon) return false;
  return boundary.polygons.some(
    ([outer, ...holes]) => outer !== undefined && inRing(lon, lat, outer) && !holes.some((h) => inRing(lon, lat, h)),
  );
}

/** The box around a gemeente, or null for an unknown code. */
export async function gemeenteBounds(code: string): Promise<Bounds | null> {
  return (await boundaries()).get(code)?.bounds ?? null;
}

/** Whether a point lies in the gemeente (by the bundled boundaries; a point on the sea lies in none). */
export async function gemeenteContains(code: string, point: LatLon): Promise<boolean> {
  const boundary = (await boundaries()).get(code);
  return boundary !== undefined && contains(boundary, point);
}

/** The gemeente (code) a point lies in, or null (sea, abroad). */
export async function gemeenteOfPoint(point: LatLon): Promise<string | null> {
  for (const [code, boundary] of await boundaries()) if (contains(boundary, point)) return code;
  return null;
}
