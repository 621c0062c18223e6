import type { Area } from '../../../domain/area/area.js';
import { assertNever } from '../../../domain/assert-never.js';
import type { LatLon } from '../../../domain/geo/lat-lon.js';

/** RFC 7946 positions are longitude first. */
export type GeoJsonPosition = readonly [lon: number, lat: number];

export interface GeoJsonPoint {
  readonly type: 'Point';
  readonly coordinates: GeoJsonPosition;
}

export interface GeoJsonPolygon {
  readonly type: 'Polygon';
  readonly coordinates: readonly (readonly GeoJsonPosition[])[];
}

/** The area as a GeoJSON Feature; GeoJSON has no circle, so a circle is its centre with the radius beside it. */
export type AreaFeature =
  | {
      readonly type: 'Feature';
      readonly geometry: GeoJsonPoint;
      readonly properties: { readonly shape: 'circle'; readonly radiusMetres: number };
    }
  | { readonly type: 'Feature'; readonly geometry: GeoJsonPolygon; readonly properties: { readonly shape: 'polygon' } };

/** Six decimals is about 10 cm, the precision RFC 7946 §11.2 recommends; more only makes the payload larger. */
const round = (degrees: number): number => Math.round(degrees * 1e6) / 1e6;

export function pointAsGeoJson(point: LatLon): GeoJsonPoint {
  return { type: 'Point', coordinates: [round(point.lon), round(point.lat)] };
}

export function areaAsGeoJson(area: Area): AreaFeature {
  switch (area.kind) {
    case 'circle':
      return {
        type: 'Feature',
        geometry: pointAsGeoJson(area.centre),
        properties: { shape: 'circle', radiusMetres: area.radiusMetres },
      };
    case 'polygon':
      return {
        type: 'Feature',
        geometry: { type: 'Polygon', coordinates: area.rings.map((ring, i) => linearRing(ring, i === 0)) },
        properties: { shape: 'polygon' },
      };
    default:
      return assertNever(area);
  }
}

/**
 * RFC 7946 §3.1.6: a ring is closed (its last position is its first) and follows the right-hand rule: the outer
 * ring counter-clockwise, holes clockwise. Our rings may be open and drawn either way round.
 */
function linearRing(ring: readonly LatLon[], outer: boolean): GeoJsonPosition[] {
  const positions = ring.map((p): GeoJsonPosition => [round(p.lon), round(p.lat)]);
  const first = positions[0];
  const last = positions[positions.length - 1];
  if (first !== undefined && last !== undefined && (first[0] !== last[0] || first[1] !== last[1]))
    positions.push(first);
  const counterClockwise = signedArea(positions) > 0;
  return counterClockwise === outer ? positions : positions.reverse();
}

/** Twice the shoelace area in degrees: positive when the ring runs counter-clockwise. */
function signedArea(ring: readonly GeoJsonPosition[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[i + 1]!;
    sum += x1 * y2 - x2 * y1;
  }
  return sum;
}
