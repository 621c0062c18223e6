import type { LatLon } from './lat-lon.js';

/** A Dutch municipality with the regions it belongs to (CBS 2025 codes) and its population (CBS, 1 Jan 2024). */
export interface Gemeente {
  /** "GM0363" */
  readonly code: string;
  readonly name: string;
  /** "PV27" */
  readonly provinceCode: string;
  readonly provinceName: string;
  /** "VR13" */
  readonly safetyRegionCode: string;
  readonly safetyRegionName: string;
  /** "RE05": the police unit, and so the meldkamer, that covers it. */
  readonly policeUnitCode: string;
  readonly policeUnitName: string;
  readonly population: number;
  /** A point guaranteed inside the gemeente; not its population centroid. */
  readonly interior: LatLon;
}
