import type { LatLon } from './lat-lon.js';

/** The approximate centre of a four-digit postcode area. */
export interface Pc4Centroid {
  /** "1011" */
  readonly pc4: string;
  readonly city: string;
  readonly location: LatLon;
  /** The gemeente containing the centre; null when it falls outside every gemeente (coast). */
  readonly gemeenteCode: string | null;
}
