import type { LatLon } from '../src/domain/geo/lat-lon.js';

export interface BenchPlace {
  readonly name: string;
  readonly centre: LatLon;
}

export const AMSTERDAM_DAM: BenchPlace = { name: 'Amsterdam Dam', centre: { lat: 52.3731, lon: 4.8926 } };
export const UTRECHT_CENTRAAL: BenchPlace = { name: 'Utrecht Centraal', centre: { lat: 52.0894, lon: 5.1101 } };
export const RURAL_DRENTHE: BenchPlace = { name: 'Drenthe (rural)', centre: { lat: 52.73, lon: 6.47 } };

export const TARGETING_PLACES: readonly BenchPlace[] = [AMSTERDAM_DAM, UTRECHT_CENTRAAL, RURAL_DRENTHE];
export const TARGETING_RADII_METRES: readonly number[] = [1_000, 2_000, 5_000, 10_000];

/**
 * Monday 23 November 2026, 10:00 in Amsterdam: the moment every selection is made for, so that the time
 * windows (office hours, evenings) filter the same way on every run.
 */
export const BENCH_MOMENT = new Date('2026-11-23T09:00:00Z');
