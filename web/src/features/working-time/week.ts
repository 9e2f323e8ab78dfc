import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import type { CalendarDay, Setting } from '../../api/types.ts';
import type { LeaveRecord, ShiftRecord } from '../dispatch/types.ts';

dayjs.extend(utc);
dayjs.extend(timezone);

// The working-time grid's arithmetic: weeks (Monday first) of business dates, wall-clock times
// in the company time zone, what a cell shows. Pure, so it is tested without a browser. The
// server decides who works when (server/modules/working-time/availability.ts); the grid only
// mirrors it to show "default shift" or "rest day" where no record exists.

const DATE = 'YYYY-MM-DD';
const HOUR_MS = 3_600_000;

export function addDays(day: string, n: number): string {
  return dayjs(day).add(n, 'day').format(DATE);
}

/** ISO weekday of a date: 1 = Monday .. 7 = Sunday. */
export function isoWeekday(day: string): number {
  const d = dayjs(day).day();
  return d === 0 ? 7 : d;
}

/** The Monday of the week a date falls in. */
export function mondayOf(day: string): string {
  return addDays(day, 1 - isoWeekday(day));
}

/** The seven dates of the week starting on `monday`. */
export function weekOf(monday: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** `HH:mm` on a business date in a zone, as an ISO instant. */
export function instantAt(day: string, hhmm: string, timeZone: string): string {
  return dayjs.tz(`${day}T${hhmm}:00`, timeZone).toISOString();
}

/** The wall-clock time (`HH:mm`) of an instant in a zone. */
export { clockIn as clockOf } from '../work-orders/planned.ts';

/**
 * A shift's start and end instants from wall-clock times on its day: an end at or before the
 * start is the next morning (a night shift).
 */
export function shiftInstants(day: string, start: string, end: string, timeZone: string): { startsAt: string; endsAt: string; overnight: boolean } {
  const overnight = end <= start;
  return { startsAt: instantAt(day, start, timeZone), endsAt: instantAt(overnight ? addDays(day, 1) : day, end, timeZone), overnight };
}

/** Hours of a leave record that fall on a business date (company time zone), to the half hour. */
export function leaveHoursOn(leave: Pick<LeaveRecord, 'startsAt' | 'endsAt'>, day: string, timeZone: string): number {
  const dayStart = dayjs.tz(`${day}T00:00:00`, timeZone).valueOf();
  const dayEnd = dayjs.tz(`${addDays(day, 1)}T00:00:00`, timeZone).valueOf();
  const overlap = Math.min(dayEnd, Date.parse(leave.endsAt)) - Math.max(dayStart, Date.parse(leave.startsAt));
  return overlap <= 0 ? 0 : Math.round((overlap / HOUR_MS) * 2) / 2;
}

/** The value of a dated setting in force on a date (the latest version effective by then). */
export function settingValueOn(setting: Setting | undefined, day: string): unknown {
  if (!setting) return undefined;
  const versions = [setting.current, ...setting.upcoming, ...setting.history].filter((v) => v !== null);
  let best: (typeof versions)[number] | undefined;
  for (const v of versions) if (v.effectiveFrom <= day && (!best || v.effectiveFrom > best.effectiveFrom)) best = v;
  return best?.value;
}

export interface DefaultShift {
  start: string;
  end: string;
  startsFrom: 'home' | 'office';
  endsAt: 'home' | 'office';
}

export function asDefaultShift(value: unknown): DefaultShift | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  const place = (x: unknown) => (x === 'home' ? 'home' : 'office');
  if (typeof v.start !== 'string' || typeof v.end !== 'string') return null;
  return { start: v.start, end: v.end, startsFrom: place(v.startsFrom), endsAt: place(v.endsAt) };
}

/** Working weekdays of the setting sla.workingHours (1 = Monday .. 7 = Sunday). */
export function asWeekdays(value: unknown): number[] | null {
  if (!value || typeof value !== 'object') return null;
  const days = (value as { weekdays?: unknown }).weekdays;
  return Array.isArray(days) && days.every((d) => typeof d === 'number') ? days : null;
}

/** As the server's calendar: a make-up working day is worked; else a working weekday that is no holiday. */
export function isWorkingDay(day: string, weekdays: readonly number[], calendar: readonly CalendarDay[]): boolean {
  const marked = calendar.find((c) => c.date === day);
  if (marked?.kind === 'workday') return true;
  return weekdays.includes(isoWeekday(day)) && marked?.kind !== 'holiday';
}

/** What one technician's day shows. */
export type DayShift =
  | { kind: 'record'; record: ShiftRecord }
  | { kind: 'off'; record: ShiftRecord }
  | { kind: 'default'; shift: DefaultShift | null }
  | { kind: 'rest' };

/**
 * A record wins; without one a working day has the default shift and another day is a rest
 * day. `working` is null when the calendar is not known (then "default" is shown).
 */
export function dayShift(record: ShiftRecord | undefined, working: boolean | null, defaults: DefaultShift | null): DayShift {
  if (record) return record.off ? { kind: 'off', record } : { kind: 'record', record };
  if (working === false) return { kind: 'rest' };
  return { kind: 'default', shift: defaults };
}

/** The leave records that touch a business date, with their hours that day. */
export function leaveOn(leave: readonly LeaveRecord[], employeeId: string, day: string, timeZone: string): { record: LeaveRecord; hours: number }[] {
  return leave
    .filter((l) => l.employeeId === employeeId)
    .map((record) => ({ record, hours: leaveHoursOn(record, day, timeZone) }))
    .filter((l) => l.hours > 0);
}
