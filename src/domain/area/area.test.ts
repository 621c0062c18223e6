import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { areaContains, checkArea, type Area } from './area.js';

const square = (lat: number, lon: number, d: number) => [
  { lat: lat - d, lon: lon - d },
  { lat: lat - d, lon: lon + d },
  { lat: lat + d, lon: lon + d },
  { lat: lat + d, lon: lon - d },
];

describe('an area', () => {
  test('a circle holds what lies within its radius', () => {
    const area: Area = { kind: 'circle', centre: { lat: 52, lon: 5 }, radiusMetres: 1000 };
    assert.ok(areaContains(area, { lat: 52.0089, lon: 5 })); // ~990 m north
    assert.ok(!areaContains(area, { lat: 52.0091, lon: 5 })); // ~1012 m north
  });

  test('a polygon holds its inside and not its holes', () => {
    const area: Area = {
      kind: 'polygon',
      centre: { lat: 52, lon: 5 },
      rings: [square(52, 5, 0.1), square(52, 5, 0.01)],
    };
    assert.ok(areaContains(area, { lat: 52.05, lon: 5.05 }));
    assert.ok(!areaContains(area, { lat: 52, lon: 5 }), 'inside the hole');
    assert.ok(!areaContains(area, { lat: 52.2, lon: 5 }));
  });

  test('is checked for size and place', () => {
    assert.equal(
      checkArea({
        kind: 'polygon',
        centre: { lat: 52, lon: 5 },
        rings: [
          [
            { lat: 52, lon: 5 },
            { lat: 52, lon: 5 },
            { lat: 52.1, lon: 5 },
          ],
        ],
      }),
      'polygon-too-small',
    );
    assert.equal(
      checkArea({ kind: 'polygon', centre: { lat: 52, lon: 5 }, rings: [square(52, 5, 1.5)] }),
      'polygon-too-large',
    );
    assert.equal(
      checkArea({ kind: 'circle', centre: { lat: 40, lon: 5 }, radiusMetres: 1000 }),
      'outside-service-region',
    );
    assert.equal(checkArea({ kind: 'circle', centre: { lat: 52, lon: 5 }, radiusMetres: 1000 }), null);
  });
});
