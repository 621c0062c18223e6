import type { Area } from '../../domain/area/area.js';

export interface BoundingBox {
  readonly minLat: number;
  readonly maxLat: number;
  readonly minLon: number;
  readonly maxLon: number;
}

// The domain measures on a sphere of 6,371,008.8 m, where a degree of latitude is 111,195 m.
const METRES_PER_DEGREE = 111_195;
// Far above the error of a flat box around a circle of at most 50 km at Dutch latitudes (well under 0.1 %).
const MARGIN = 1.01;

/** A lat/lon box that holds the whole area: like the covering cells a superset; the area's own test decides. */
export function boundingBox(area: Area): BoundingBox {
  if (area.kind === 'circle') {
    const r = area.radiusMetres * MARGIN + 10;
    const dLat = r / METRES_PER_DEGREE;
    // The circle is widest in longitude on its side nearer the pole.
    const dLon = r / (METRES_PER_DEGREE * Math.cos(((Math.abs(area.centre.lat) + dLat) * Math.PI) / 180));
    const { lat, lon } = area.centre;
    return { minLat: lat - dLat, maxLat: lat + dLat, minLon: lon - dLon, maxLon: lon + dLon };
  }
  // Holes lie inside the outer ring.
  const outer = area.rings[0] ?? [];
  return {
    minLat: Math.min(...outer.map((p) => p.lat)),
    maxLat: Math.max(...outer.map((p) => p.lat)),
    minLon: Math.min(...outer.map((p) => p.lon)),
    maxLon: Math.max(...outer.map((p) => p.lon)),
  };
}
