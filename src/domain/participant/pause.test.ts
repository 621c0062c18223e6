import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { Area } from '../area/area.js';
import { selectRecipients, type Candidate } from '../targeting/select-recipients.js';
import { asMsisdn } from './msisdn.js';
import { checkPause, isPausedAt } from './pause.js';

const DAM = { lat: 52.3731, lon: 4.8926 };
const AREA: Area = { kind: 'circle', centre: DAM, radiusMetres: 1000 };
const HOLIDAY = { from: new Date('2026-07-01T00:00:00Z'), until: new Date('2026-07-15T00:00:00Z') };

const candidate = (n: number, pause: Candidate['pause']): Candidate => ({
  registrationId: `r${n}`,
  msisdn: asMsisdn(`+3161234${String(n).padStart(4, '0')}`),
  channel: 'sms',
  location: { lat: DAM.lat + n / 1_000_000, lon: DAM.lon },
  timeWindows: [],
  pause,
});

describe('a pause', () => {
  test('holds from its start (inclusive) to its end (exclusive)', () => {
    assert.equal(isPausedAt(HOLIDAY, new Date('2026-06-30T23:59:59Z')), false);
    assert.equal(isPausedAt(HOLIDAY, HOLIDAY.from), true);
    assert.equal(isPausedAt(HOLIDAY, new Date('2026-07-10T12:00:00Z')), true);
    assert.equal(isPausedAt(HOLIDAY, HOLIDAY.until), false);
    assert.equal(isPausedAt(null, HOLIDAY.from), false);
  });

  test('keeps a paused participant out of an alert during the pause, and in before and after it', () => {
    const candidates = [candidate(1, HOLIDAY), candidate(2, null)];
    assert.deepEqual(
      selectRecipients(candidates, AREA, new Date('2026-07-05T10:00:00Z')).map((r) => r.registrationId),
      ['r2'],
    );
    assert.deepEqual(
      selectRecipients(candidates, AREA, new Date('2026-07-20T10:00:00Z')).map((r) => r.registrationId),
      ['r1', 'r2'],
    );
  });

  test('never lets a recipient through whose pause holds at the moment of the alert (property)', () => {
    const day = 86_400_000;
    const base = Date.UTC(2026, 0, 1);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            start: fc.integer({ min: 0, max: 60 }),
            length: fc.integer({ min: 1, max: 30 }),
            paused: fc.boolean(),
          }),
          { maxLength: 30 },
        ),
        fc.integer({ min: 0, max: 90 * 24 }),
        (specs, hour) => {
          const at = new Date(base + hour * 3_600_000);
          const candidates = specs.map((s, i) =>
            candidate(
              i,
              s.paused
                ? { from: new Date(base + s.start * day), until: new Date(base + (s.start + s.length) * day) }
                : null,
            ),
          );
          const chosen = new Set(selectRecipients(candidates, AREA, at).map((r) => r.registrationId));
          for (const c of candidates) assert.equal(chosen.has(c.registrationId), !isPausedAt(c.pause, at));
        },
      ),
    );
  });

  test('is refused when it ends before it starts, lies in the past or lasts more than a year', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    assert.equal(checkPause(HOLIDAY, now), null);
    assert.equal(checkPause({ from: HOLIDAY.until, until: HOLIDAY.from }, now), 'until-before-from');
    assert.equal(checkPause(HOLIDAY, new Date('2026-08-01T00:00:00Z')), 'in-the-past');
    assert.equal(checkPause({ from: now, until: new Date('2027-06-03T00:00:00Z') }, now), 'too-long');
  });
});
