import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { areaContains, type Area } from '../../domain/area/area.js';
import type { LatLon } from '../../domain/geo/lat-lon.js';
import { boundingBox, type BoundingBox } from './bounding-box.js';

const inBox = (box: BoundingBox, p: LatLon) =>
  p.lat >= box.minLat && p.lat <= box.maxLat && p.lon >= box.minLon && p.lon <= box.maxLon;
const dutchPoint = fc.record({
  lat: fc.double({ min: 50.8, max: 53.5, noNaN: true }),
  lon: fc.double({ min: 3.4, max: 7.2, noNaN: true }),
});
const offset = fc.tuple(
  fc.double({ min: -1.2, max: 1.2, noNaN: true }),
  fc.double({ min: -1.2, max: 1.2, noNaN: true }),
);

test('the box of a circle holds every point the circle holds, up to the largest radius', () => {
  fc.assert(
    fc.property(
      dutchPoint,
      fc.integer({ min: 100, max: 50_000 }),
      fc.array(offset, { minLength: 1, maxLength: 100 }),
      (centre, radius, offsets) => {
        const area: Area = { kind: 'circle', centre, radiusMetres: radius };
        const box = boundingBox(area);
        // Points spread over (and just past) the circle's extent, its rim included.
        for (const [dy, dx] of offsets) {
          const p = {
            lat: centre.lat + (dy * radius) / 111_000,
            lon: centre.lon + (dx * radius) / (111_000 * Math.cos((centre.lat * Math.PI) / 180)),
          };
          if (areaContains(area, p))
            assert.ok(
              inBox(box, p),
              `${JSON.stringify(p)} in ${JSON.stringify(area)} but not in ${JSON.stringify(box)}`,
            );
        }
      },
    ),
    { numRuns: 500 },
  );
});

test('the box of a circle is not much larger than the circle', () => {
  const box = boundingBox({ kind: 'circle', centre: { lat: 52.3731, lon: 4.8926 }, radiusMetres: 2_000 });
  assert.ok(Math.abs((box.maxLat - box.minLat) * 111_195 - 4_000) < 70);
});

test('the box of a polygon holds every point the polygon holds', () => {
  fc.assert(
    fc.property(
      fc.array(dutchPoint, { minLength: 3, maxLength: 12 }),
      fc.array(dutchPoint, { minLength: 1, maxLength: 100 }),
      (ring, points) => {
        const area: Area = { kind: 'polygon', centre: ring[0]!, rings: [ring] };
        const box = boundingBox(area);
        for (const p of points) if (areaContains(area, p)) assert.ok(inBox(box, p));
      },
    ),
  );
});
