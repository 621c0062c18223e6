import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Area } from './area.js';
import { areaCovers } from './area-covers.js';

const DAM = { lat: 52.3731, lon: 4.8926 };
const circle = (radiusMetres: number, centre = DAM): Area => ({ kind: 'circle', centre, radiusMetres });
/** A square of about `half` metres either side of the point, as a polygon. */
const square = (half: number, centre = DAM): Area => {
  const dLat = half / 111_320;
  const dLon = half / (111_320 * Math.cos((centre.lat * Math.PI) / 180));
  return {
    kind: 'polygon',
    centre,
    rings: [
      [
        { lat: centre.lat - dLat, lon: centre.lon - dLon },
        { lat: centre.lat - dLat, lon: centre.lon + dLon },
        { lat: centre.lat + dLat, lon: centre.lon + dLon },
        { lat: centre.lat + dLat, lon: centre.lon - dLon },
      ],
    ],
  };
};
const FIVE_KM_EAST = { lat: DAM.lat, lon: DAM.lon + 5_000 / (111_320 * Math.cos((DAM.lat * Math.PI) / 180)) };

test('a bigger circle round the same centre covers the current one; the same circle covers itself', () => {
  assert.equal(areaCovers(circle(2_000), circle(1_000)), true);
  assert.equal(areaCovers(circle(1_000), circle(1_000)), true);
  assert.equal(areaCovers(circle(990), circle(1_000)), false, 'a smaller circle is not a widening');
});

test('a circle somewhere else does not cover the current area, however large the overlap', () => {
  assert.equal(areaCovers(circle(300, FIVE_KM_EAST), circle(1_000)), false, 'the finding: 300 m, 5 km away');
  assert.equal(areaCovers(circle(5_500, FIVE_KM_EAST), circle(1_000)), false, 'overlapping but not containing');
  assert.equal(areaCovers(circle(6_100, FIVE_KM_EAST), circle(1_000)), true, 'large enough to hold it');
});

test('polygons and circles: a square round the circle covers it, a square inside it does not; and the other way', () => {
  assert.equal(areaCovers(square(1_100), circle(1_000)), true);
  assert.equal(areaCovers(square(900), circle(1_000)), false, 'the circle sticks out of the square');
  assert.equal(areaCovers(circle(1_500), square(1_000)), true, 'the square’s corners are 1,414 m out');
  assert.equal(areaCovers(circle(1_300), square(1_000)), false, 'its corners stick out');
  assert.equal(areaCovers(square(2_000), square(1_000)), true);
  assert.equal(areaCovers(square(1_000), square(1_000)), true, 'the same polygon redrawn');
  assert.equal(areaCovers(square(1_000, FIVE_KM_EAST), square(1_000)), false);
});

test('a polygon with a hole inside the current area does not cover it', () => {
  const outer = square(3_000);
  const hole = (square(200) as Extract<Area, { kind: 'polygon' }>).rings[0]!;
  const withHole: Area = {
    kind: 'polygon',
    centre: DAM,
    rings: [(outer as Extract<Area, { kind: 'polygon' }>).rings[0]!, hole],
  };
  assert.equal(areaCovers(withHole, square(1_000)), false);
});

test('property: any circle covers every smaller circle whose edge stays inside it, and never one that sticks out', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 100, max: 20_000 }),
      fc.integer({ min: 100, max: 20_000 }),
      fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      (outerRadius, innerRadius, bearing, fraction) => {
        const offset = fraction * 30_000;
        const metresPerDegreeLon = 111_320 * Math.cos((DAM.lat * Math.PI) / 180);
        const centre = {
          lat: DAM.lat + (offset * Math.sin(bearing)) / 111_320,
          lon: DAM.lon + (offset * Math.cos(bearing)) / metresPerDegreeLon,
        };
        const covers = areaCovers(circle(outerRadius), circle(innerRadius, centre));
        const margin = outerRadius - (offset + innerRadius);
        if (margin > 5) assert.equal(covers, true);
        if (margin < -5) assert.equal(covers, false);
      },
    ),
  );
});
