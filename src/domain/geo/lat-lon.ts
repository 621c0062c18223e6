/** A point in WGS84 degrees. */
export interface LatLon {
  readonly lat: number;
  readonly lon: number;
}

const EARTH_RADIUS_M = 6_371_008.8;
const toRad = (deg: number): number => (deg * Math.PI) / 180;

/** Great-circle distance in metres (haversine); accurate to well under a metre at Dutch distances. */
export function distanceInMetres(a: LatLon, b: LatLon): number {
  const dLat = toRad(b.lat - a.lat);
  const dLon = toRad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** True when the point lies within the rough bounding box of the Netherlands and its border regions. */
export function isInServiceRegion(p: LatLon): boolean {
  return p.lat >= 50.5 && p.lat <= 53.9 && p.lon >= 2.9 && p.lon <= 7.6;
}
