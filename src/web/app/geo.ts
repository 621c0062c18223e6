// Whether a point lies in an action's area, decided on the phone: the same rules as the server's
// (src/domain/area/area.ts), over the area as the app API sends it (a circle, or a GeoJSON polygon).
import type { Point, PublicArea } from './app-page-data.js';

const EARTH_RADIUS_M = 6371008.8;
const toRad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres (haversine). */
export function distanceInMetres(a: Point, b: Point): number {
  const dLat = toRad(b.lat - a.lat);
  const dLon = toRad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Even-odd ray casting over a ring of [lon, lat] positions. */
function ringContains(ring: readonly (readonly [number, number])[], point: Point): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [aLon, aLat] = ring[i]!;
    const [bLon, bLat] = ring[j]!;
    if (
      aLat > point.lat !== bLat > point.lat &&
      point.lon < ((bLon - aLon) * (point.lat - aLat)) / (bLat - aLat) + aLon
    )
      inside = !inside;
  }
  return inside;
}

export function areaContains(area: PublicArea | null | undefined, point: Point): boolean {
  if (area === null || area === undefined) return false;
  if (area.kind === 'circle') return distanceInMetres(area.centre, point) <= area.radiusMetres;
  if (area.kind === 'polygon') {
    const [outer, ...holes] = area.polygon.coordinates;
    return outer !== undefined && ringContains(outer, point) && !holes.some((hole) => ringContains(hole, point));
  }
  return false;
}
