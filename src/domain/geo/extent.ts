import type { LatLon } from './lat-lon.js';

/** A latitude/longitude box in WGS84 degrees: what a map fits into view. */
export interface Extent {
  readonly south: number;
  readonly west: number;
  readonly north: number;
  readonly east: number;
}

/** The smallest box around the points; null for none. */
export function extentOf(points: Iterable<LatLon>): Extent | null {
  let south = Infinity;
  let west = Infinity;
  let north = -Infinity;
  let east = -Infinity;
  for (const { lat, lon } of points) {
    south = Math.min(south, lat);
    north = Math.max(north, lat);
    west = Math.min(west, lon);
    east = Math.max(east, lon);
  }
  return south === Infinity ? null : { south, west, north, east };
}

/** The box grown by `metres` on every side (at Dutch latitudes a degree of longitude is about 0.6 of one of latitude). */
export function padExtent(extent: Extent, metres: number): Extent {
  const dLat = metres / 111_320;
  const dLon = metres / (111_320 * Math.cos(((extent.south + extent.north) / 2) * (Math.PI / 180)));
  return {
    south: extent.south - dLat,
    west: extent.west - dLon,
    north: extent.north + dLat,
    east: extent.east + dLon,
  };
}
