import type { Selectable } from 'kysely';
import { zonedDayStart, zoneOffsetMs } from '../../../core/time.ts';
import type { LeaveRecordsTable, WorkShiftsTable } from '../../db/schema.ts';
import type { ServiceContext } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { errors } from '../../platform/errors.ts';
import { getSetting } from '../settings/service.ts';
import { workingTimePolicy } from './policy.ts';
import {
  deleteLeave,
  deleteShift,
  findEmployee,
  findLeave,
  findShift,
  findTeam,
  insertLeave,
  insertShift,
  overlappingLeave,
  teamLeave,
  teamShifts,
  updateShift,
} from './queries.ts';
import { type CreateLeave, MAX_LEAVE_DAYS, MAX_RANGE_DAYS, type PutShift, type RangeQuery, SHIFT_SLACK_HOURS } from './schemas.ts';

// Working-time records (issue 5 point 1): a technician's shift on a day (or a day off) and
// their leave, which dispatch must respect to hand work to someone who can take it (P4.1.2)
// and arrive in time (P5.1.2). Dispatch never reads these tables itself: it asks
// availability.ts, the seam the attendance and leave module (P6.1, P6.1.2 leave requested in
// advance) will take over.

type ShiftRow = Selectable<WorkShiftsTable>;
type LeaveRow = Selectable<LeaveRecordsTable>;

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export function presentShift(s: ShiftRow) {
  return {
    id: s.id,
    employeeId: s.employeeId,
    day: s.day,
    off: s.off,
    startsAt: s.startsAt?.toISOString() ?? null,
    endsAt: s.endsAt?.toISOString() ?? null,
    startsFrom: s.startsFrom,
    endsAtPlace: s.endsAtPlace,
    version: s.version,
  };
}

export function presentLeave(l: LeaveRow, withNote: boolean) {
  return {
    id: l.id,
    employeeId: l.employeeId,
    kind: l.kind,
    startsAt: l.startsAt.toISOString(),
    endsAt: l.endsAt.toISOString(),
    note: withNote ? l.note : null,
  };
}

/** An instant as wall-clock text in the company time zone, for messages. */
function wallClock(instant: Date, timeZone: string): string {
  return new Date(instant.getTime() + zoneOffsetMs(instant, timeZone)).toISOString().slice(0, 16).replace('T', ' ');
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** The team of a list request, once the range is sound and the caller may read it. */
async function teamInRange(ctx: ServiceContext, q: RangeQuery) {
  if (!workingTimePolicy.readAny(ctx.actor)) throw errors.forbidden();
  if (q.to < q.from) throw errors.invalidField('to', 'field.date_range');
  if (daysBetween(q.from, q.to) + 1 > MAX_RANGE_DAYS) throw errors.invalidField('to', 'field.working_time.range_too_long', { days: MAX_RANGE_DAYS });
  const team = await findTeam(ctx.db, q.teamId);
  if (!team) throw errors.invalidField('teamId', 'field.reference');
  if (!workingTimePolicy.read(ctx.actor, team.id)) throw errors.forbidden();
  return team;
}

/** The shift records of a team's people on the days from..to. */
export async function listShifts(ctx: ServiceContext, q: RangeQuery) {
  const team = await teamInRange(ctx, q);
  return (await teamShifts(ctx.db, team.id, q.from, q.to)).map(presentShift);
}

/** The leave of a team's people that touches the days from..to (company time zone). */
export async function listLeave(ctx: ServiceContext, q: RangeQuery) {
  const team = await teamInRange(ctx, q);
  const timeZone = await getSetting(ctx.db, 'company.timeZone', q.from);
  const rows = await teamLeave(ctx.db, team.id, zonedDayStart(q.from, timeZone), zonedDayStart(q.to, timeZone, 1));
  const withNote = workingTimePolicy.readLeaveNote(ctx.actor);
  return rows.map((l) => presentLeave(l, withNote));
}

/** The employee a write is about, once the caller may manage their working time. */
async function managedEmployee(ctx: ServiceContext, employeeId: string, missing: () => Error) {
  const employee = await findEmployee(ctx.db, employeeId);
  if (!employee) throw missing();
  if (!workingTimePolicy.manage(ctx.actor, employee.teamId)) throw errors.forbidden();
  return employee;
}

/** Checks a shift's times against its day and fills in the places from the default shift. */
async function shiftValues(ctx: ServiceContext, day: string, input: PutShift) {
  const [timeZone, defaults] = await Promise.all([getSetting(ctx.db, 'company.timeZone', day), getSetting(ctx.db, 'dispatch.defaultShift', day)]);
  const places = { startsFrom: input.startsFrom ?? defaults.startsFrom, endsAtPlace: input.endsAtPlace ?? defaults.endsAt };
  if (input.off) return { off: true, startsAt: null, endsAt: null, ...places };
  const missing = (['startsAt', 'endsAt'] as const).filter((f) => input[f] === null);
  if (missing.length) throw errors.invalid(missing.map((field) => ({ field, code: 'required', key: 'field.required' as const })));
  const startsAt = input.startsAt!;
  const endsAt = input.endsAt!;
  const earliest = new Date(zonedDayStart(day, timeZone).getTime() - SHIFT_SLACK_HOURS * HOUR_MS);
  const latest = new Date(zonedDayStart(day, timeZone, 1).getTime() + SHIFT_SLACK_HOURS * HOUR_MS);
  const params = { from: wallClock(earliest, timeZone), to: wallClock(latest, timeZone), hours: SHIFT_SLACK_HOURS };
  const outside = (['startsAt', 'endsAt'] as const).filter((f) => input[f]! < earliest || input[f]! > latest);
  if (outside.length) throw errors.invalid(outside.map((field) => ({ field, code: 'working_time.outside_day', key: 'field.working_time.outside_day' as const, params })));
  if (endsAt <= startsAt) throw errors.invalidField('endsAt', 'field.working_time.end_before_start');
  return { off: false, startsAt, endsAt, ...places };
}

/** Enters a day's shift (or day off) for an employee, creating or replacing the record. */
export async function putShift(ctx: ServiceContext, employeeId: string, day: string, input: PutShift) {
  await managedEmployee(ctx, employeeId, errors.notFound);
  const values = await shiftValues(ctx, day, input);
  return ctx.db.transaction().execute(async (trx) => {
    const before = await findShift(trx, employeeId, day);
    if (!before) {
      // A version names a record the caller read; it is gone, so their view is stale.
      if (input.version !== undefined) throw errors.stale();
      const after = await insertShift(trx, employeeId, day, values);
      if (!after) throw errors.stale();
      await writeAudit(trx, ctx, { action: 'work_shift.create', entityType: 'work_shift', entityId: after.id, after });
      return { created: true, shift: presentShift(after) };
    }
    const after = await updateShift(trx, before.id, input.version ?? before.version, values);
    if (!after) throw errors.stale();
    await writeAudit(trx, ctx, { action: 'work_shift.update', entityType: 'work_shift', entityId: after.id, before, after });
    return { created: false, shift: presentShift(after) };
  });
}

/** Removes a day's shift record: the day falls back to the default shift on working days. */
export async function removeShift(ctx: ServiceContext, employeeId: string, day: string) {
  await managedEmployee(ctx, employeeId, errors.notFound);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await findShift(trx, employeeId, day);
    if (!before) throw errors.notFound();
    await deleteShift(trx, before.id);
    await writeAudit(trx, ctx, { action: 'work_shift.delete', entityType: 'work_shift', entityId: before.id, before });
  });
}

/** Records leave; leave that overlaps leave already recorded for the employee is refused (422). */
export async function createLeave(ctx: ServiceContext, input: CreateLeave) {
  const employee = await managedEmployee(ctx, input.employeeId, () => errors.invalidField('employeeId', 'field.reference'));
  if (input.endsAt <= input.startsAt) throw errors.invalidField('endsAt', 'field.working_time.end_before_start');
  if (input.endsAt.getTime() - input.startsAt.getTime() > MAX_LEAVE_DAYS * DAY_MS) {
    throw errors.invalidField('endsAt', 'field.working_time.leave_too_long', { days: MAX_LEAVE_DAYS });
  }
  return ctx.db.transaction().execute(async (trx) => {
    // One writer per employee at a time, so two overlapping requests cannot both pass the check.
    await trx.selectFrom('employees').select('id').where('id', '=', employee.id).forUpdate().execute();
    const clash = await overlappingLeave(trx, employee.id, input.startsAt, input.endsAt);
    if (clash) {
      const timeZone = await getSetting(trx, 'company.timeZone');
      throw errors.rule(
        'working_time.leave_overlap',
        { name: employee.name, from: wallClock(clash.startsAt, timeZone), to: wallClock(clash.endsAt, timeZone) },
        { leaveId: clash.id },
      );
    }
    const after = await insertLeave(trx, { ...input, employeeId: employee.id, createdBy: ctx.actor.userId });
    await writeAudit(trx, ctx, { action: 'leave_record.create', entityType: 'leave_record', entityId: after.id, after });
    return presentLeave(after, true);
  });
}

/** Removes a leave record. */
export async function removeLeave(ctx: ServiceContext, leaveId: string) {
  const leave = await findLeave(ctx.db, leaveId);
  if (!leave) throw errors.notFound();
  await managedEmployee(ctx, leave.employeeId, errors.notFound);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await deleteLeave(trx, leaveId);
    if (!before) throw errors.notFound();
    await writeAudit(trx, ctx, { action: 'leave_record.delete', entityType: 'leave_record', entityId: before.id, before });
  });
}
