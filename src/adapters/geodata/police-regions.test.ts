import assert from 'node:assert/strict';
import { test } from 'node:test';
import { regionReach } from '../../domain/area/region-reach.js';
import { loadPoliceRegions } from './police-regions.js';

const DAM = { lat: 52.3731, lon: 4.8926 };
const ZAANDAM = { lat: 52.439, lon: 4.826 };

test('the ten police regions, by the codes of their meldkamers', async () => {
  const regions = await loadPoliceRegions();
  assert.deepEqual(
    regions.map((r) => r.code),
    ['RE01', 'RE02', 'RE03', 'RE04', 'RE05', 'RE06', 'RE07', 'RE08', 'RE09', 'RE10'],
  );
});

test('the Dam lies in Amsterdam (RE05): an action there is RE05’s, and reaches far into it for anyone else', async () => {
  const regions = await loadPoliceRegions();
  const dam = { kind: 'circle' as const, centre: DAM, radiusMetres: 1_000 };
  assert.deepEqual(regionReach(dam, 'RE05', regions, 5_000), { touches: [], beyondMargin: [] });
  assert.deepEqual(regionReach(dam, 'RE01', regions, 5_000), { touches: ['RE05'], beyondMargin: ['RE05'] });
  const zaandam = { kind: 'circle' as const, centre: ZAANDAM, radiusMetres: 8_000 };
  assert.deepEqual(regionReach(zaandam, 'RE05', regions, 5_000), { touches: ['RE04'], beyondMargin: ['RE04'] });
  assert.deepEqual(regionReach({ ...zaandam, radiusMetres: 3_000 }, 'RE05', regions, 5_000), {
    touches: ['RE04'],
    beyondMargin: [],
  });
});
