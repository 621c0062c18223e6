import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { LatLon } from '../geo/lat-lon.js';
import { checkArea, type Area } from './area.js';

const polygon = (...rings: LatLon[][]): Area => ({ kind: 'polygon', centre: rings[0]![0]!, rings });
const p = (lat: number, lon: number): LatLon => ({ lat, lon });
const square = (lat: number, lon: number, d: number) => [
  p(lat - d, lon - d),
  p(lat - d, lon + d),
  p(lat + d, lon + d),
  p(lat + d, lon - d),
];

/** A convex polygon: corners on a circle around (52.1, 5.1), at distinct angles in order. */
const convexPolygon = fc
  .uniqueArray(fc.integer({ min: 0, max: 359 }), { minLength: 3, maxLength: 40 })
  .chain((degrees) =>
    fc.record({
      degrees: fc.constant([...degrees].sort((a, b) => a - b)),
      radius: fc.double({ min: 0.001, max: 0.2, noNaN: true }),
      closed: fc.boolean(),
      clockwise: fc.boolean(),
    }),
  )
  .map(({ degrees, radius, closed, clockwise }) => {
    const ring = degrees.map((d) =>
      p(52.1 + radius * Math.sin((d * Math.PI) / 180), 5.1 + radius * Math.cos((d * Math.PI) / 180)),
    );
    if (clockwise) ring.reverse();
    return closed ? [...ring, ring[0]!] : ring;
  });

describe('the shape of a polygon', () => {
  test('a convex polygon is accepted, either way round, closed or not', () => {
    fc.assert(fc.property(convexPolygon, (ring) => checkArea(polygon(ring)) === null));
  });

  test('swapping two neighbouring corners of a convex quadrilateral makes a bow-tie, which is refused', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 359 }), { minLength: 4, maxLength: 4 }),
        fc.double({ min: 0.001, max: 0.2, noNaN: true }),
        fc.integer({ min: 0, max: 3 }),
        (degrees, radius, i) => {
          const ring = [...degrees]
            .sort((a, b) => a - b)
            .map((d) => p(52.1 + radius * Math.sin((d * Math.PI) / 180), 5.1 + radius * Math.cos((d * Math.PI) / 180)));
          fc.pre(checkArea(polygon(ring)) === null);
          const j = (i + 1) % 4;
          [ring[i], ring[j]] = [ring[j]!, ring[i]!];
          return checkArea(polygon(ring)) === 'polygon-self-intersecting';
        },
      ),
    );
  });

  test('a bow-tie is refused', () => {
    assert.equal(checkArea(polygon([p(52, 5), p(52.1, 5.1), p(52, 5.1), p(52.1, 5)])), 'polygon-self-intersecting');
  });

  test('a figure eight that only touches itself at one corner is refused', () => {
    const pinch = p(52.05, 5.05);
    assert.equal(
      checkArea(polygon([pinch, p(52, 5), p(52, 5.1), pinch, p(52.1, 5.1), p(52.1, 5)])),
      'polygon-self-intersecting',
    );
    assert.equal(
      checkArea(polygon([p(52, 5), p(52, 5.04), pinch, p(52, 5.06), p(52, 5.1), p(52.1, 5.1), pinch, p(52.1, 5)])),
      'polygon-self-intersecting',
    );
  });

  test('a spike that doubles back along its own edge is refused', () => {
    assert.equal(
      checkArea(polygon([p(52, 5), p(52, 5.1), p(52.1, 5.1), p(52.1, 5.05), p(52.1, 5.2), p(52.15, 5)])),
      'polygon-self-intersecting',
    );
  });

  test('a point repeated in a row is refused; the closing point is not a repetition', () => {
    assert.equal(checkArea(polygon([p(52, 5), p(52, 5.1), p(52, 5.1), p(52.1, 5.1)])), 'polygon-repeated-point');
    assert.equal(checkArea(polygon([p(52, 5), p(52, 5.1), p(52.1, 5.1), p(52, 5)])), null);
    assert.equal(
      checkArea(polygon([p(52, 5), p(52, 5.1), p(52.1, 5.1), p(52, 5), p(52, 5)])),
      'polygon-repeated-point',
    );
  });

  test('fewer than three distinct points is refused, in a hole too', () => {
    assert.equal(checkArea(polygon([p(52, 5), p(52, 5.1), p(52, 5)])), 'polygon-too-small');
    assert.equal(
      checkArea(polygon(square(52.1, 5.1, 0.05), [p(52.1, 5.1), p(52.11, 5.1), p(52.1, 5.1)])),
      'polygon-too-small',
    );
  });

  test('three points on a line are refused (the way back runs over the way out)', () => {
    assert.equal(checkArea(polygon([p(52, 5), p(52, 5.05), p(52, 5.1)])), 'polygon-self-intersecting');
  });

  test('a hole must lie inside the outer ring without crossing or touching it', () => {
    const outer = square(52.1, 5.1, 0.05);
    assert.equal(checkArea(polygon(outer, square(52.1, 5.1, 0.01))), null);
    assert.equal(checkArea(polygon(outer, square(52.15, 5.1, 0.01))), 'polygon-hole-outside', 'crosses');
    assert.equal(checkArea(polygon(outer, square(52.3, 5.1, 0.01))), 'polygon-hole-outside', 'outside');
    assert.equal(
      checkArea(polygon(outer, [p(52.1, 5.1), p(52.1, 5.12), p(52.15, 5.11)])),
      'polygon-hole-outside',
      'a corner on the outer edge',
    );
    assert.equal(
      checkArea(polygon(outer, square(52.1, 5.1, 0.01), square(52.105, 5.1, 0.01))),
      'polygon-self-intersecting',
      'two holes crossing',
    );
  });

  test('a polygon of 2,000 corners is accepted, a tight zigzag too', () => {
    const ring = Array.from({ length: 2_000 }, (_, i) =>
      p(52.1 + 0.1 * Math.sin((i * 2 * Math.PI) / 2_000), 5.1 + 0.1 * Math.cos((i * 2 * Math.PI) / 2_000)),
    );
    assert.equal(checkArea(polygon(ring)), null);
    // A zigzag: every edge spans most of the width, so the sweep sees many candidates; still no crossing.
    const zigzag = Array.from({ length: 1_998 }, (_, i) => p(52 + i * 0.0001, i % 2 === 0 ? 5 : 5.1));
    assert.equal(checkArea(polygon([...zigzag, p(52.3, 5.2), p(51.99, 5.2)])), null);
  });
});
