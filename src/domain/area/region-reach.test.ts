import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { displace } from '../geo/displace.js';
import type { LatLon } from '../geo/lat-lon.js';
import type { Area } from './area.js';
import { policeRegion } from './police-region.js';
import { areaSurfaceKm2, regionReach } from './region-reach.js';

// Two regions side by side, the border along longitude 5; north of latitude 53 and west of 4 lies sea.
const box = (south: number, west: number, north: number, east: number): LatLon[] => [
  { lat: south, lon: west },
  { lat: south, lon: east },
  { lat: north, lon: east },
  { lat: north, lon: west },
];
const WEST = policeRegion('RE01', [[box(52, 4, 53, 5)]]);
const EAST = policeRegion('RE02', [[box(52, 5, 53, 6)]]);
const REGIONS = [WEST, EAST];
const MARGIN = 5_000;
const ON_BORDER = { lat: 52.5, lon: 5 };
const circle = (centre: LatLon, radiusMetres: number): Area => ({ kind: 'circle', centre, radiusMetres });
const reach = (area: Area, own = 'RE01') => regionReach(area, own, REGIONS, MARGIN);

test('an area inside its own region reaches no other', () => {
  assert.deepEqual(reach(circle(displace(ON_BORDER, 0, -20_000), 3_000)), { touches: [], beyondMargin: [] });
});

test('over the border but within the margin: the neighbour sees it, its approval is not needed', () => {
  assert.deepEqual(reach(circle(displace(ON_BORDER, 0, -2_000), 6_000)), { touches: ['RE02'], beyondMargin: [] });
});

test('further than the margin into the neighbour: its approval is needed', () => {
  assert.deepEqual(reach(circle(ON_BORDER, 8_000)), { touches: ['RE02'], beyondMargin: ['RE02'] });
});

test('an area wholly in another region (the RE01 centralist on the Dam) needs that region, however small', () => {
  assert.deepEqual(reach(circle(displace(ON_BORDER, 0, 30_000), 100)), { touches: ['RE02'], beyondMargin: ['RE02'] });
});

test('sea and land abroad belong to nobody: an area out there needs no approval', () => {
  assert.deepEqual(reach(circle({ lat: 53.3, lon: 4.5 }, 10_000)), { touches: [], beyondMargin: [] });
});

test('a thin strip reaching far into the neighbour is found, though it falls between the grid points', () => {
  const start = displace(ON_BORDER, 0, -1_000);
  const end = displace(ON_BORDER, 0, 12_000);
  const strip: Area = {
    kind: 'polygon',
    centre: start,
    rings: [[start, end, displace(end, 20, 0), displace(start, 20, 0)]],
  };
  assert.deepEqual(reach(strip), { touches: ['RE02'], beyondMargin: ['RE02'] });
});

test('a circle no larger than the margin around a point of the own region never needs another', () => {
  fc.assert(
    fc.property(
      fc.double({ min: 52.05, max: 52.95, noNaN: true }),
      fc.double({ min: 4.05, max: 4.999, noNaN: true }),
      fc.integer({ min: 100, max: MARGIN }),
      (lat, lon, radius) => {
        const found = reach(circle({ lat, lon }, radius));
        assert.deepEqual(found.beyondMargin, []);
      },
    ),
    { numRuns: 200 },
  );
});

test('a circle wholly more than the margin and a grid step into the neighbour needs it; what needs approval is touched', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: MARGIN + 1_000, max: 40_000 }),
      fc.integer({ min: 100, max: 5_000 }),
      (east, radius) => {
        const found = reach(circle(displace(ON_BORDER, 0, east + radius), radius));
        assert.deepEqual(found.beyondMargin, ['RE02']);
        assert.ok(found.beyondMargin.every((code) => found.touches.includes(code)));
      },
    ),
    { numRuns: 100 },
  );
});

test('the surface of a circle, a square and a square with a hole', () => {
  assert.ok(Math.abs(areaSurfaceKm2(circle(ON_BORDER, 10_000)) - Math.PI * 100) < 0.01);
  const corner = { lat: 52.4, lon: 4.5 };
  const square = (side: number, from: LatLon) => [
    from,
    displace(from, 0, side),
    displace(from, side, side),
    displace(from, side, 0),
  ];
  const outer = square(10_000, corner);
  assert.ok(Math.abs(areaSurfaceKm2({ kind: 'polygon', centre: corner, rings: [outer] }) - 100) < 0.5);
  const hole = square(2_000, displace(corner, 4_000, 4_000));
  assert.ok(Math.abs(areaSurfaceKm2({ kind: 'polygon', centre: corner, rings: [outer, hole] }) - 96) < 0.5);
});
