import { extentOf, type Extent } from '../geo/extent.js';
import type { LatLon } from '../geo/lat-lon.js';

/** One polygon of a region: its outer ring, then its holes. */
export type RegionPolygon = readonly (readonly LatLon[])[];

/**
 * A police region (regionale eenheid). Its code is that of its meldkamer (RE01…RE10): the meldkamer runs the
 * actions in it. The box around it lets most points be ruled out without looking at the rings.
 */
export interface PoliceRegion {
  readonly code: string;
  readonly polygons: readonly RegionPolygon[];
  readonly extent: Extent;
}

export function policeRegion(code: string, polygons: readonly RegionPolygon[]): PoliceRegion {
  const extent = extentOf(polygons.flatMap((polygon) => polygon[0] ?? []));
  if (extent === null) throw new Error(`police region ${code} has no points`);
  return { code, polygons, extent };
}
