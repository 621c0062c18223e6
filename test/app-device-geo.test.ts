import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { fromArea } from '../src/adapters/http/actions/area-schema.js';
import { areaContains, type Area } from '../src/domain/area/area.js';

interface DeviceGeo {
  areaContains(area: unknown, point: { lat: number; lon: number }): boolean;
}
// The browser module the app runs on the phone (its source: the test runner loads TypeScript).
const deviceGeo = (await import(new URL('../src/web/app/geo.ts', import.meta.url).href)) as DeviceGeo;

const point = fc.record({
  lat: fc.double({ min: 52.2, max: 52.5, noNaN: true }),
  lon: fc.double({ min: 4.7, max: 5.1, noNaN: true }),
});
const circle = fc
  .record({ centre: point, radiusMetres: fc.integer({ min: 100, max: 20_000 }) })
  .map((c): Area => ({ kind: 'circle', ...c }));
const polygon = fc
  .array(point, { minLength: 3, maxLength: 12 })
  .map((ring): Area => ({ kind: 'polygon', centre: ring[0]!, rings: [ring] }));

test('the phone decides "near" exactly as the server would, for circles and polygons as the app API sends them', () => {
  fc.assert(
    fc.property(fc.oneof(circle, polygon), point, (area, p) => {
      assert.equal(deviceGeo.areaContains(fromArea(area), p), areaContains(area, p));
    }),
    { numRuns: 2_000 },
  );
});

test('a polygon with a hole: inside the hole is not near', () => {
  const outer = [
    [4.86, 52.35],
    [4.88, 52.35],
    [4.88, 52.37],
    [4.86, 52.37],
    [4.86, 52.35],
  ];
  const hole = [
    [4.865, 52.355],
    [4.875, 52.355],
    [4.875, 52.365],
    [4.865, 52.365],
    [4.865, 52.355],
  ];
  const area = {
    kind: 'polygon',
    centre: { lat: 52.36, lon: 4.87 },
    polygon: { type: 'Polygon', coordinates: [outer, hole] },
  };
  assert.equal(deviceGeo.areaContains(area, { lat: 52.352, lon: 4.862 }), true);
  assert.equal(deviceGeo.areaContains(area, { lat: 52.36, lon: 4.87 }), false);
  assert.equal(deviceGeo.areaContains(null, { lat: 52.36, lon: 4.87 }), false);
});
