import { assertNever } from '../assert-never.js';
import type { LatLon } from '../geo/lat-lon.js';
import { areaContains, type Area } from './area.js';

/** Slack for a redrawn boundary that lies on the old one (a centralist's hand, float rounding): one metre. */
const TOLERANCE_METRES = 1;
const METRES_PER_DEGREE_LAT = 111_320;

/** A point in metres east and north of an origin: planar, exact enough within the 100 km an area may span. */
interface Xy {
  readonly x: number;
  readonly y: number;
}

function projector(origin: LatLon): (p: LatLon) => Xy {
  const metresPerDegreeLon = METRES_PER_DEGREE_LAT * Math.cos((origin.lat * Math.PI) / 180);
  return (p) => ({ x: (p.lon - origin.lon) * metresPerDegreeLon, y: (p.lat - origin.lat) * METRES_PER_DEGREE_LAT });
}

/**
 * Whether `outer` covers all of `inner`: a widening must, so that it never moves an alert to another place
 * (moving is a different, explicit step). Circle in circle, polygon in circle, circle in polygon (its centre inside
 * and every edge at least a radius away) and polygon in polygon (every corner inside, no edges crossing, no hole of
 * the outer one inside the inner one) are decided exactly on a local plane.
 */
export function areaCovers(outer: Area, inner: Area): boolean {
  const project = projector(inner.centre);
  switch (inner.kind) {
    case 'circle':
      return circleCovered(outer, inner, project);
    case 'polygon':
      return polygonCovered(outer, inner.rings[0] ?? [], project);
    default:
      return assertNever(inner);
  }
}

function circleCovered(outer: Area, inner: Extract<Area, { kind: 'circle' }>, project: (p: LatLon) => Xy): boolean {
  switch (outer.kind) {
    case 'circle':
      return (
        distance(project(outer.centre), project(inner.centre)) + inner.radiusMetres <=
        outer.radiusMetres + TOLERANCE_METRES
      );
    case 'polygon': {
      if (!areaContains(outer, inner.centre)) return false;
      const centre = project(inner.centre);
      return outer.rings.every((ring) =>
        edges(ring.map(project)).every(
          ([a, b]) => distanceToSegment(centre, a, b) + TOLERANCE_METRES >= inner.radiusMetres,
        ),
      );
    }
    default:
      return assertNever(outer);
  }
}

function polygonCovered(outer: Area, ring: readonly LatLon[], project: (p: LatLon) => Xy): boolean {
  switch (outer.kind) {
    case 'circle': {
      const centre = project(outer.centre);
      return ring.every((p) => distance(centre, project(p)) <= outer.radiusMetres + TOLERANCE_METRES);
    }
    case 'polygon': {
      if (!ring.every((p) => areaContains(outer, p) || onBoundary(outer, p, project))) return false;
      const innerEdges = edges(ring.map(project));
      const crossing = outer.rings.some((outerRing) =>
        edges(outerRing.map(project)).some(([a, b]) => innerEdges.some(([c, d]) => properlyCross(a, b, c, d))),
      );
      if (crossing) return false;
      const innerArea: Area = { kind: 'polygon', centre: ring[0] ?? outer.centre, rings: [ring] };
      return outer.rings.slice(1).every((hole) => !hole.some((p) => areaContains(innerArea, p)));
    }
    default:
      return assertNever(outer);
  }
}

function onBoundary(area: Extract<Area, { kind: 'polygon' }>, p: LatLon, project: (p: LatLon) => Xy): boolean {
  const point = project(p);
  return area.rings.some((ring) =>
    edges(ring.map(project)).some(([a, b]) => distanceToSegment(point, a, b) <= TOLERANCE_METRES),
  );
}

function edges(points: readonly Xy[]): [Xy, Xy][] {
  return points.map((p, i) => [p, points[(i + 1) % points.length]!] as [Xy, Xy]);
}

function distance(a: Xy, b: Xy): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

function distanceToSegment(p: Xy, a: Xy, b: Xy): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSquared));
  return distance(p, { x: a.x + t * dx, y: a.y + t * dy });
}

/** Whether segments ab and cd cross at a point inside both (touching at an end or along a line is not crossing). */
function properlyCross(a: Xy, b: Xy, c: Xy, d: Xy): boolean {
  const side = (p: Xy, q: Xy, r: Xy) => Math.sign((q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x));
  const [d1, d2, d3, d4] = [side(c, d, a), side(c, d, b), side(a, b, c), side(a, b, d)];
  return d1 * d2 < 0 && d3 * d4 < 0;
}
