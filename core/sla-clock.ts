import { dateInZone } from './settings.ts';
import { zoneOffsetMs } from './time.ts';

// The SLA clock (P4.1.2, P4.2.1): deadlines counted in business time from an order's receipt.
// Business time is the working hours of working days in the company time zone; statutory
// holidays are skipped and make-up working days (调休) count. Urgent orders run round the
// clock. A pause for a customer- or parts-caused hold pushes a deadline later by exactly the
// business time the pause covered. Pure: every instant comes in as an argument.

/** How a clock counts time: business hours of a company calendar, or round the clock. */
export type BusinessCalendar =
  | {
      kind: 'business';
      timeZone: string;
      /** ISO weekdays, 1 = Monday .. 7 = Sunday. */
      workingWeekdays: number[];
      /** Wall-clock start of a working day in the zone, 'HH:MM'. */
      dayStart: string;
      /** Wall-clock end of a working day in the zone, 'HH:MM' ('24:00' allowed). */
      dayEnd: string;
      /** Dates (YYYY-MM-DD in the zone) that are not worked although their weekday is. */
      holidays: ReadonlySet<string>;
      /** Dates that are worked although their weekday is not (调休). */
      makeUpWorkdays: ReadonlySet<string>;
    }
  | { kind: '24x7' };

type Business = Extract<BusinessCalendar, { kind: 'business' }>;

export type Pause = { from: Date; to: Date | null };

/** Consecutive days without any working time after which a calendar is declared unusable. */
export const MAX_IDLE_DAYS = 3660;

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** 'HH:MM' -> minutes after midnight; '24:00' is the end of the day. */
export function parseClock(value: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(value);
  const hours = Number(m?.[1]);
  const minutes = Number(m?.[2]);
  if (!m || minutes > 59 || hours > 24 || (hours === 24 && minutes !== 0)) throw new RangeError(`not a time of day (HH:MM): ${value}`);
  return hours * 60 + minutes;
}

/** The UTC midnight that names a date string, and back. Pure date arithmetic, no zone. */
const dayNumber = (date: string): number => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
};
const dayName = (utcMidnight: number): string => new Date(utcMidnight).toISOString().slice(0, 10);

/** ISO weekday (1 = Monday .. 7 = Sunday) of a YYYY-MM-DD date. */
export function isoWeekday(date: string): number {
  const day = new Date(dayNumber(date)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** A date is worked if it is a make-up working day, or its weekday is worked and it is not a holiday. */
export function isWorkingDay(date: string, cal: BusinessCalendar): boolean {
  if (cal.kind === '24x7') return true;
  if (cal.makeUpWorkdays.has(date)) return true;
  return cal.workingWeekdays.includes(isoWeekday(date)) && !cal.holidays.has(date);
}

/** The instant a wall-clock time of a date has in a zone (two passes settle daylight-saving days). */
function zonedWallTime(utcMidnight: number, minuteOfDay: number, timeZone: string): number {
  const wall = utcMidnight + minuteOfDay * MINUTE_MS;
  const guess = wall - zoneOffsetMs(new Date(wall), timeZone);
  return wall - zoneOffsetMs(new Date(guess), timeZone);
}

// Working periods are computed with Intl, which is slow; a bounded memo keeps long spans and
// property tests fast. It holds only derived, immutable numbers, so it is invisible to callers.
const periodMemo = new Map<string, readonly [number, number]>();

type Clock = { cal: Business; startMin: number; endMin: number };

function clockOf(cal: Business): Clock {
  const startMin = parseClock(cal.dayStart);
  const endMin = parseClock(cal.dayEnd);
  if (startMin >= endMin) throw new RangeError(`a working day must start before it ends: ${cal.dayStart}-${cal.dayEnd}`);
  return { cal, startMin, endMin };
}

/** The working period [start, end) of a day (by its UTC-midnight number), in epoch ms; null when the day is not worked. */
function periodOf(clock: Clock, day: number): readonly [number, number] | null {
  if (!isWorkingDay(dayName(day), clock.cal)) return null;
  const key = `${clock.cal.timeZone}|${day}|${clock.startMin}|${clock.endMin}`;
  let period = periodMemo.get(key);
  if (!period) {
    period = [zonedWallTime(day, clock.startMin, clock.cal.timeZone), zonedWallTime(day, clock.endMin, clock.cal.timeZone)];
    if (periodMemo.size >= 20_000) periodMemo.clear();
    periodMemo.set(key, period);
  }
  return period;
}

/** Business milliseconds in [from, to); 0 when to <= from. */
export function businessMsBetween(from: Date, to: Date, cal: BusinessCalendar): number {
  const a = from.getTime();
  const b = to.getTime();
  if (b <= a) return 0;
  if (cal.kind === '24x7') return b - a;
  const clock = clockOf(cal);
  // A day's working period lies within that day in the zone, so the days of `from` through `to` cover it all.
  const last = dayNumber(dateInZone(to, cal.timeZone));
  let total = 0;
  for (let day = dayNumber(dateInZone(from, cal.timeZone)); day <= last; day += DAY_MS) {
    const period = periodOf(clock, day);
    if (period) total += Math.max(0, Math.min(period[1], b) - Math.max(period[0], a));
  }
  return total;
}

/** Business minutes in [from, to) (fractional when the instants are not on whole minutes). */
export function businessMinutesBetween(from: Date, to: Date, cal: BusinessCalendar): number {
  return businessMsBetween(from, to, cal) / MINUTE_MS;
}

/**
 * The instant at which `ms` of business time has elapsed after `from`. Counting starts at the
 * next working period when `from` is outside one; an allowance used up exactly at the end of a
 * period is due at that end (18:00 Friday, not 09:00 Monday). `ms = 0` answers `from` itself.
 * Whole days are skipped; a calendar with no working time for MAX_IDLE_DAYS days in a row throws.
 */
export function addBusinessTime(from: Date, ms: number, cal: BusinessCalendar): Date {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`business time to add must be a non-negative number of ms: ${ms}`);
  const a = from.getTime();
  if (ms === 0) return new Date(a);
  if (cal.kind === '24x7') return new Date(a + ms);
  const clock = clockOf(cal);
  let remaining = ms;
  let idle = 0;
  for (let day = dayNumber(dateInZone(from, cal.timeZone)); ; day += DAY_MS) {
    const period = periodOf(clock, day);
    const start = period ? Math.max(period[0], a) : 0;
    if (period && period[1] > start) {
      idle = 0;
      const available = period[1] - start;
      if (remaining <= available) return new Date(start + remaining);
      remaining -= available;
    } else if (++idle > MAX_IDLE_DAYS) {
      throw new Error(
        `the business calendar (${cal.timeZone}, ${cal.dayStart}-${cal.dayEnd}) has no working time in ${MAX_IDLE_DAYS} days after ${dayName(day - MAX_IDLE_DAYS * DAY_MS)}; check working weekdays and holidays`,
      );
    }
  }
}

/** One pause as the deadline saw it: clipped to the start, merged with overlapping ones, an open one ending `now`. */
export type CountedPause = { from: Date; to: Date; open: boolean; businessMs: number; counted: boolean };

/** What a deadline was computed from, so the UI can show the working. */
export type DeadlineBasis = {
  start: Date;
  targetMs: number;
  calendar: BusinessCalendar['kind'];
  timeZone: string | null;
  workingHours: { weekdays: number[]; start: string; end: string } | null;
  /** The deadline had there been no pause. */
  unpausedDeadline: Date;
  /** Business time covered by the pauses that moved the deadline. */
  pausedMs: number;
  /**
   * Every pause after the start. A pause that begins at or after the deadline in force at that
   * moment is not counted: the clock had already run out, so a hold cannot undo a breach.
   */
  pauses: CountedPause[];
};

export type SlaDeadline = {
  /** While a pause is open this is where the deadline would be if the pause ended `now`. */
  deadline: Date;
  pausedMs: number;
  /** An open pause: the deadline is not fixed yet and moves with `now`. */
  paused: boolean;
  basis: DeadlineBasis;
};

/** Merged pauses, clipped to start at or after `start`; an open pause runs until `now`. */
function mergePauses(pauses: ReadonlyArray<Pause>, start: number, now: number) {
  const spans = pauses
    .map((p) => ({ from: Math.max(p.from.getTime(), start), to: p.to ? p.to.getTime() : Math.max(now, p.from.getTime()), open: p.to === null }))
    .filter((p) => p.to > p.from)
    .sort((x, y) => x.from - y.from);
  const merged: typeof spans = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.from <= last.to) {
      last.to = Math.max(last.to, span.to);
      last.open ||= span.open;
    } else merged.push({ ...span });
  }
  return merged;
}

/**
 * The deadline of one SLA clock: `targetMs` of business time after `start`, pushed later by
 * the business time covered by each pause that began before the clock ran out.
 */
export function slaDeadline(input: {
  start: Date;
  targetMs: number;
  pauses: ReadonlyArray<Pause>;
  now: Date;
  cal: BusinessCalendar;
}): SlaDeadline {
  const { start, targetMs, cal } = input;
  const now = input.now.getTime();
  const unpaused = addBusinessTime(start, targetMs, cal);
  let deadline = unpaused;
  let pausedMs = 0;
  const counted: CountedPause[] = [];
  for (const span of mergePauses(input.pauses, start.getTime(), now)) {
    const from = new Date(span.from);
    const to = new Date(span.to);
    const businessMs = businessMsBetween(from, to, cal);
    const counts = span.from < deadline.getTime();
    if (counts && businessMs > 0) {
      pausedMs += businessMs;
      deadline = addBusinessTime(start, targetMs + pausedMs, cal);
    }
    counted.push({ from, to, open: span.open, businessMs, counted: counts });
  }
  const paused = input.pauses.some((p) => p.to === null && p.from.getTime() <= now);
  return {
    deadline,
    pausedMs,
    paused,
    basis: {
      start,
      targetMs,
      calendar: cal.kind,
      timeZone: cal.kind === 'business' ? cal.timeZone : null,
      workingHours: cal.kind === 'business' ? { weekdays: [...cal.workingWeekdays], start: cal.dayStart, end: cal.dayEnd } : null,
      unpausedDeadline: unpaused,
      pausedMs,
      pauses: counted,
    },
  };
}

export type SlaStatus = 'met' | 'met_late' | 'breached' | 'at_risk' | 'on_track' | 'paused';

/**
 * Where one clock stands. In order: met / met_late once the target event happened; breached
 * when `now` is past the deadline; paused while on hold; at_risk once the business time elapsed
 * since the start reaches `warnRatio` of the whole allowance start -> deadline; else on_track.
 */
export function slaStatus(input: {
  deadline: Date;
  metAt?: Date | null;
  now: Date;
  /** 0..1, e.g. the `sla.warnAtPercent` setting / 100. */
  warnRatio: number;
  start: Date;
  cal: BusinessCalendar;
  paused?: boolean;
}): SlaStatus {
  const { deadline, metAt, now } = input;
  if (metAt) return metAt.getTime() <= deadline.getTime() ? 'met' : 'met_late';
  if (now.getTime() > deadline.getTime()) return 'breached';
  if (input.paused) return 'paused';
  const allowance = businessMsBetween(input.start, deadline, input.cal);
  const elapsed = businessMsBetween(input.start, now, input.cal);
  return elapsed >= input.warnRatio * allowance ? 'at_risk' : 'on_track';
}
