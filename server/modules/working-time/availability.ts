import type { Kysely, Transaction } from 'kysely';
import { isWorkingDay } from '../../../core/sla-clock.ts';
import { zonedDayStart } from '../../../core/time.ts';
import type { DB, ShiftPlace } from '../../db/schema.ts';
import { loadBusinessCalendar } from '../calendar/service.ts';
import { getSetting } from '../settings/service.ts';
import { leaveOverlapping, shiftsOn } from './queries.ts';

// The seam between dispatch and working time (issue 5 point 1). Dispatch asks only this:
// "when can these people work on this day, and from where". Today the answer comes from
// simple shift and leave records plus the default shift on working days; the attendance and
// leave module will answer the same question from its own tables later.

type Db = Kysely<DB> | Transaction<DB>;

export interface Shift {
  start: Date;
  end: Date;
  startsFrom: ShiftPlace;
  endsAt: ShiftPlace;
  /** 'record': a shift entered for the day; 'default': dispatch.defaultShift on a working day. */
  source: 'record' | 'default';
}

export interface Availability {
  /** null: not working that day (a day off, a non-working day without a shift). */
  shift: Shift | null;
  leave: { kind: string; start: Date; end: Date }[];
}

/** Each employee's shift and leave on one business date (YYYY-MM-DD, company time zone). */
export async function availabilityOn(db: Db, employeeIds: readonly string[], day: string): Promise<Map<string, Availability>> {
  const out = new Map<string, Availability>();
  if (employeeIds.length === 0) return out;
  const [timeZone, defaults, calendar] = await Promise.all([
    getSetting(db, 'company.timeZone', day),
    getSetting(db, 'dispatch.defaultShift', day),
    loadBusinessCalendar(db, 'business', day, { from: day, to: day }),
  ]);
  const dayStart = zonedDayStart(day, timeZone);
  const dayEnd = zonedDayStart(day, timeZone, 1);
  const shifts = await shiftsOn(db, employeeIds, day);
  // A shift may reach into the evening before or the morning after (a night shift): leave that
  // overlaps it counts even outside the calendar day.
  let from = dayStart;
  let to = dayEnd;
  for (const s of shifts) {
    if (s.startsAt && s.startsAt < from) from = s.startsAt;
    if (s.endsAt && s.endsAt > to) to = s.endsAt;
  }
  const leave = await leaveOverlapping(db, employeeIds, from, to);
  const at = (hhmm: string) => {
    const [h, m] = hhmm.split(':').map(Number) as [number, number];
    return new Date(dayStart.getTime() + (h * 60 + m) * 60_000);
  };
  const working = isWorkingDay(day, calendar);
  for (const id of employeeIds) {
    const record = shifts.find((s) => s.employeeId === id);
    let shift: Shift | null = null;
    if (record) {
      if (!record.off && record.startsAt && record.endsAt) {
        shift = { start: record.startsAt, end: record.endsAt, startsFrom: record.startsFrom, endsAt: record.endsAtPlace, source: 'record' };
      }
    } else if (working) {
      shift = { start: at(defaults.start), end: at(defaults.end), startsFrom: defaults.startsFrom, endsAt: defaults.endsAt, source: 'default' };
    }
    const start = shift && shift.start < dayStart ? shift.start : dayStart;
    const end = shift && shift.end > dayEnd ? shift.end : dayEnd;
    out.set(id, {
      shift,
      leave: leave
        .filter((l) => l.employeeId === id && l.startsAt < end && l.endsAt > start)
        .map((l) => ({ kind: l.kind, start: l.startsAt, end: l.endsAt })),
    });
  }
  return out;
}
