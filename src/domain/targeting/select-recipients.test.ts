import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { areaContains, type Area } from '../area/area.js';
import { distanceInMetres, type LatLon } from '../geo/lat-lon.js';
import { asMsisdn } from '../participant/msisdn.js';
import type { TimeWindow } from '../time-window/time-window.js';
import { isWithinTimeWindows } from '../time-window/time-window.js';
import { selectRecipients, type Candidate } from './select-recipients.js';

const DAM: LatLon = { lat: 52.3731, lon: 4.8926 };
const MONDAY_10_AMSTERDAM = new Date('2026-11-23T09:00:00Z');

const candidate = (n: number, location: LatLon, timeWindows: TimeWindow[] = [], phone = n): Candidate => ({
  registrationId: `r${n}`,
  msisdn: asMsisdn(`+316${String(10_000_000 + phone)}`),
  channel: 'sms',
  location,
  timeWindows,
});

const near = (metresNorth: number): LatLon => ({ lat: DAM.lat + metresNorth / 111_320, lon: DAM.lon });

describe('selecting recipients', () => {
  const circle: Area = { kind: 'circle', centre: DAM, radiusMetres: 1000 };

  test('takes registrations inside the area and leaves those outside', () => {
    const chosen = selectRecipients([candidate(1, near(500)), candidate(2, near(1500))], circle, MONDAY_10_AMSTERDAM);
    assert.deepEqual(
      chosen.map((r) => r.registrationId),
      ['r1'],
    );
  });

  test('sends one message to a number registered at several addresses, for its nearest address', () => {
    const chosen = selectRecipients(
      [candidate(1, near(800), [], 7), candidate(2, near(200), [], 7)],
      circle,
      MONDAY_10_AMSTERDAM,
    );
    assert.equal(chosen.length, 1);
    assert.equal(chosen[0]!.registrationId, 'r2');
  });

  test('uses the address whose time window holds when the nearer one does not', () => {
    const weekend: TimeWindow[] = [{ day: 'za', from: '00:00', to: '24:00' }];
    const chosen = selectRecipients(
      [candidate(1, near(100), weekend, 7), candidate(2, near(900), [], 7)],
      circle,
      MONDAY_10_AMSTERDAM,
    );
    assert.deepEqual(
      chosen.map((r) => r.registrationId),
      ['r2'],
    );
  });

  test('skips numbers already reached (a widened area)', () => {
    const first = candidate(1, near(100));
    const chosen = selectRecipients(
      [first, candidate(2, near(300))],
      circle,
      MONDAY_10_AMSTERDAM,
      new Set([first.msisdn]),
    );
    assert.deepEqual(
      chosen.map((r) => r.registrationId),
      ['r2'],
    );
  });

  test('respects a working-hours window on both sides of its edges', () => {
    const office: TimeWindow[] = [{ day: 'ma', from: '08:30', to: '17:30' }];
    const reg = [candidate(1, near(100), office)];
    assert.equal(selectRecipients(reg, circle, new Date('2026-11-23T07:29:00Z')).length, 0); // 08:29 CET
    assert.equal(selectRecipients(reg, circle, new Date('2026-11-23T07:30:00Z')).length, 1); // 08:30 CET
    assert.equal(selectRecipients(reg, circle, new Date('2026-11-23T16:29:00Z')).length, 1); // 17:29 CET
    assert.equal(selectRecipients(reg, circle, new Date('2026-11-23T16:30:00Z')).length, 0); // 17:30 CET
  });

  test('reads time windows in Amsterdam time across the switch to summer time', () => {
    // Sunday 29 March 2026: 02:00 CET becomes 03:00 CEST.
    const earlyMorning: TimeWindow[] = [{ day: 'zo', from: '03:00', to: '04:00' }];
    const reg = [candidate(1, near(100), earlyMorning)];
    assert.equal(selectRecipients(reg, circle, new Date('2026-03-29T00:59:00Z')).length, 0); // 01:59 CET
    assert.equal(selectRecipients(reg, circle, new Date('2026-03-29T01:00:00Z')).length, 1); // 03:00 CEST
    assert.equal(selectRecipients(reg, circle, new Date('2026-03-29T01:59:00Z')).length, 1); // 03:59 CEST
    assert.equal(selectRecipients(reg, circle, new Date('2026-03-29T02:00:00Z')).length, 0); // 04:00 CEST
  });
});

const dutchPoint = fc.record({
  lat: fc.double({ min: 52.2, max: 52.5, noNaN: true }),
  lon: fc.double({ min: 4.6, max: 5.2, noNaN: true }),
});
const window = fc
  .record({
    day: fc.constantFrom('ma', 'di', 'wo', 'do', 'vr', 'za', 'zo' as const),
    from: fc.integer({ min: 0, max: 23 }).map((h) => `${String(h).padStart(2, '0')}:00`),
    to: fc.integer({ min: 1, max: 24 }).map((h) => `${String(h).padStart(2, '0')}:00`),
  })
  .filter((w) => w.from !== w.to);
const candidates = fc
  .array(
    fc.record({
      phone: fc.integer({ min: 0, max: 40 }),
      location: dutchPoint,
      windows: fc.array(window, { maxLength: 2 }),
    }),
    { maxLength: 80 },
  )
  .map((rows) => rows.map((r, i) => candidate(i, r.location, r.windows as TimeWindow[], r.phone)));
const areas: fc.Arbitrary<Area> = fc.oneof(
  fc.record({
    kind: fc.constant('circle' as const),
    centre: dutchPoint,
    radiusMetres: fc.integer({ min: 100, max: 20_000 }),
  }),
  fc.tuple(dutchPoint, fc.integer({ min: 500, max: 8_000 })).map(([c, r]): Area => {
    const d = r / 111_320;
    return {
      kind: 'polygon',
      centre: c,
      rings: [
        [
          { lat: c.lat - d, lon: c.lon - d },
          { lat: c.lat - d, lon: c.lon + d },
          { lat: c.lat + d, lon: c.lon },
        ],
      ],
    };
  }),
);
const instants = fc.date({
  min: new Date('2026-01-01T00:00:00Z'),
  max: new Date('2027-12-31T00:00:00Z'),
  noInvalidDate: true,
});

describe('selecting recipients, for any registrations, area and moment', () => {
  test('every recipient is inside the area, in its time window, and not reached before', () => {
    fc.assert(
      fc.property(
        candidates,
        areas,
        instants,
        fc.array(fc.integer({ min: 0, max: 40 })),
        (cs, area, at, reachedPhones) => {
          const reached = new Set(reachedPhones.map((p) => `+316${String(10_000_000 + p)}`));
          for (const r of selectRecipients(cs, area, at, reached)) {
            const c = cs.find((x) => x.registrationId === r.registrationId)!;
            assert.ok(areaContains(area, c.location));
            assert.ok(isWithinTimeWindows(c.timeWindows, at));
            assert.ok(!reached.has(r.msisdn));
          }
        },
      ),
    );
  });

  test('no number is chosen twice, and every eligible number is chosen', () => {
    fc.assert(
      fc.property(candidates, areas, instants, (cs, area, at) => {
        const chosen = selectRecipients(cs, area, at);
        assert.equal(new Set(chosen.map((r) => r.msisdn)).size, chosen.length);
        const eligible = new Set(
          cs
            .filter((c) => areaContains(area, c.location) && isWithinTimeWindows(c.timeWindows, at))
            .map((c) => c.msisdn),
        );
        assert.deepEqual(new Set(chosen.map((r) => r.msisdn)), eligible);
      }),
    );
  });

  test('recipients come nearest first, each at the distance of its nearest eligible address', () => {
    fc.assert(
      fc.property(candidates, areas, instants, (cs, area, at) => {
        const chosen = selectRecipients(cs, area, at);
        for (let i = 1; i < chosen.length; i++) assert.ok(chosen[i - 1]!.distanceMetres <= chosen[i]!.distanceMetres);
        for (const r of chosen) {
          const nearest = Math.min(
            ...cs
              .filter(
                (c) =>
                  c.msisdn === r.msisdn && areaContains(area, c.location) && isWithinTimeWindows(c.timeWindows, at),
              )
              .map((c) => distanceInMetres(area.centre, c.location)),
          );
          assert.equal(r.distanceMetres, nearest);
        }
      }),
    );
  });

  test('widening never reaches a number twice: two passes together equal one pass over the larger area', () => {
    fc.assert(
      fc.property(
        candidates,
        dutchPoint,
        fc.integer({ min: 100, max: 5_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        instants,
        (cs, centre, r1, extra, at) => {
          const small: Area = { kind: 'circle', centre, radiusMetres: r1 };
          const large: Area = { kind: 'circle', centre, radiusMetres: r1 + extra };
          const first = selectRecipients(cs, small, at);
          const second = selectRecipients(cs, large, at, new Set(first.map((r) => r.msisdn)));
          const all = [...first, ...second].map((r) => r.msisdn);
          assert.equal(new Set(all).size, all.length);
          assert.deepEqual(new Set(all), new Set(selectRecipients(cs, large, at).map((r) => r.msisdn)));
        },
      ),
    );
  });
});
