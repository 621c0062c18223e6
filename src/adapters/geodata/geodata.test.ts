import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isInServiceRegion } from '../../domain/geo/lat-lon.js';
import { loadGemeenten, loadMeldkamers, loadPc4Centroids } from './geodata.js';

describe('geodata', () => {
  it('loads the 342 gemeenten of 2025 with the CBS population total', async () => {
    const gemeenten = await loadGemeenten();
    assert.equal(gemeenten.length, 342);
    assert.equal(new Set(gemeenten.map((g) => g.code)).size, 342);
    assert.equal(
      gemeenten.reduce((sum, g) => sum + g.population, 0),
      17_942_942,
    );
    assert.ok(gemeenten.every((g) => isInServiceRegion(g.interior)));
    const amsterdam = gemeenten.find((g) => g.code === 'GM0363');
    assert.equal(amsterdam?.name, 'Amsterdam');
    assert.equal(amsterdam?.policeUnitCode, 'RE05');
    assert.equal(amsterdam?.provinceName, 'Noord-Holland');
  });

  it('reads a quoted gemeente name containing a comma', async () => {
    const gemeenten = await loadGemeenten();
    assert.equal(gemeenten.find((g) => g.code === 'GM0820')?.name, 'Nuenen, Gerwen en Nederwetten');
  });

  it('derives the ten meldkamers RE01 to RE10 with their names', async () => {
    const meldkamers = await loadMeldkamers();
    assert.deepEqual(
      meldkamers.map((m) => m.code),
      ['RE01', 'RE02', 'RE03', 'RE04', 'RE05', 'RE06', 'RE07', 'RE08', 'RE09', 'RE10'],
    );
    assert.deepEqual(meldkamers[4], { code: 'RE05', name: 'Amsterdam' });
    assert.deepEqual(meldkamers[7], { code: 'RE08', name: 'Zeeland - West-Brabant' });
  });

  it('loads PC4 centroids whose gemeente codes all reference known gemeenten', async () => {
    const [gemeenten, centroids] = await Promise.all([loadGemeenten(), loadPc4Centroids()]);
    const known = new Set(gemeenten.map((g) => g.code));
    assert.equal(centroids.length, 4_766);
    assert.equal(new Set(centroids.map((c) => c.pc4)).size, centroids.length);
    const withGemeente = centroids.filter((c) => c.gemeenteCode !== null);
    assert.equal(centroids.length - withGemeente.length, 20);
    for (const c of withGemeente) assert.ok(known.has(c.gemeenteCode ?? ''), `${c.pc4} → ${c.gemeenteCode}`);
    // Some centroids without a gemeente are bogus (PO boxes placed in Belgium); the rest lie in the Netherlands.
    assert.ok(withGemeente.every((c) => isInServiceRegion(c.location)));
    const centre = centroids.find((c) => c.pc4 === '1011');
    assert.equal(centre?.city, 'Amsterdam');
    assert.equal(centre?.gemeenteCode, 'GM0363');
    assert.deepEqual(centre?.location, { lat: 52.370757, lon: 4.90396 });
  });
});
