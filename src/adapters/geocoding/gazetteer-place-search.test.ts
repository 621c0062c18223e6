import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { PlaceSearch, PlaceSuggestion } from '../../app/ports/place-search.js';
import type { Pc4Centroid } from '../../domain/geo/pc4-centroid.js';
import { loadGemeenten, loadPc4Centroids } from '../geodata/geodata.js';
import { buildGazetteer } from './gazetteer.js';
import { createGazetteerPlaceSearch } from './gazetteer-place-search.js';

async function suggestionsFor(search: PlaceSearch, query: string): Promise<PlaceSuggestion[]> {
  const outcome = await search.suggest(query, 8);
  assert.equal(outcome.kind, 'suggestions');
  return outcome.kind === 'suggestions' ? [...outcome.suggestions] : [];
}

describe('the offline place search (bundled woonplaatsen and PC4 areas)', () => {
  let search: PlaceSearch;
  before(async () => {
    const [centroids, gemeenten] = await Promise.all([loadPc4Centroids(), loadGemeenten()]);
    search = createGazetteerPlaceSearch(buildGazetteer(centroids, gemeenten));
  });

  it('finds a woonplaats by its name, with its middle and the area it covers', async () => {
    const [utrecht, ...others] = await suggestionsFor(search, 'utrecht');
    assert.deepEqual(others, []);
    assert.ok(utrecht !== undefined);
    assert.deepEqual(utrecht, { id: utrecht.id, kind: 'woonplaats', name: 'Utrecht', city: null });
    const found = await search.lookup(utrecht.id);
    assert.equal(found.kind, 'found');
    if (found.kind !== 'found') return;
    const { centre, extent } = found.place;
    assert.ok(Math.abs(centre.lat - 52.09) < 0.03 && Math.abs(centre.lon - 5.11) < 0.04, JSON.stringify(centre));
    assert.ok(extent !== null);
    assert.ok(
      extent.south < centre.lat && centre.lat < extent.north && extent.west < centre.lon && centre.lon < extent.east,
    );
    assert.ok(extent.north - extent.south < 0.2, 'the city, not the province');
  });

  it('takes a full postcode with house number for the middle of its four-digit area, and says so', async () => {
    for (const query of ['1071 AA 1', '1071AA', '1071', ' 1071 aa 12-3 ']) {
      assert.deepEqual(
        await suggestionsFor(search, query),
        [{ id: 'pc4-1071', kind: 'postcode-area', name: '1071', city: 'Amsterdam' }],
        query,
      );
    }
    const found = await search.lookup('pc4-1071');
    assert.equal(found.kind === 'found' && found.place.extent, null);
  });

  it('offers every place with the name, names that start with it, or the place a street lies in', async () => {
    const hengelos = await suggestionsFor(search, 'Hengelo');
    assert.deepEqual(hengelos.map((s) => s.name).sort(), ['Hengelo', 'Hengelo (Gld)']);
    // Names that start with it, shortest first; then names with a word that does.
    assert.deepEqual(
      (await suggestionsFor(search, 'Amster')).map((s) => s.name),
      ['Amsterdam', 'Amsterdam Zuidoost', 'Amsterdam-Duivendrecht', 'Nieuw-Amsterdam'],
    );
    assert.deepEqual(
      (await suggestionsFor(search, 'Oudegracht 150 Utrecht')).map((s) => s.name),
      ['Utrecht'],
    );
    assert.deepEqual(
      (await suggestionsFor(search, 'den haag')).map((s) => s.name),
      ["'s-Gravenhage"],
    );
    assert.deepEqual(
      (await suggestionsFor(search, 's-hertogenbosch')).map((s) => s.name),
      ["'s-Hertogenbosch"],
    );
  });

  it('finds nothing for an unknown name, a misplaced PC4 or an unknown id', async () => {
    assert.deepEqual(await suggestionsFor(search, 'Atlantis'), []);
    // 1002 is a post-office-box range the source put in Rotterdam: better unknown than wrong.
    assert.deepEqual(await suggestionsFor(search, '1002 AB 1'), []);
    assert.deepEqual(await search.lookup('pc4-1002'), { kind: 'not-found' });
    assert.deepEqual(await search.lookup('wpl-0000'), { kind: 'not-found' });
  });

  it('tells apart two places of one name by their gemeente, and keeps a place across a gemeente border whole', () => {
    const at = (pc4: string, city: string, lat: number, lon: number, gemeenteCode: string): Pc4Centroid => ({
      pc4,
      city,
      location: { lat, lon },
      gemeenteCode,
    });
    const gazetteer = buildGazetteer(
      [
        at('7550', 'Hengelo', 52.26, 6.79, 'GM0164'),
        at('7551', 'Hengelo', 52.27, 6.8, 'GM0164'),
        at('7255', 'Hengelo', 52.05, 6.31, 'GM1876'),
        at('1011', 'Amsterdam', 52.37, 4.9, 'GM0363'),
        at('1012', 'Amsterdam', 52.373, 4.895, 'GM0363'),
        at('1019', 'Amsterdam', 52.37, 4.94, 'GM0457'),
      ],
      [
        { code: 'GM0164', name: 'Hengelo' },
        { code: 'GM1876', name: 'Bronckhorst' },
        { code: 'GM0363', name: 'Amsterdam' },
      ],
    );
    assert.deepEqual(
      gazetteer.woonplaatsen.map((w) => [w.id, w.name]),
      [
        ['wpl-1011', 'Amsterdam'],
        ['wpl-7255', 'Hengelo, gemeente Bronckhorst'],
        ['wpl-7550', 'Hengelo, gemeente Hengelo'],
      ],
    );
  });
});
