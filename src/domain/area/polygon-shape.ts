import type { LatLon } from '../geo/lat-lon.js';
import { projector, ringContainsXy, type Xy } from './local-plane.js';

/**
 * Why the rings of a polygon do not make one: a ring whose edges cross or touch (a bow-tie, a figure eight, a
 * spike that doubles back), or a hole that crosses, touches or lies outside the outer ring. Even-odd ray casting
 * gives such a polygon some inside, but not the one that was drawn (a bow-tie's crossing flips it).
 */
export type PolygonShapeProblem = 'polygon-self-intersecting' | 'polygon-hole-outside';

/** The ring without its closing point (the first repeated at the end), if it was given closed. */
export function openRing(ring: readonly LatLon[]): readonly LatLon[] {
  const first = ring[0];
  const last = ring.at(-1);
  return ring.length > 1 && first !== undefined && last !== undefined && samePoint(first, last)
    ? ring.slice(0, -1)
    : ring;
}

/** Whether a point follows itself somewhere in the (open) ring, the last point wrapping round to the first. */
export function hasRepeatedPoint(ring: readonly LatLon[]): boolean {
  return ring.length > 1 && ring.some((p, i) => samePoint(p, ring[(i + 1) % ring.length]!));
}

export function samePoint(a: LatLon, b: LatLon): boolean {
  return a.lat === b.lat && a.lon === b.lon;
}

interface Edge {
  readonly ring: number;
  readonly index: number;
  readonly a: Xy;
  readonly b: Xy;
  readonly minX: number;
  readonly maxX: number;
  readonly minY: number;
  readonly maxY: number;
}

/**
 * Checks open rings (outer first, then holes) of at least three points with no point repeated in a row. Every
 * pair of edges that are not neighbours in one ring must not meet at all, not even at a point; neighbours only
 * at the corner they share. Edges are swept by their west end, so a 2,000-point polygon takes well under the
 * n² pairs. On the local plane in metres, whose mapping is linear, so crossing there is crossing in degrees.
 */
export function checkPolygonShape(rings: readonly (readonly LatLon[])[]): PolygonShapeProblem | null {
  const origin = rings[0]?.[0];
  if (origin === undefined) return null;
  const project = projector(origin);
  const plane = rings.map((ring) => ring.map(project));
  const all: Edge[] = plane.flatMap((ring, r) =>
    ring.map((a, index) => {
      const b = ring[(index + 1) % ring.length]!;
      return {
        ring: r,
        index,
        a,
        b,
        minX: Math.min(a.x, b.x),
        maxX: Math.max(a.x, b.x),
        minY: Math.min(a.y, b.y),
        maxY: Math.max(a.y, b.y),
      };
    }),
  );
  all.sort((e, f) => e.minX - f.minX);
  for (let i = 0; i < all.length; i++) {
    const e = all[i]!;
    for (let j = i + 1; j < all.length && all[j]!.minX <= e.maxX; j++) {
      const f = all[j]!;
      if (f.minY > e.maxY || f.maxY < e.minY) continue;
      if (!edgesMeet(e, f, plane[e.ring]!.length)) continue;
      return e.ring === f.ring || (e.ring !== 0 && f.ring !== 0) ? 'polygon-self-intersecting' : 'polygon-hole-outside';
    }
  }
  // Nothing crosses, so a hole lies wholly inside the outer ring or wholly outside it: one corner tells which.
  const outer = plane[0]!;
  if (plane.slice(1).some((hole) => !ringContainsXy(outer, hole[0]!))) return 'polygon-hole-outside';
  return null;
}

/** Whether two edges meet where they should not: anywhere, or for neighbours anywhere but their shared corner. */
function edgesMeet(e: Edge, f: Edge, ringLength: number): boolean {
  if (e.ring === f.ring) {
    if (e.index === (f.index + 1) % ringLength) return doublesBack(f.a, f.b, e.b);
    if (f.index === (e.index + 1) % ringLength) return doublesBack(e.a, e.b, f.b);
  }
  return segmentsMeet(e.a, e.b, f.a, f.b);
}

/** Whether the path u → v → w turns back on itself along the same line (a spike of no width). */
function doublesBack(u: Xy, v: Xy, w: Xy): boolean {
  return orientation(u, v, w) === 0 && (u.x - v.x) * (w.x - v.x) + (u.y - v.y) * (w.y - v.y) > 0;
}

/** Whether closed segments ab and cd have any point in common (crossing, touching, or overlapping). */
export function segmentsMeet(a: Xy, b: Xy, c: Xy, d: Xy): boolean {
  const [o1, o2, o3, o4] = [orientation(a, b, c), orientation(a, b, d), orientation(c, d, a), orientation(c, d, b)];
  if (o1 !== o2 && o3 !== o4) return true;
  return (
    (o1 === 0 && onSegment(a, b, c)) ||
    (o2 === 0 && onSegment(a, b, d)) ||
    (o3 === 0 && onSegment(c, d, a)) ||
    (o4 === 0 && onSegment(c, d, b))
  );
}

function orientation(p: Xy, q: Xy, r: Xy): number {
  return Math.sign((q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x));
}

/** For p on the line through a and b: whether it lies between them. */
function onSegment(a: Xy, b: Xy, p: Xy): boolean {
  return (
    Math.min(a.x, b.x) <= p.x && p.x <= Math.max(a.x, b.x) && Math.min(a.y, b.y) <= p.y && p.y <= Math.max(a.y, b.y)
  );
}
