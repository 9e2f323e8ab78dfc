import type { Kysely, Transaction } from 'kysely';
import type { DB, LeaveKind, ShiftPlace } from '../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export function findTeam(db: Db, teamId: string) {
  return db.selectFrom('teams').select(['id', 'name']).where('id', '=', teamId).executeTakeFirst();
}

export function findEmployee(db: Db, employeeId: string) {
  return db.selectFrom('employees').select(['id', 'name', 'teamId']).where('id', '=', employeeId).executeTakeFirst();
}

/** Shift records of a team's people on the days from..to (both included). */
export function teamShifts(db: Db, teamId: string, from: string, to: string) {
  return db
    .selectFrom('workShifts as s')
    .innerJoin('employees as e', 'e.id', 's.employeeId')
    .selectAll('s')
    .where('e.teamId', '=', teamId)
    .where('s.day', '>=', from)
    .where('s.day', '<=', to)
    .orderBy('s.day')
    .orderBy('e.employeeNo')
    .execute();
}

/** Leave of a team's people that overlaps [start, end). */
export function teamLeave(db: Db, teamId: string, start: Date, end: Date) {
  return db
    .selectFrom('leaveRecords as l')
    .innerJoin('employees as e', 'e.id', 'l.employeeId')
    .selectAll('l')
    .where('e.teamId', '=', teamId)
    .where('l.startsAt', '<', end)
    .where('l.endsAt', '>', start)
    .orderBy('l.startsAt')
    .orderBy('e.employeeNo')
    .execute();
}

export function findShift(db: Db, employeeId: string, day: string) {
  return db.selectFrom('workShifts').selectAll().where('employeeId', '=', employeeId).where('day', '=', day).executeTakeFirst();
}

type ShiftValues = { off: boolean; startsAt: Date | null; endsAt: Date | null; startsFrom: ShiftPlace; endsAtPlace: ShiftPlace };

/** Inserts a day's shift; undefined when someone entered one meanwhile. */
export function insertShift(db: Db, employeeId: string, day: string, values: ShiftValues) {
  return db
    .insertInto('workShifts')
    .values({ employeeId, day, ...values })
    .onConflict((oc) => oc.columns(['employeeId', 'day']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** Updates a shift at the version read; undefined on a miss (someone changed it). */
export function updateShift(db: Db, id: string, version: number, values: ShiftValues) {
  return db
    .updateTable('workShifts')
    .set((eb) => ({ ...values, updatedAt: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export function deleteShift(db: Db, id: string) {
  return db.deleteFrom('workShifts').where('id', '=', id).returningAll().executeTakeFirst();
}

/** The employee's leave overlapping [start, end), if any. */
export function overlappingLeave(db: Db, employeeId: string, start: Date, end: Date) {
  return db
    .selectFrom('leaveRecords')
    .selectAll()
    .where('employeeId', '=', employeeId)
    .where('startsAt', '<', end)
    .where('endsAt', '>', start)
    .orderBy('startsAt')
    .executeTakeFirst();
}

export function insertLeave(
  db: Db,
  row: { employeeId: string; kind: LeaveKind; startsAt: Date; endsAt: Date; note: string | null; createdBy: string | null },
) {
  return db.insertInto('leaveRecords').values(row).returningAll().executeTakeFirstOrThrow();
}

export function findLeave(db: Db, id: string) {
  return db.selectFrom('leaveRecords').selectAll().where('id', '=', id).executeTakeFirst();
}

export function deleteLeave(db: Db, id: string) {
  return db.deleteFrom('leaveRecords').where('id', '=', id).returningAll().executeTakeFirst();
}

/** The employees' shift records of one day. */
export function shiftsOn(db: Db, employeeIds: readonly string[], day: string) {
  return db.selectFrom('workShifts').selectAll().where('employeeId', 'in', employeeIds).where('day', '=', day).execute();
}

/** The employees' leave overlapping [start, end), earliest first. */
export function leaveOverlapping(db: Db, employeeIds: readonly string[], start: Date, end: Date) {
  return db
    .selectFrom('leaveRecords')
    .select(['employeeId', 'kind', 'startsAt', 'endsAt'])
    .where('employeeId', 'in', employeeIds)
    .where('startsAt', '<', end)
    .where('endsAt', '>', start)
    .orderBy('startsAt')
    .execute();
}
