import type { LatLon } from '../geo/lat-lon.js';

const METRES_PER_DEGREE_LAT = 111_320;

/**
 * A point in metres east and north of an origin: planar, exact enough within the 100 km an area may span. The
 * mapping is linear in latitude and longitude, so a point lies inside a ring here exactly when it does in degrees.
 */
export interface Xy {
  readonly x: number;
  readonly y: number;
}

export function projector(origin: LatLon): (p: LatLon) => Xy {
  const metresPerDegreeLon = METRES_PER_DEGREE_LAT * Math.cos((origin.lat * Math.PI) / 180);
  return (p) => ({ x: (p.lon - origin.lon) * metresPerDegreeLon, y: (p.lat - origin.lat) * METRES_PER_DEGREE_LAT });
}

/** The ring's edges, closing it (a ring given closed gets one empty edge, which no rule minds). */
export function edges(points: readonly Xy[]): [Xy, Xy][] {
  return points.map((p, i) => [p, points[(i + 1) % points.length]!] as [Xy, Xy]);
}

export function distance(a: Xy, b: Xy): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

export function distanceToSegment(p: Xy, a: Xy, b: Xy): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSquared));
  return distance(p, { x: a.x + t * dx, y: a.y + t * dy });
}

/** Whether segments ab and cd cross at a point inside both (touching at an end or along a line is not crossing). */
export function properlyCross(a: Xy, b: Xy, c: Xy, d: Xy): boolean {
  const side = (p: Xy, q: Xy, r: Xy) => Math.sign((q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x));
  const [d1, d2, d3, d4] = [side(c, d, a), side(c, d, b), side(a, b, c), side(a, b, d)];
  return d1 * d2 < 0 && d3 * d4 < 0;
}

/** Even-odd ray casting. */
export function ringContainsXy(ring: readonly Xy[], p: Xy): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i]!;
    const b = ring[j]!;
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

/** The surface of a ring in square metres (shoelace), whichever way it runs. */
export function ringSurface(ring: readonly Xy[]): number {
  let twice = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    twice += (ring[j]!.x - ring[i]!.x) * (ring[j]!.y + ring[i]!.y);
  }
  return Math.abs(twice) / 2;
}
