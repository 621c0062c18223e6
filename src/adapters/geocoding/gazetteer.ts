import { extentOf, padExtent, type Extent } from '../../domain/geo/extent.js';
import type { Gemeente } from '../../domain/geo/gemeente.js';
import { distanceInMetres, type LatLon } from '../../domain/geo/lat-lon.js';
import type { Pc4Centroid } from '../../domain/geo/pc4-centroid.js';

/** A woonplaats as the bundled postcode table knows it: the PC4 areas that carry its name, near each other. */
export interface GazetteerWoonplaats {
  /** "wpl-" and its lowest PC4: stable as long as the table is. */
  readonly id: string;
  /** The table's spelling ("Bergen (NH)"); with its gemeente when two places share the name. */
  readonly name: string;
  /** `nameKey` of the name without a bracketed qualifier: "bergen". */
  readonly key: string;
  /** `nameKey` of the whole name: "bergen nh". */
  readonly fullKey: string;
  /** The mean of its PC4 centres. */
  readonly centre: LatLon;
  /** Around its PC4 centres, grown by the half-width of a PC4 area. */
  readonly extent: Extent;
}

export interface GazetteerPostcodeArea {
  readonly pc4: string;
  readonly city: string;
  readonly centre: LatLon;
}

/** The offline search's index: woonplaatsen and four-digit postcode areas. */
export interface Gazetteer {
  readonly woonplaatsen: readonly GazetteerWoonplaats[];
  readonly postcodeAreas: ReadonlyMap<string, GazetteerPostcodeArea>;
}

/** PC4 areas with the same place name further apart than this are different places (Hengelo Ov. and Gld.). */
const SAME_PLACE_M = 10_000;
/** Further than this from the middle of its two-digit postcode region, a PC4 centre is misplaced in the source. */
const REGION_OUTLIER_M = 45_000;
/** Roughly half the width of a PC4 area: how far a place reaches beyond its outermost PC4 centre. */
const PC4_HALF_WIDTH_M = 1_000;

/**
 * Lower case without accents, apostrophes or punctuation, single spaces: "'s-Hertogenbosch" and "s hertogenbosch"
 * compare equal.
 */
export function nameKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Builds the index from the bundled PC4 centres (data/nl/SOURCES.md, section 3). The table is old and has errors,
 * so a PC4 is left out when it lies in no gemeente, when its centre is shared with PC4s of other places (post-office
 * box ranges the source put on one sorting centre), or when it lies far from the rest of its two-digit region.
 */
export function buildGazetteer(
  centroids: readonly Pc4Centroid[],
  gemeenten: readonly Pick<Gemeente, 'code' | 'name'>[],
): Gazetteer {
  const usable = withoutOutliers(withoutSharedCentres(centroids.filter((c) => c.gemeenteCode !== null)));
  const gemeenteNames = new Map(gemeenten.map((g) => [g.code, g.name]));
  const postcodeAreas = new Map(usable.map((c) => [c.pc4, { pc4: c.pc4, city: c.city, centre: c.location }]));

  const byName = groupBy(usable, (c) => c.city);
  const woonplaatsen: GazetteerWoonplaats[] = [];
  for (const [name, areas] of byName) {
    const places = clusters(areas);
    for (const place of places) {
      const gemeente = gemeenteNames.get(majorityGemeente(place)) ?? null;
      const shown = places.length > 1 && gemeente !== null ? `${name}, gemeente ${gemeente}` : name;
      const pc4s = place.map((c) => c.pc4).sort();
      woonplaatsen.push({
        id: `wpl-${pc4s[0]}`,
        name: shown,
        key: nameKey(name.replace(/\s*\([^)]*\)\s*$/, '')),
        fullKey: nameKey(name),
        centre: meanOf(place.map((c) => c.location)),
        extent: padExtent(extentOf(place.map((c) => c.location))!, PC4_HALF_WIDTH_M),
      });
    }
  }
  woonplaatsen.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  return { woonplaatsen, postcodeAreas };
}

function withoutSharedCentres(centroids: readonly Pc4Centroid[]): Pc4Centroid[] {
  const placesAt = new Map<string, Set<string>>();
  const at = (c: Pc4Centroid) => `${c.location.lat.toFixed(4)},${c.location.lon.toFixed(4)}`;
  for (const c of centroids) {
    const places = placesAt.get(at(c)) ?? new Set<string>();
    places.add(c.city);
    placesAt.set(at(c), places);
  }
  return centroids.filter((c) => placesAt.get(at(c))!.size === 1);
}

function withoutOutliers(centroids: readonly Pc4Centroid[]): Pc4Centroid[] {
  const middles = new Map(
    [...groupBy(centroids, (c) => c.pc4.slice(0, 2))].map(([region, members]) => [
      region,
      {
        lat: medianOf(members.map((c) => c.location.lat)),
        lon: medianOf(members.map((c) => c.location.lon)),
      },
    ]),
  );
  return centroids.filter((c) => distanceInMetres(c.location, middles.get(c.pc4.slice(0, 2))!) <= REGION_OUTLIER_M);
}

/** PC4s of one name, grouped into places: each joins the first place whose middle is near, largest gemeente first. */
function clusters(areas: readonly Pc4Centroid[]): Pc4Centroid[][] {
  const byGemeente = [...groupBy(areas, (c) => c.gemeenteCode ?? '')].sort(
    ([a, x], [b, y]) => y.length - x.length || a.localeCompare(b),
  );
  const places: Pc4Centroid[][] = [];
  for (const [, members] of byGemeente) {
    const middle = meanOf(members.map((c) => c.location));
    const near = places.find((p) => distanceInMetres(meanOf(p.map((c) => c.location)), middle) <= SAME_PLACE_M);
    if (near) near.push(...members);
    else places.push([...members]);
  }
  return places;
}

function majorityGemeente(place: readonly Pc4Centroid[]): string {
  const counts = new Map<string, number>();
  for (const c of place) counts.set(c.gemeenteCode ?? '', (counts.get(c.gemeenteCode ?? '') ?? 0) + 1);
  return [...counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b))[0]![0];
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(keyOf(item));
    if (group) group.push(item);
    else groups.set(keyOf(item), [item]);
  }
  return groups;
}

function meanOf(points: readonly LatLon[]): LatLon {
  const lat = points.reduce((sum, p) => sum + p.lat, 0) / points.length;
  const lon = points.reduce((sum, p) => sum + p.lon, 0) / points.length;
  return { lat: Math.round(lat * 1e6) / 1e6, lon: Math.round(lon * 1e6) / 1e6 };
}

function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
