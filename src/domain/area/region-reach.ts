import { assertNever } from '../assert-never.js';
import type { LatLon } from '../geo/lat-lon.js';
import type { Area } from './area.js';
import {
  distance,
  distanceToSegment,
  edges,
  projector,
  properlyCross,
  ringContainsXy,
  ringSurface,
  type Xy,
} from './local-plane.js';
import type { PoliceRegion } from './police-region.js';

/** Where an area lies among the police regions, seen from the region of the meldkamer that runs the action. */
export interface RegionReach {
  /** The other regions the area touches at all, by code, sorted. */
  readonly touches: readonly string[];
  /** Of those, the ones the area reaches into further than the margin from the own region. */
  readonly beyondMargin: readonly string[];
}

/** At most this many points are looked at inside an area, and never closer together than the minimum spacing. */
const MAX_SAMPLES = 20_000;
const MIN_SPACING_METRES = 100;

interface Box {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

type PlaneArea =
  | { readonly kind: 'circle'; readonly centre: Xy; readonly radius: number; readonly box: Box }
  | { readonly kind: 'polygon'; readonly rings: readonly (readonly Xy[])[]; readonly box: Box };

interface PlaneRegion {
  readonly code: string;
  readonly polygons: readonly (readonly (readonly Xy[])[])[];
  /** Every ring of every polygon: the polygons do not overlap, so a point is inside when it is inside an odd number. */
  readonly rings: readonly (readonly Xy[])[];
  readonly edges: readonly [Xy, Xy][];
  readonly box: Box;
}

/**
 * Which regions an area touches, and which it reaches into further than `marginMetres` beyond the own region
 * (`ownCode`). Touching is decided exactly (a shared point is enough). The margin is decided on points spread over
 * the area (a grid, its boundary, and the other regions' borders inside it) at most about 225 m apart for an area
 * of up to 1,000 km² (coarser above that): a region counts as reached beyond the margin when one of those points in
 * it lies further than the margin from the own region. Sea and land abroad belong to no region and count for none.
 */
export function regionReach(
  area: Area,
  ownCode: string,
  regions: readonly PoliceRegion[],
  marginMetres: number,
): RegionReach {
  const project = projector(area.centre);
  const plane = toPlaneArea(area, project);
  const own = regions.find((r) => r.code === ownCode);
  const ownPlane = own === undefined ? null : toPlaneRegion(own, project);
  const touched = regions
    .filter((r) => r.code !== ownCode)
    .map((r) => toPlaneRegion(r, project))
    .filter((r) => touches(plane, r));
  if (touched.length === 0) return { touches: [], beyondMargin: [] };
  const farFromOwn = (p: Xy) =>
    ownPlane === null || (!regionContains(ownPlane, p) && distanceToRegion(ownPlane, p) > marginMetres);
  const spacing = Math.max(MIN_SPACING_METRES, Math.sqrt(surfaceOf(plane) / MAX_SAMPLES));
  const found = new Set<string>();
  const note = (p: Xy, inside: readonly PlaneRegion[]) => {
    if (inside.length > 0 && farFromOwn(p)) for (const r of inside) found.add(r.code);
  };
  // The grid row by row: where each row crosses the rings is worked out once, each point looked up in that.
  const { minX, minY, maxX, maxY } = plane.box;
  for (let y = minY + spacing / 2; y < maxY && found.size < touched.length; y += spacing) {
    const inArea = rowOfArea(plane, y);
    const rows = touched.filter((r) => !found.has(r.code)).map((r) => ({ region: r, xs: crossings(r.rings, y) }));
    for (let x = minX + spacing / 2; x < maxX; x += spacing) {
      if (!inArea(x)) continue;
      note(
        { x, y },
        rows.filter((row) => !found.has(row.region.code) && oddRightOf(row.xs, x)).map((row) => row.region),
      );
    }
  }
  for (const p of boundarySamples(plane, spacing)) {
    note(
      p,
      touched.filter((r) => !found.has(r.code) && regionContains(r, p)),
    );
  }
  // A thin strip of a region inside the area may fall between the grid's points: its border is looked at too.
  for (const region of touched) {
    if (found.has(region.code)) continue;
    if (borderSamples(region, plane, spacing).some(farFromOwn)) found.add(region.code);
  }
  const codes = touched.map((r) => r.code).sort();
  return { touches: codes, beyondMargin: codes.filter((c) => found.has(c)) };
}

/** The other regions the area touches, without looking at the margin (cheap: no points are spread). */
export function regionsTouched(area: Area, ownCode: string, regions: readonly PoliceRegion[]): string[] {
  const project = projector(area.centre);
  const plane = toPlaneArea(area, project);
  return regions
    .filter((r) => r.code !== ownCode && touches(plane, toPlaneRegion(r, project)))
    .map((r) => r.code)
    .sort();
}

/** The region a point lies in (by code), or null: at sea or abroad. */
export function regionAt(point: LatLon, regions: readonly PoliceRegion[]): string | null {
  const project = projector(point);
  const origin = project(point);
  return regions.find((r) => regionContains(toPlaneRegion(r, project), origin))?.code ?? null;
}

/** The surface of an area in km²: a circle's πr², a polygon's outer ring less its holes. */
export function areaSurfaceKm2(area: Area): number {
  return surfaceOf(toPlaneArea(area, projector(area.centre))) / 1_000_000;
}

function toPlaneArea(area: Area, project: (p: LatLon) => Xy): PlaneArea {
  switch (area.kind) {
    case 'circle': {
      const centre = project(area.centre);
      const r = area.radiusMetres;
      return {
        kind: 'circle',
        centre,
        radius: r,
        box: { minX: centre.x - r, minY: centre.y - r, maxX: centre.x + r, maxY: centre.y + r },
      };
    }
    case 'polygon': {
      const rings = area.rings.map((ring) => ring.map(project));
      return { kind: 'polygon', rings, box: boxOf(rings[0] ?? []) };
    }
    default:
      return assertNever(area);
  }
}

function toPlaneRegion(region: PoliceRegion, project: (p: LatLon) => Xy): PlaneRegion {
  const polygons = region.polygons.map((polygon) => polygon.map((ring) => ring.map(project)));
  return {
    code: region.code,
    polygons,
    rings: polygons.flat(),
    edges: polygons.flatMap((polygon) => polygon.flatMap((ring) => edges(ring))),
    box: boxOf(polygons.flatMap((polygon) => polygon[0] ?? [])),
  };
}

function boxOf(points: readonly Xy[]): Box {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { x, y } of points) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  return { minX, minY, maxX, maxY };
}

const inBox = (box: Box, p: Xy) => p.x >= box.minX && p.x <= box.maxX && p.y >= box.minY && p.y <= box.maxY;
const boxesMeet = (a: Box, b: Box) => a.minX <= b.maxX && b.minX <= a.maxX && a.minY <= b.maxY && b.minY <= a.maxY;

function surfaceOf(area: PlaneArea): number {
  switch (area.kind) {
    case 'circle':
      return Math.PI * area.radius ** 2;
    case 'polygon': {
      const [outer = [], ...holes] = area.rings;
      return Math.max(0, ringSurface(outer) - holes.reduce((sum, hole) => sum + ringSurface(hole), 0));
    }
    default:
      return assertNever(area);
  }
}

function areaContains(area: PlaneArea, p: Xy): boolean {
  if (!inBox(area.box, p)) return false;
  switch (area.kind) {
    case 'circle':
      return distance(area.centre, p) <= area.radius;
    case 'polygon': {
      const [outer, ...holes] = area.rings;
      return outer !== undefined && ringContainsXy(outer, p) && !holes.some((hole) => ringContainsXy(hole, p));
    }
    default:
      return assertNever(area);
  }
}

function regionContains(region: PlaneRegion, p: Xy): boolean {
  return (
    inBox(region.box, p) &&
    region.polygons.some(
      ([outer, ...holes]) =>
        outer !== undefined && ringContainsXy(outer, p) && !holes.some((hole) => ringContainsXy(hole, p)),
    )
  );
}

function distanceToRegion(region: PlaneRegion, p: Xy): number {
  let best = Infinity;
  for (const [a, b] of region.edges) best = Math.min(best, distanceToSegment(p, a, b));
  return best;
}

/** Whether the area and the region have a point in common. */
function touches(area: PlaneArea, region: PlaneRegion): boolean {
  if (!boxesMeet(area.box, region.box)) return false;
  switch (area.kind) {
    case 'circle':
      return regionContains(region, area.centre) || distanceToRegion(region, area.centre) <= area.radius;
    case 'polygon': {
      const near = region.edges.filter(([c, d]) => boxesMeet(boxOf([c, d]), area.box));
      const areaEdges = area.rings.flatMap((ring) => edges(ring));
      return (
        (area.rings[0] ?? []).some((p) => regionContains(region, p)) ||
        near.some(([c]) => areaContains(area, c)) ||
        areaEdges.some(([a, b]) => near.some(([c, d]) => properlyCross(a, b, c, d)))
      );
    }
    default:
      return assertNever(area);
  }
}

/** Where the rings' edges cross the line at `y`, sorted: as in ray casting, a point is inside a ring set when an odd number lie to its right. */
function crossings(rings: readonly (readonly Xy[])[], y: number): number[] {
  const xs: number[] = [];
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i]!;
      const b = ring[j]!;
      if (a.y > y !== b.y > y) xs.push(((b.x - a.x) * (y - a.y)) / (b.y - a.y) + a.x);
    }
  }
  return xs.sort((p, q) => p - q);
}

function oddRightOf(xs: readonly number[], x: number): boolean {
  let [lo, hi] = [0, xs.length];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return (xs.length - lo) % 2 === 1;
}

/** Which points of the line at `y` lie in the area. */
function rowOfArea(area: PlaneArea, y: number): (x: number) => boolean {
  switch (area.kind) {
    case 'circle': {
      const dy = y - area.centre.y;
      const half = Math.sqrt(Math.max(0, area.radius ** 2 - dy ** 2));
      return (x) => Math.abs(x - area.centre.x) <= half;
    }
    case 'polygon': {
      const xs = crossings(area.rings, y);
      return (x) => oddRightOf(xs, x);
    }
    default:
      return assertNever(area);
  }
}

/** Points along the area's boundary, `spacing` apart. */
function* boundarySamples(area: PlaneArea, spacing: number): Generator<Xy> {
  switch (area.kind) {
    case 'circle': {
      const n = Math.max(8, Math.ceil((2 * Math.PI * area.radius) / spacing));
      for (let i = 0; i < n; i++) {
        const angle = (2 * Math.PI * i) / n;
        yield { x: area.centre.x + area.radius * Math.cos(angle), y: area.centre.y + area.radius * Math.sin(angle) };
      }
      return;
    }
    case 'polygon':
      for (const ring of area.rings) for (const [a, b] of edges(ring)) yield* along(a, b, spacing);
      return;
    default:
      return assertNever(area);
  }
}

/** Points on the region's border that lie inside the area, `spacing` apart. */
function borderSamples(region: PlaneRegion, area: PlaneArea, spacing: number): Xy[] {
  const found: Xy[] = [];
  for (const [a, b] of region.edges) {
    if (!boxesMeet(boxOf([a, b]), area.box)) continue;
    for (const p of along(a, b, spacing)) if (areaContains(area, p)) found.push(p);
  }
  return found;
}

function* along(a: Xy, b: Xy, spacing: number): Generator<Xy> {
  const n = Math.max(1, Math.ceil(distance(a, b) / spacing));
  for (let i = 0; i < n; i++) yield { x: a.x + ((b.x - a.x) * i) / n, y: a.y + ((b.y - a.y) * i) / n };
}
