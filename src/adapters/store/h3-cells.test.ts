import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { areaContains, type Area } from '../../domain/area/area.js';
import { coveringCells, h3CellOf } from './h3-cells.js';

test('the covering cells of an area include the cell of every point inside it', () => {
  const centre = fc.record({
    lat: fc.double({ min: 51, max: 53, noNaN: true }),
    lon: fc.double({ min: 4, max: 6.5, noNaN: true }),
  });
  fc.assert(
    fc.property(
      centre,
      fc.integer({ min: 100, max: 8_000 }),
      fc.array(fc.tuple(fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true })), {
        minLength: 1,
        maxLength: 50,
      }),
      (c, radius, offsets) => {
        const area: Area = { kind: 'circle', centre: c, radiusMetres: radius };
        const cells = new Set(coveringCells(area));
        for (const [dy, dx] of offsets) {
          const p = {
            lat: c.lat + (dy * radius) / 111_320,
            lon: c.lon + (dx * radius) / (111_320 * Math.cos((c.lat * Math.PI) / 180)),
          };
          if (areaContains(area, p))
            assert.ok(cells.has(h3CellOf(p)), `point ${JSON.stringify(p)} of ${JSON.stringify(area)} not covered`);
        }
      },
    ),
    { numRuns: 200 },
  );
});
