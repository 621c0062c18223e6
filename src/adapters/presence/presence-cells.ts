import { getResolution, isValidCell, latLngToCell } from 'h3-js';
import type { Area } from '../../domain/area/area.js';
import type { LatLon } from '../../domain/geo/lat-lon.js';
import type { PresenceCell } from '../../domain/push/presence-cell.js';
import { coveringH3Indexes } from '../store/h3-cells.js';

/**
 * Resolution 7: cells of about 5 km² (edges of about 1.4 km). In a city thousands of people share a cell, in
 * the countryside hundreds; an action of a few kilometres is covered by a handful of them.
 */
export const PRESENCE_RESOLUTION = 7;

const H3_INDEX = /^[0-9a-f]{15}$/;

/** The cell a phone sent, when it is a valid H3 index at the presence resolution; null otherwise. */
export function parsePresenceCell(value: string): PresenceCell | null {
  const cell = value.toLowerCase();
  if (!H3_INDEX.test(cell) || !isValidCell(cell) || getResolution(cell) !== PRESENCE_RESOLUTION) return null;
  return cell as PresenceCell;
}

export function presenceCellsCovering(area: Area): ReadonlySet<PresenceCell> {
  return coveringH3Indexes(area, PRESENCE_RESOLUTION) as Set<PresenceCell>;
}

/** The cell a phone at this point reports (what the app computes on the phone; here for simulated phones). */
export function presenceCellOf(location: LatLon): PresenceCell {
  return latLngToCell(location.lat, location.lon, PRESENCE_RESOLUTION) as PresenceCell;
}
