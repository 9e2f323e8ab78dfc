import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;
type Kind = 'holiday' | 'workday';

/** Calendar days from `from` to `to`, both included, in date order. */
export function calendarDaysBetween(db: Db, from: string, to: string) {
  return db.selectFrom('calendarDays').selectAll().where('date', '>=', from).where('date', '<=', to).orderBy('date').execute();
}

export function findCalendarDay(db: Db, date: string) {
  return db.selectFrom('calendarDays').selectAll().where('date', '=', date).executeTakeFirst();
}

/** Inserts a new day; undefined when the date was taken meanwhile. */
export function insertCalendarDay(db: Db, row: { date: string; kind: Kind; name: string }) {
  return db
    .insertInto('calendarDays')
    .values(row)
    .onConflict((oc) => oc.column('date').doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** Updates a day at the version read; undefined on a miss (someone changed it). */
export function updateCalendarDay(db: Db, date: string, version: number, values: { kind: Kind; name: string }) {
  return db
    .updateTable('calendarDays')
    .set((eb) => ({ ...values, updatedAt: new Date(), version: eb('version', '+', 1) }))
    .where('date', '=', date)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export function deleteCalendarDay(db: Db, date: string) {
  return db.deleteFrom('calendarDays').where('date', '=', date).returningAll().executeTakeFirst();
}
