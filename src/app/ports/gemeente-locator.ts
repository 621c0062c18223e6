import type { LatLon } from '../../domain/geo/lat-lon.js';

/** Which gemeente a point lies in (by the bundled boundaries), with its safety region. */
export interface GemeenteLocator {
  gemeenteAt(point: LatLon): { readonly code: string; readonly safetyRegionCode: string } | null;
}
