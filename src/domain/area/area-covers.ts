import { assertNever } from '../assert-never.js';
import type { LatLon } from '../geo/lat-lon.js';
import { areaContains, type Area } from './area.js';
import { distance, distanceToSegment, edges, projector, properlyCross, type Xy } from './local-plane.js';

/** Slack for a redrawn boundary that lies on the old one (a centralist's hand, float rounding): one metre. */
const TOLERANCE_METRES = 1;

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
