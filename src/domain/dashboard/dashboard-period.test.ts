import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  amsterdamDate,
  bucketOf,
  bucketsOf,
  checkPeriod,
  defaultPeriod,
  effectiveInterval,
} from './dashboard-period.js';
import { shownCount } from './suppression.js';
import { perThousand } from './participation.js';
import { sizeClassOf } from './size-class.js';

test('buckets: days, ISO weeks from Monday, months; every bucket of a period, quiet ones too', () => {
  assert.equal(bucketOf('2026-03-29', 'week'), '2026-03-23'); // a Sunday belongs to the week of Monday the 23rd
  assert.equal(bucketOf('2026-03-23', 'week'), '2026-03-23');
  assert.equal(bucketOf('2026-03-29', 'month'), '2026-03-01');
  assert.deepEqual(bucketsOf({ from: '2025-12-30', to: '2026-02-02' }, 'month'), [
    '2025-12-01',
    '2026-01-01',
    '2026-02-01',
  ]);
  assert.deepEqual(bucketsOf({ from: '2026-03-27', to: '2026-04-07' }, 'week'), [
    '2026-03-23',
    '2026-03-30',
    '2026-04-06',
  ]);
  assert.equal(bucketsOf({ from: '2024-02-27', to: '2024-03-01' }, 'day').length, 4); // a leap day
});

test('periods: order and length are checked; long trends by day become weeks; the default is twelve months', () => {
  assert.equal(checkPeriod({ from: '2026-02-02', to: '2026-02-01' }), 'order');
  assert.equal(checkPeriod({ from: '2020-01-01', to: '2026-01-01' }), 'too-long');
  assert.equal(checkPeriod({ from: '2026-01-01', to: '2026-01-01' }), null);
  assert.equal(effectiveInterval({ from: '2025-01-01', to: '2025-12-31' }, 'day'), 'week');
  assert.equal(effectiveInterval({ from: '2025-01-01', to: '2025-01-31' }, 'day'), 'day');
  assert.deepEqual(defaultPeriod('2026-11-23'), { from: '2025-12-01', to: '2026-11-23' });
});

test('the Amsterdam day of an instant follows daylight saving time', () => {
  assert.equal(amsterdamDate(new Date('2026-03-28T23:30:00Z')), '2026-03-29'); // 00:30 CET
  assert.equal(amsterdamDate(new Date('2026-07-01T22:30:00Z')), '2026-07-02'); // 00:30 CEST
  assert.equal(amsterdamDate(new Date('2026-07-01T21:30:00Z')), '2026-07-01');
});

test('counts of people from 1 to 9 are shown as "< 10", and so is a rate that would give them away', () => {
  assert.deepEqual([0, 1, 9, 10, 1234].map(shownCount), [0, '< 10', '< 10', 10, 1234]);
  assert.equal(perThousand(9, 1_000), null);
  assert.equal(perThousand(25, 931_298), 0);
  assert.equal(perThousand(120_000, 931_298), 128.9);
  assert.deepEqual([972, 19_999, 20_000, 99_999, 250_000].map(sizeClassOf), [
    'tot-20k',
    'tot-20k',
    '20k-50k',
    '50k-100k',
    'vanaf-250k',
  ]);
});
