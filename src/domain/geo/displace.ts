import type { LatLon } from './lat-lon.js';

const METRES_PER_DEGREE_LAT = 111_195; // mean Earth radius × π/180

/** The point the given distances north and east of `from`; accurate to centimetres over a few kilometres. */
export function displace(from: LatLon, northMetres: number, eastMetres: number): LatLon {
  return {
    lat: from.lat + northMetres / METRES_PER_DEGREE_LAT,
    lon: from.lon + eastMetres / (METRES_PER_DEGREE_LAT * Math.cos((from.lat * Math.PI) / 180)),
  };
}

/**
 * A point spread uniformly over the disc of `radiusMetres` around `centre`, from two numbers in [0, 1):
 * the square root keeps the density even instead of bunching points at the centre.
 */
export function pointInDisc(centre: LatLon, radiusMetres: number, u: number, v: number): LatLon {
  const distance = radiusMetres * Math.sqrt(u);
  const bearing = 2 * Math.PI * v;
  return displace(centre, distance * Math.cos(bearing), distance * Math.sin(bearing));
}
