import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { amsterdamWallTime } from '../time-window/amsterdam-time.js';
import { endOfQuietHours, isQuiet, type QuietHours } from './quiet-hours.js';

const night: QuietHours = { startMinute: 21 * 60, endMinute: 8 * 60 };

describe('quiet hours for calls', () => {
  it('holds from 21:00 to 08:00 Amsterdam time, in winter and in summer', () => {
    assert.equal(isQuiet(new Date('2026-01-15T19:59:00Z'), night), false); // 20:59 CET
    assert.equal(isQuiet(new Date('2026-01-15T20:00:00Z'), night), true); // 21:00 CET
    assert.equal(isQuiet(new Date('2026-07-15T05:59:00Z'), night), true); // 07:59 CEST
    assert.equal(isQuiet(new Date('2026-07-15T06:00:00Z'), night), false); // 08:00 CEST
  });

  it('ends at 08:00 the next morning, also across the change to summer time', () => {
    assert.equal(endOfQuietHours(new Date('2026-01-15T22:30:00Z'), night).toISOString(), '2026-01-16T07:00:00.000Z');
    // The night of 28 to 29 March 2026 is an hour shorter.
    assert.equal(endOfQuietHours(new Date('2026-03-28T22:00:00Z'), night).toISOString(), '2026-03-29T06:00:00.000Z');
    assert.equal(endOfQuietHours(new Date('2026-10-24T22:00:00Z'), night).toISOString(), '2026-10-25T07:00:00.000Z');
  });

  it('ends at 03:00 when the end hour is skipped by the change to summer time', () => {
    // 26 March 2028: the clock jumps from 02:00 CET to 03:00 CEST, so 02:00 never happens that night.
    const end = endOfQuietHours(new Date('2028-03-25T01:01:00Z'), { startMinute: 121, endMinute: 120 });
    assert.equal(end.toISOString(), '2028-03-26T01:00:00.000Z');
  });

  it('leaves a moment outside the quiet hours as it is', () => {
    const noon = new Date('2026-05-05T10:00:00Z');
    assert.equal(endOfQuietHours(noon, night), noon);
    assert.equal(isQuiet(noon, { startMinute: 600, endMinute: 600 }), false);
  });

  it('always ends at the first minute of the end hour, not before the moment asked about', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 1439 }),
        fc.integer({ min: 0, max: 1439 }),
        (at, startMinute, endMinute) => {
          const hours = { startMinute, endMinute };
          const end = endOfQuietHours(at, hours);
          assert.ok(end.getTime() >= at.getTime());
          if (end !== at) {
            const wall = amsterdamWallTime(end).minuteOfDay;
            if (wall !== endMinute) {
              // Only when the end hour did not exist that night: the clock jumped from 02:00 to 03:00 just before.
              const before = amsterdamWallTime(new Date(end.getTime() - 60_000)).minuteOfDay;
              assert.equal(before, 119);
              assert.equal(wall, 180);
              assert.ok(endMinute >= 120 && endMinute < 180);
            }
            // Calls may be placed again, unless the quiet hours start again within the skipped hour itself.
            if (wall === endMinute || startMinute <= endMinute || startMinute > 180)
              assert.equal(isQuiet(end, hours), false);
            assert.ok(end.getTime() - at.getTime() <= 25 * 3_600_000);
            // Still quiet a minute before the end (or at the moment asked about).
            assert.equal(isQuiet(new Date(Math.max(at.getTime(), end.getTime() - 60_000)), hours), true);
          }
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
