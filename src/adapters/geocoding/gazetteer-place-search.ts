import type {
  Place,
  PlaceLookupOutcome,
  PlaceSearch,
  PlaceSuggestOutcome,
  PlaceSuggestion,
} from '../../app/ports/place-search.js';
import { nameKey, type Gazetteer, type GazetteerPostcodeArea, type GazetteerWoonplaats } from './gazetteer.js';

/** Four digits first: a postcode area, whatever follows (the letters of a full postcode, a house number). */
const POSTCODE_QUERY = /^\s*([1-9]\d{3})(?![0-9])/;

/** Names people use for a place the postcode table spells otherwise. */
const ALIASES: ReadonlyMap<string, string> = new Map([
  ['den haag', 's gravenhage'],
  ['den bosch', 's hertogenbosch'],
]);

/**
 * The offline place search (the default; no internet needed): woonplaatsen by name and four-digit postcode areas.
 * It knows no streets or addresses, so a full postcode with house number finds the middle of its PC4 area, and a
 * street with a place name finds the place; the kind of what it found says so.
 */
export function createGazetteerPlaceSearch(gazetteer: Gazetteer): PlaceSearch {
  const byId = new Map<string, Place>();
  for (const w of gazetteer.woonplaatsen) byId.set(w.id, woonplaatsPlace(w));
  for (const area of gazetteer.postcodeAreas.values()) byId.set(idOf(area), postcodeAreaPlace(area));

  return {
    async suggest(query: string, limit: number): Promise<PlaceSuggestOutcome> {
      const postcode = POSTCODE_QUERY.exec(query);
      const found = postcode
        ? [gazetteer.postcodeAreas.get(postcode[1]!)].flatMap((area) => (area ? [postcodeAreaPlace(area)] : []))
        : woonplaatsenFor(gazetteer.woonplaatsen, nameKey(query)).map(woonplaatsPlace);
      return { kind: 'suggestions', suggestions: found.slice(0, limit).map(suggestionOf) };
    },
    async lookup(id: string): Promise<PlaceLookupOutcome> {
      const place = byId.get(id);
      return place ? { kind: 'found', place } : { kind: 'not-found' };
    },
  };
}

/**
 * The places a name means, best first: those named exactly so (two Hengelos are both meant); failing that, names
 * that start with it or have a word that does; failing that, names that stand in it as whole words ("Oudegracht
 * 150 Utrecht" means Utrecht), longest first.
 */
function woonplaatsenFor(woonplaatsen: readonly GazetteerWoonplaats[], typed: string): GazetteerWoonplaats[] {
  if (typed.length < 2) return [];
  const key = ALIASES.get(typed) ?? typed;
  const exact = woonplaatsen.filter((w) => w.key === key || w.fullKey === key);
  if (exact.length > 0) return exact;
  const starting = woonplaatsen.filter((w) => w.fullKey.startsWith(key));
  const wordStarting = woonplaatsen.filter((w) => !w.fullKey.startsWith(key) && ` ${w.fullKey}`.includes(` ${key}`));
  const byLength = (a: GazetteerWoonplaats, b: GazetteerWoonplaats) => a.fullKey.length - b.fullKey.length;
  const partial = [...starting.sort(byLength), ...wordStarting.sort(byLength)];
  if (partial.length > 0) return partial;
  return woonplaatsen
    .filter((w) => ` ${key} `.includes(` ${w.key} `))
    .sort((a, b) => b.key.length - a.key.length || a.name.localeCompare(b.name, 'nl'));
}

const idOf = (area: GazetteerPostcodeArea): string => `pc4-${area.pc4}`;

function woonplaatsPlace(w: GazetteerWoonplaats): Place {
  return { id: w.id, kind: 'woonplaats', name: w.name, city: null, centre: w.centre, extent: w.extent };
}

function postcodeAreaPlace(area: GazetteerPostcodeArea): Place {
  return { id: idOf(area), kind: 'postcode-area', name: area.pc4, city: area.city, centre: area.centre, extent: null };
}

const suggestionOf = ({ id, kind, name, city }: Place): PlaceSuggestion => ({ id, kind, name, city });
