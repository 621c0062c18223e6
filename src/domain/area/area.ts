import { assertNever } from '../assert-never.js';
import { distanceInMetres, isInServiceRegion, type LatLon } from '../geo/lat-lon.js';
import { checkPolygonShape, hasRepeatedPoint, openRing, type PolygonShapeProblem } from './polygon-shape.js';

/** The area of an action: a circle around the incident, or a drawn polygon with the incident inside. */
export type Area =
  | { readonly kind: 'circle'; readonly centre: LatLon; readonly radiusMetres: number }
  | {
      readonly kind: 'polygon';
      /** Where the incident is: recipients are ordered by their distance to it. */
      readonly centre: LatLon;
      /**
       * Outer ring first, then holes inside it; each ring closed or not, at least three distinct points, none
       * repeated in a row, no edges crossing or touching (checkArea).
       */
      readonly rings: readonly (readonly LatLon[])[];
    };

export const MIN_RADIUS_METRES = 100;
export const MAX_RADIUS_METRES = 50_000;
export const MAX_POLYGON_POINTS = 2_000;

export type AreaProblem =
  | 'radius-out-of-range'
  | 'outside-service-region'
  | 'polygon-too-small'
  | 'polygon-too-large'
  | 'polygon-repeated-point'
  | PolygonShapeProblem;

export function checkArea(area: Area): AreaProblem | null {
  if (!isInServiceRegion(area.centre)) return 'outside-service-region';
  switch (area.kind) {
    case 'circle':
      return area.radiusMetres < MIN_RADIUS_METRES || area.radiusMetres > MAX_RADIUS_METRES
        ? 'radius-out-of-range'
        : null;
    case 'polygon': {
      if (area.rings.length === 0 || area.rings.some((ring) => distinctPoints(ring) < 3)) return 'polygon-too-small';
      const points = area.rings.reduce((n, ring) => n + ring.length, 0);
      if (points > MAX_POLYGON_POINTS) return 'polygon-too-large';
      if (!area.rings.every((ring) => ring.every(isInServiceRegion))) return 'outside-service-region';
      if (boundingRadiusMetres(area) > MAX_RADIUS_METRES * 2) return 'polygon-too-large';
      const rings = area.rings.map(openRing);
      if (rings.some(hasRepeatedPoint)) return 'polygon-repeated-point';
      return checkPolygonShape(rings);
    }
    default:
      return assertNever(area);
  }
}

export function areaContains(area: Area, point: LatLon): boolean {
  switch (area.kind) {
    case 'circle':
      return distanceInMetres(area.centre, point) <= area.radiusMetres;
    case 'polygon': {
      const [outer, ...holes] = area.rings;
      return outer !== undefined && ringContains(outer, point) && !holes.some((hole) => ringContains(hole, point));
    }
    default:
      return assertNever(area);
  }
}

/** The distance from the centre to the farthest point of the area: bounds every covering. */
export function boundingRadiusMetres(area: Area): number {
  switch (area.kind) {
    case 'circle':
      return area.radiusMetres;
    case 'polygon':
      return Math.max(0, ...(area.rings[0] ?? []).map((p) => distanceInMetres(area.centre, p)));
    default:
      return assertNever(area);
  }
}

/** Even-odd ray casting in lon/lat; exact enough for areas of tens of kilometres. */
function ringContains(ring: readonly LatLon[], p: LatLon): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i]!;
    const b = ring[j]!;
    if (a.lat > p.lat !== b.lat > p.lat && p.lon < ((b.lon - a.lon) * (p.lat - a.lat)) / (b.lat - a.lat) + a.lon) {
      inside = !inside;
    }
  }
  return inside;
}

function distinctPoints(ring: readonly LatLon[]): number {
  return new Set(ring.map((p) => `${p.lat},${p.lon}`)).size;
}
