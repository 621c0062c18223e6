import { extentOf, type Extent } from '../../domain/geo/extent.js';
import { loadPoliceRegions } from './police-regions.js';

export interface PoliceUnitExtents {
  /** By police unit code (RE01…RE10), which is also the code of its meldkamer. */
  readonly units: ReadonlyMap<string, Extent>;
  /** Around all of them: the Netherlands. */
  readonly country: Extent;
}

/** The box around each police unit (regionale eenheid) of the bundled CBS boundaries (data/nl/SOURCES.md). */
export async function loadPoliceUnitExtents(file?: URL): Promise<PoliceUnitExtents> {
  const regions = await loadPoliceRegions(file);
  const country = extentOf(
    regions.flatMap((r) => [
      { lat: r.extent.south, lon: r.extent.west },
      { lat: r.extent.north, lon: r.extent.east },
    ]),
  );
  if (country === null) throw new Error('no police units');
  return { units: new Map(regions.map((r) => [r.code, r.extent])), country };
}
