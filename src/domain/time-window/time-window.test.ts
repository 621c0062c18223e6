import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  WEEKDAYS,
  formatTimeWindows,
  isWithinTimeWindows,
  parseTimeWindowSpec,
  validateTimeWindow,
} from './time-window.js';
import type { TimeWindow, Weekday } from './time-window.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const WEEK = 7 * 24 * HOUR;

function spec(text: string): TimeWindow[] {
  const parsed = parseTimeWindowSpec(text);
  if (!parsed.ok) throw new Error(`test spec "${text}" does not parse: ${parsed.error.message}`);
  return parsed.value;
}

const holds = (text: string, isoInstant: string): boolean => isWithinTimeWindows(spec(text), new Date(isoInstant));

/** Minutes in [startIso, endIso) at which the windows hold, stepping one real minute at a time. */
function minutesHolding(windows: readonly TimeWindow[], startIso: string, endIso: string): number {
  let count = 0;
  for (let t = Date.parse(startIso); t < Date.parse(endIso); t += MINUTE) {
    if (isWithinTimeWindows(windows, new Date(t))) count++;
  }
  return count;
}

// An oracle independent of the implementation: wall time via a different formatter and locale, then a plain
// per-minute model of what each window covers.
const ORACLE_FORMAT = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
function oracleHolds(windows: readonly TimeWindow[], instant: Date): boolean {
  if (windows.length === 0) return true;
  const [date = '', time = ''] = ORACLE_FORMAT.format(instant).split(' ');
  const dayIndex = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  const [h = 0, m = 0] = time.split(':').map(Number);
  const minute = dayIndex * 1440 + h * 60 + m;
  return windows.some((w) => {
    const start = WEEKDAYS.indexOf(w.day) * 1440 + toMinutes(w.from);
    let end = WEEKDAYS.indexOf(w.day) * 1440 + toMinutes(w.to);
    if (end < start) end += 1440;
    const inWeek = (minute - start + 7 * 1440) % (7 * 1440);
    return inWeek < end - start;
  });
}
function toMinutes(hhmm: string): number {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

const OFFSET_FORMAT = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Amsterdam', timeZoneName: 'longOffset' });
const utcOffset = (instant: Date): string | undefined =>
  OFFSET_FORMAT.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value;

const hhmm = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const windowArb: fc.Arbitrary<TimeWindow> = fc
  .record({
    day: fc.constantFrom<Weekday>(...WEEKDAYS),
    from: fc.integer({ min: 0, max: 1439 }),
    to: fc.integer({ min: 0, max: 1440 }),
  })
  .filter((w) => w.from !== w.to)
  .map((w) => ({ day: w.day, from: hhmm(w.from), to: hhmm(w.to) }));

const instantArb = fc.date({
  min: new Date('2000-01-01T00:00:00Z'),
  max: new Date('2040-01-01T00:00:00Z'),
  noInvalidDate: true,
});

function canonical(windows: readonly TimeWindow[]): TimeWindow[] {
  const key = (w: TimeWindow): string => `${WEEKDAYS.indexOf(w.day)} ${w.from} ${w.to}`;
  const byKey = new Map(windows.map((w) => [key(w), w]));
  return [...byKey.keys()].sort().map((k) => byKey.get(k) as TimeWindow);
}

describe('isWithinTimeWindows', () => {
  it('always holds for an empty list', () => {
    assert.equal(isWithinTimeWindows([], new Date('2026-03-29T01:30:00Z')), true);
  });

  it('holds inside office hours and not outside, in summer and winter time', () => {
    // Monday 30 March 2026, CEST (UTC+2)
    assert.equal(holds('ma-vr 08:30-17:30', '2026-03-30T06:30:00Z'), true);
    assert.equal(holds('ma-vr 08:30-17:30', '2026-03-30T06:29:59Z'), false);
    assert.equal(holds('ma-vr 08:30-17:30', '2026-03-30T15:29:59Z'), true);
    assert.equal(holds('ma-vr 08:30-17:30', '2026-03-30T15:30:00Z'), false);
    // Monday 26 October 2026, CET (UTC+1)
    assert.equal(holds('ma-vr 08:30-17:30', '2026-10-26T07:30:00Z'), true);
    assert.equal(holds('ma-vr 08:30-17:30', '2026-10-26T06:30:00Z'), false);
    // Saturday 28 March 2026
    assert.equal(holds('ma-vr 08:30-17:30', '2026-03-28T09:00:00Z'), false);
    assert.equal(holds('ma-vr 08:30-17:30; za 10:00-14:00', '2026-03-28T09:00:00Z'), true);
  });

  it('lets a window whose end is before its start run into the next day', () => {
    assert.equal(holds('vr 22:00-06:00', '2026-01-10T01:00:00Z'), true); // Saturday 02:00
    assert.equal(holds('vr 22:00-06:00', '2026-01-09T22:00:00Z'), true); // Friday 23:00
    assert.equal(holds('vr 22:00-06:00', '2026-01-09T20:59:00Z'), false); // Friday 21:59
    assert.equal(holds('vr 22:00-06:00', '2026-01-10T05:00:00Z'), false); // Saturday 06:00
    assert.equal(holds('vr 22:00-06:00', '2026-01-11T01:00:00Z'), false); // Sunday 02:00
    assert.equal(holds('vr 22:00-06:00', '2026-01-08T22:00:00Z'), false); // Thursday 23:00
    assert.equal(holds('zo 22:00-06:00', '2026-01-12T01:00:00Z'), true); // Monday 02:00, across the week's end
  });

  it('treats 24:00 as the end of the day', () => {
    assert.equal(holds('za 18:00-24:00', '2026-01-10T22:59:00Z'), true); // Saturday 23:59
    assert.equal(holds('za 18:00-24:00', '2026-01-10T23:00:00Z'), false); // Sunday 00:00
    assert.equal(holds('za 18:00-00:00', '2026-01-10T22:59:00Z'), true);
    assert.equal(holds('za 18:00-00:00', '2026-01-10T23:00:00Z'), false);
  });

  it('never holds for a window in the hour skipped on 29 March 2026', () => {
    assert.equal(minutesHolding(spec('zo 02:00-03:00'), '2026-03-28T22:00:00Z', '2026-03-29T22:00:00Z'), 0);
    // The same window a week earlier holds for the full hour.
    assert.equal(minutesHolding(spec('zo 02:00-03:00'), '2026-03-21T23:00:00Z', '2026-03-22T23:00:00Z'), 60);
    // Sunday 29 March has only 23 hours.
    assert.equal(minutesHolding(spec('zo 00:00-24:00'), '2026-03-28T22:00:00Z', '2026-03-29T23:00:00Z'), 23 * 60);
    // Saturday 22:00 to Sunday 06:00 loses the skipped hour: 7 real hours.
    assert.equal(minutesHolding(spec('za 22:00-06:00'), '2026-03-28T12:00:00Z', '2026-03-29T12:00:00Z'), 7 * 60);
  });

  it('holds twice for 02:30 on 25 October 2026, which happens twice', () => {
    assert.equal(holds('zo 02:00-03:00', '2026-10-25T00:30:00Z'), true); // 02:30 CEST
    assert.equal(holds('zo 02:00-03:00', '2026-10-25T01:30:00Z'), true); // 02:30 CET
    assert.equal(holds('zo 02:00-03:00', '2026-10-25T02:00:00Z'), false); // 03:00 CET
    assert.equal(minutesHolding(spec('zo 02:00-03:00'), '2026-10-24T22:00:00Z', '2026-10-25T23:00:00Z'), 120);
    assert.equal(minutesHolding(spec('zo 00:00-24:00'), '2026-10-24T22:00:00Z', '2026-10-25T23:00:00Z'), 25 * 60);
  });

  it('always holds with a full-day window on every day', () => {
    const allDay = WEEKDAYS.map((day) => ({ day, from: '00:00', to: '24:00' }));
    fc.assert(fc.property(instantArb, (instant) => isWithinTimeWindows(allDay, instant)));
  });

  it('agrees with a per-minute model of the week', () => {
    fc.assert(
      fc.property(fc.array(windowArb, { maxLength: 6 }), instantArb, (windows, instant) => {
        assert.equal(isWithinTimeWindows(windows, instant), oracleHolds(windows, instant));
      }),
      { numRuns: 2_000 },
    );
  });

  it('gives the same answer a week later when no DST change lies between', () => {
    fc.assert(
      fc.property(fc.array(windowArb, { minLength: 1, maxLength: 6 }), instantArb, (windows, instant) => {
        const weekLater = new Date(instant.getTime() + WEEK);
        fc.pre(utcOffset(instant) === utcOffset(weekLater));
        assert.equal(isWithinTimeWindows(windows, weekLater), isWithinTimeWindows(windows, instant));
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('parseTimeWindowSpec', () => {
  it('reads day ranges, lists and several segments', () => {
    assert.deepEqual(spec('ma-vr 08:30-17:30; za 10:00-14:00'), [
      { day: 'ma', from: '08:30', to: '17:30' },
      { day: 'di', from: '08:30', to: '17:30' },
      { day: 'wo', from: '08:30', to: '17:30' },
      { day: 'do', from: '08:30', to: '17:30' },
      { day: 'vr', from: '08:30', to: '17:30' },
      { day: 'za', from: '10:00', to: '14:00' },
    ]);
    assert.deepEqual(spec(' MA, wo 8:00 – 12:00 ;'), [
      { day: 'ma', from: '08:00', to: '12:00' },
      { day: 'wo', from: '08:00', to: '12:00' },
    ]);
    assert.deepEqual(
      spec('vr-ma 22:00-06:00').map((w) => w.day),
      ['ma', 'vr', 'za', 'zo'],
    );
  });

  it('reads "altijd" and an empty text as always', () => {
    assert.deepEqual(spec('altijd'), []);
    assert.deepEqual(spec('  '), []);
  });

  it('rejects bad input with a stable code and a Dutch message', () => {
    const cases: Array<[string, string, string]> = [
      ['ma-vr 25:00-17:00', 'time-window.invalid-time', '25:00'],
      ['ma 24:00-06:00', 'time-window.invalid-time', '24:00'],
      ['ma 08:60-09:00', 'time-window.invalid-time', '08:60'],
      ['mo 08:00-09:00', 'time-window.invalid-day', 'mo'],
      ['ma-vr-za 08:00-09:00', 'time-window.invalid-day', 'ma-vr-za'],
      ['ma 08:00', 'time-window.invalid-syntax', 'ma 08:00'],
      ['08:00-09:00', 'time-window.invalid-syntax', '08:00-09:00'],
      ['ma 08:00-08:00', 'time-window.empty-window', '08:00-08:00'],
    ];
    for (const [text, code, input] of cases) {
      const parsed = parseTimeWindowSpec(text);
      assert.equal(parsed.ok, false, text);
      if (parsed.ok) continue;
      assert.equal(parsed.error.code, code, text);
      assert.equal(parsed.error.input, input, text);
      assert.ok(parsed.error.message.includes(`"${input}"`), parsed.error.message);
    }
    const bad = parseTimeWindowSpec('ma 25:00-26:00');
    assert.ok(!bad.ok && bad.error.message.startsWith('Ongeldige tijd'));
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        parseTimeWindowSpec(text);
      }),
    );
  });
});

describe('formatTimeWindows', () => {
  it('writes the Dutch short form, grouping days that share a span', () => {
    assert.equal(formatTimeWindows(spec('ma-vr 08:30-17:30; za 10:00-14:00')), 'ma-vr 08:30-17:30; za 10:00-14:00');
    assert.equal(
      formatTimeWindows([
        { day: 'do', from: '09:00', to: '12:00' },
        { day: 'ma', from: '09:00', to: '12:00' },
        { day: 'wo', from: '09:00', to: '12:00' },
        { day: 'ma', from: '19:00', to: '24:00' },
      ]),
      'ma,wo-do 09:00-12:00; ma 19:00-24:00',
    );
    assert.equal(formatTimeWindows([]), 'altijd');
  });

  it('is read back by parseTimeWindowSpec to the same windows', () => {
    fc.assert(
      fc.property(fc.array(windowArb, { maxLength: 12 }), (windows) => {
        const expected = canonical(windows);
        assert.deepEqual(spec(formatTimeWindows(expected)), expected);
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('validateTimeWindow', () => {
  it('normalises a valid window and rejects each bad field', () => {
    assert.deepEqual(validateTimeWindow({ day: 'Za', from: '9:00', to: '24:00' }), {
      ok: true,
      value: { day: 'za', from: '09:00', to: '24:00' },
    });
    const codeOf = (w: { day: string; from: string; to: string }): string | null => {
      const r = validateTimeWindow(w);
      return r.ok ? null : r.error.code;
    };
    assert.equal(codeOf({ day: 'sat', from: '09:00', to: '10:00' }), 'time-window.invalid-day');
    assert.equal(codeOf({ day: 'za', from: '9', to: '10:00' }), 'time-window.invalid-time');
    assert.equal(codeOf({ day: 'za', from: '09:00', to: '24:01' }), 'time-window.invalid-time');
    assert.equal(codeOf({ day: 'za', from: '10:00', to: '10:00' }), 'time-window.empty-window');
  });
});
