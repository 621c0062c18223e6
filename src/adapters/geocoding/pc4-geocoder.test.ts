import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { GeocodeOutcome, Geocoder } from '../../app/ports/geocoder.js';
import { distanceInMetres, isInServiceRegion } from '../../domain/geo/lat-lon.js';
import type { Pc4Centroid } from '../../domain/geo/pc4-centroid.js';
import type { Address } from '../../domain/participant/registration.js';
import { loadPc4Centroids } from '../geodata/geodata.js';
import { createPc4Geocoder } from './pc4-geocoder.js';

const address = (postcode: string, houseNumber: number, houseNumberAddition: string | null = null): Address => ({
  postcode,
  houseNumber,
  houseNumberAddition,
});

function found(outcome: GeocodeOutcome) {
  assert.equal(outcome.kind, 'found');
  if (outcome.kind !== 'found') throw new Error('unreachable');
  return outcome.result;
}

describe('createPc4Geocoder', () => {
  let centroids: Pc4Centroid[];
  let geocoder: Geocoder;
  before(async () => {
    centroids = await loadPc4Centroids();
    geocoder = createPc4Geocoder(centroids);
  });

  it('places an address near its PC4 centroid in the gemeente of that PC4', async () => {
    const result = found(await geocoder.geocode(address('3511 ab', 12)));
    assert.deepEqual(result.address, { postcode: '3511AB', houseNumber: 12, houseNumberAddition: null });
    assert.equal(result.city, 'Utrecht');
    assert.equal(result.gemeenteCode, 'GM0344');
    assert.equal(result.street, null);
    assert.ok(distanceInMetres(result.location, { lat: 52.088369, lon: 5.117729 }) <= 400);
  });

  it('gives the same address the same location every time, and other addresses other locations', async () => {
    const first = found(await geocoder.geocode(address('1011AB', 5, 'a')));
    const again = found(await createPc4Geocoder(centroids).geocode(address('1011 AB', 5, ' A ')));
    assert.deepEqual(again, first);
    const other = found(await geocoder.geocode(address('1011AB', 5, 'B')));
    const next = found(await geocoder.geocode(address('1011AB', 6, 'A')));
    assert.notDeepEqual(other.location, first.location);
    assert.notDeepEqual(next.location, first.location);
  });

  it('keeps every address inside the Netherlands, within 400 m of its centroid', async () => {
    const placed = centroids.filter((c) => c.gemeenteCode !== null);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...placed),
        fc.stringMatching(/^[A-Z]{2}$/),
        fc.integer({ min: 1, max: 9_999 }),
        fc.option(fc.constantFrom('A', 'B', 'bis', '2', 'hs'), { nil: null }),
        async (centroid, letters, houseNumber, addition) => {
          const result = found(await geocoder.geocode(address(`${centroid.pc4}${letters}`, houseNumber, addition)));
          assert.equal(result.gemeenteCode, centroid.gemeenteCode);
          assert.equal(result.city, centroid.city);
          assert.ok(isInServiceRegion(result.location));
          assert.ok(distanceInMetres(result.location, centroid.location) <= 400);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('does not find an unknown PC4, a PC4 without gemeente or a malformed address', async () => {
    const known = new Set(centroids.map((c) => c.pc4));
    let unknown = 1000;
    while (known.has(String(unknown))) unknown++;
    const withoutGemeente = centroids.find((c) => c.gemeenteCode === null);
    assert.ok(withoutGemeente !== undefined);
    for (const a of [
      address(`${unknown}AA`, 1),
      address(`${withoutGemeente.pc4}AA`, 1),
      address('0123AB', 1),
      address('35111AB', 1),
      address('3511A', 1),
      address('3511AB', 0),
      address('3511AB', 1.5),
    ]) {
      assert.deepEqual(await geocoder.geocode(a), { kind: 'not-found' }, JSON.stringify(a));
    }
  });
});
