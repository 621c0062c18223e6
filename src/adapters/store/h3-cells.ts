import { latLngToCell, polygonToCellsExperimental, POLYGON_TO_CELLS_FLAGS } from 'h3-js';
import type { Area } from '../../domain/area/area.js';
import type { LatLon } from '../../domain/geo/lat-lon.js';

/** Resolution 8: cells of about 0.7 km², so a 2 km circle is covered by a few dozen cells. */
export const H3_RESOLUTION = 8;
const CIRCLE_SEGMENTS = 48;
const METRES_PER_DEGREE_LAT = 111_320;

/** The cell as a decimal string of its signed 64-bit value (the `bigint` column). */
export function h3CellOf(location: LatLon): string {
  return BigInt.asIntN(64, BigInt(`0x${latLngToCell(location.lat, location.lon, H3_RESOLUTION)}`)).toString();
}

/** Every cell that overlaps the area: a superset of the cells of the points inside it. */
export function coveringCells(area: Area): string[] {
  return [...coveringH3Indexes(area, H3_RESOLUTION)].map((h) => BigInt.asIntN(64, BigInt(`0x${h}`)).toString());
}

/** The H3 indexes (hexadecimal, as h3-js writes them) of every cell at this resolution that overlaps the area. */
export function coveringH3Indexes(area: Area, resolution: number): Set<string> {
  const ring = area.kind === 'circle' ? circumscribedPolygon(area.centre, area.radiusMetres) : (area.rings[0] ?? []);
  const coordinates = ring.map((p) => [p.lat, p.lon]);
  const cells = new Set(
    polygonToCellsExperimental(coordinates, resolution, POLYGON_TO_CELLS_FLAGS.containmentOverlapping),
  );
  // The incident's own cell, so that even a tiny area is never without cells.
  cells.add(latLngToCell(area.centre.lat, area.centre.lon, resolution));
  return cells;
}

/** A polygon around the circle (its edges touch it from outside), so nothing inside the circle falls out. */
function circumscribedPolygon(centre: LatLon, radiusMetres: number): LatLon[] {
  const r = radiusMetres / Math.cos(Math.PI / CIRCLE_SEGMENTS) + 1;
  const metresPerDegreeLon = METRES_PER_DEGREE_LAT * Math.cos((centre.lat * Math.PI) / 180);
  return Array.from({ length: CIRCLE_SEGMENTS }, (_, i) => {
    const angle = (2 * Math.PI * i) / CIRCLE_SEGMENTS;
    return {
      lat: centre.lat + (r * Math.sin(angle)) / METRES_PER_DEGREE_LAT,
      lon: centre.lon + (r * Math.cos(angle)) / metresPerDegreeLon,
    };
  });
}
