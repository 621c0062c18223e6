import { amsterdamWallTime } from './amsterdam-time.js';
import type { WallTime } from './amsterdam-time.js';
import { fail, ok, type Result } from '../result.js';
import { timeWindowError } from './errors.js';
import type { TimeWindowError } from './errors.js';

/**
 * When a registration wants messages: per weekday a span of local (Europe/Amsterdam) wall-clock time.
 * An empty list means "always".
 */
export type Weekday = 'ma' | 'di' | 'wo' | 'do' | 'vr' | 'za' | 'zo';
export const WEEKDAYS: readonly Weekday[] = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'];

export interface TimeWindow {
  readonly day: Weekday;
  /** "HH:MM", inclusive start, local time. */
  readonly from: string;
  /** "HH:MM", exclusive end, local time; "24:00" means end of day. A `to` before `from` runs past midnight. */
  readonly to: string;
}

/** What `formatTimeWindows` writes for an empty list, and what `parseTimeWindowSpec` reads back as "always". */
export const ALWAYS_SPEC = 'altijd';

const MINUTES_PER_DAY = 24 * 60;
const DAY_INDEX: Readonly<Record<Weekday, number>> = { ma: 0, di: 1, wo: 2, do: 3, vr: 4, za: 5, zo: 6 };

/** True when the instant falls in one of the windows (Europe/Amsterdam wall time); an empty list always holds. */
export function isWithinTimeWindows(windows: readonly TimeWindow[], instant: Date): boolean {
  return windows.length === 0 || isWithinTimeWindowsAt(windows, amsterdamWallTime(instant));
}

/**
 * The same check for a wall time computed beforehand, so that a caller matching many registrations against one
 * instant converts the instant once. Windows that do not validate never hold.
 */
export function isWithinTimeWindowsAt(windows: readonly TimeWindow[], wall: WallTime): boolean {
  if (windows.length === 0) return true;
  const { dayIndex, minuteOfDay } = wall;
  for (const w of windows) {
    const day = DAY_INDEX[w.day];
    const from = clockMinutes(w.from);
    const to = clockMinutes(w.to);
    if (day === undefined || from === null || to === null || from === MINUTES_PER_DAY) continue;
    if (from < to) {
      if (day === dayIndex && minuteOfDay >= from && minuteOfDay < to) return true;
    } else if (to < from) {
      // Past midnight: the evening of `day`, then the early hours of the next day.
      if (day === dayIndex && minuteOfDay >= from) return true;
      if ((day + 1) % 7 === dayIndex && minuteOfDay < to) return true;
    }
  }
  return false;
}

/** Checks a window from outside (an API body, a database row) and returns it with times as "HH:MM". */
export function validateTimeWindow(input: {
  readonly day: string;
  readonly from: string;
  readonly to: string;
}): Result<TimeWindow, TimeWindowError> {
  const day = input.day.trim().toLowerCase();
  if (!isWeekday(day)) return fail(timeWindowError('time-window.invalid-day', input.day));
  const from = normalizeTime(input.from);
  if (from === null || from === '24:00') {
    return fail(timeWindowError('time-window.invalid-time', input.from));
  }
  const to = normalizeTime(input.to);
  if (to === null) return fail(timeWindowError('time-window.invalid-time', input.to));
  if (from === to) return fail(timeWindowError('time-window.empty-window', `${from}-${to}`));
  return ok({ day, from, to });
}

/**
 * Reads the Dutch short form, e.g. "ma-vr 08:30-17:30; za 10:00-14:00" or "ma,wo,vr 19:00-23:00".
 * Day ranges may wrap ("vr-ma"); "altijd" or an empty text means always (no windows).
 * The result is in canonical order (day, start, end) without duplicates.
 */
export function parseTimeWindowSpec(spec: string): Result<TimeWindow[], TimeWindowError> {
  const trimmed = spec.trim();
  if (trimmed === '' || trimmed.toLowerCase() === ALWAYS_SPEC) return ok([]);
  const windows: TimeWindow[] = [];
  for (const rawSegment of trimmed.split(';')) {
    const segment = rawSegment.trim();
    if (segment === '') continue; // tolerate "ma 08:00-12:00;"
    // Days are letters and separators; the time span starts at the first digit.
    const match = /^([\p{L},\-–\s]+?)\s*(\d.*)$/u.exec(segment);
    if (match === null) return fail(timeWindowError('time-window.invalid-syntax', segment));
    const [, dayPart = '', timePart = ''] = match;
    const days = parseDays(dayPart.replace(/\s+/g, ''));
    if (!days.ok) return days;
    const span = /^([^-–]+)[-–]([^-–]+)$/.exec(timePart.replace(/\s+/g, ''));
    if (span === null) return fail(timeWindowError('time-window.invalid-syntax', segment));
    const [, from = '', to = ''] = span;
    for (const day of days.value) {
      const checked = validateTimeWindow({ day, from, to });
      if (!checked.ok) return checked;
      windows.push(checked.value);
    }
  }
  return ok(canonicalTimeWindows(windows));
}

/**
 * Writes windows in the Dutch short form that `parseTimeWindowSpec` reads: days sharing a span are grouped,
 * consecutive days become a range ("ma-vr 08:30-17:30; za 10:00-14:00"). An empty list is "altijd".
 */
export function formatTimeWindows(windows: readonly TimeWindow[]): string {
  if (windows.length === 0) return ALWAYS_SPEC;
  const daysBySpan = new Map<string, Set<number>>();
  for (const w of canonicalTimeWindows(windows)) {
    const span = `${w.from}-${w.to}`;
    const days = daysBySpan.get(span) ?? new Set<number>();
    days.add(DAY_INDEX[w.day]);
    daysBySpan.set(span, days);
  }
  // Canonical input puts each span's first day in order, so Map insertion order already sorts the groups.
  return [...daysBySpan].map(([span, days]) => `${formatDays(days)} ${span}`).join('; ');
}

/** Sorted by day, start and end, duplicates removed: the order `parseTimeWindowSpec` returns. */
export function canonicalTimeWindows(windows: readonly TimeWindow[]): TimeWindow[] {
  const sorted = [...windows].sort(
    (a, b) => DAY_INDEX[a.day] - DAY_INDEX[b.day] || compare(a.from, b.from) || compare(a.to, b.to),
  );
  return sorted.filter((w, i) => {
    const prev = sorted[i - 1];
    return prev === undefined || prev.day !== w.day || prev.from !== w.from || prev.to !== w.to;
  });
}

function parseDays(text: string): Result<Weekday[], TimeWindowError> {
  const days = new Set<Weekday>();
  for (const item of text.toLowerCase().split(',')) {
    const bounds = item.split(/[-–]/);
    const [first = '', last = first] = bounds;
    if (bounds.length > 2) return fail(timeWindowError('time-window.invalid-day', item));
    if (!isWeekday(first)) return fail(timeWindowError('time-window.invalid-day', first));
    if (!isWeekday(last)) return fail(timeWindowError('time-window.invalid-day', last));
    const start = DAY_INDEX[first];
    const length = ((DAY_INDEX[last] - start + 7) % 7) + 1;
    for (let i = 0; i < length; i++) days.add(WEEKDAYS[(start + i) % 7] ?? first);
  }
  return ok(WEEKDAYS.filter((d) => days.has(d)));
}

function formatDays(dayIndexes: ReadonlySet<number>): string {
  const parts: string[] = [];
  for (let i = 0; i < 7; i++) {
    if (!dayIndexes.has(i)) continue;
    let end = i;
    while (dayIndexes.has(end + 1)) end++;
    parts.push(end === i ? dayName(i) : `${dayName(i)}-${dayName(end)}`);
    i = end;
  }
  return parts.join(',');
}

function dayName(index: number): Weekday {
  const day = WEEKDAYS[index];
  if (day === undefined) throw new Error(`no weekday ${index}`);
  return day;
}

function isWeekday(text: string): text is Weekday {
  return Object.hasOwn(DAY_INDEX, text);
}

/** "8:30" or "08:30" to "08:30"; null unless 00:00–24:00. */
function normalizeTime(text: string): string | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (match === null) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes !== 0)) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** Minutes of a canonical "HH:MM" (00:00–24:00), or null; kept allocation-free for matching in bulk. */
function clockMinutes(time: string): number | null {
  if (time.length !== 5 || time.charCodeAt(2) !== 58 /* ':' */) return null;
  const h1 = time.charCodeAt(0) - 48;
  const h2 = time.charCodeAt(1) - 48;
  const m1 = time.charCodeAt(3) - 48;
  const m2 = time.charCodeAt(4) - 48;
  if (!isDigit(h1) || !isDigit(h2) || !isDigit(m1) || !isDigit(m2) || m1 > 5) return null;
  const minutes = (h1 * 10 + h2) * 60 + m1 * 10 + m2;
  return minutes <= MINUTES_PER_DAY ? minutes : null;
}

const isDigit = (n: number): boolean => n >= 0 && n <= 9;
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
