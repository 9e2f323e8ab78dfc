import type { Kysely, Selectable, Transaction } from 'kysely';
import type { BusinessCalendar } from '../../../core/sla-clock.ts';
import type { CalendarDaysTable, DB } from '../../db/schema.ts';
import type { ServiceContext } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { errors } from '../../platform/errors.ts';
import { getSetting } from '../settings/service.ts';
import { calendarPolicy } from './policy.ts';
import { calendarDaysBetween, deleteCalendarDay, findCalendarDay, insertCalendarDay, updateCalendarDay } from './queries.ts';

type Db = Kysely<DB> | Transaction<DB>;
type CalendarDay = Selectable<CalendarDaysTable>;

const present = (row: CalendarDay) => ({
  date: row.date,
  kind: row.kind,
  name: row.name,
  version: row.version,
  updatedAt: row.updatedAt.toISOString(),
});

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The holidays and make-up working days of one calendar year. */
export async function calendarYear(ctx: ServiceContext, year: number) {
  const rows = await calendarDaysBetween(ctx.db, `${year}-01-01`, `${year}-12-31`);
  return { year, items: rows.map(present), abilities: { update: calendarPolicy.update(ctx.actor) } };
}

/** Declares a date a holiday or a make-up working day (creating or replacing its entry). */
export async function putCalendarDay(ctx: ServiceContext, date: string, input: { kind: 'holiday' | 'workday'; name: string; version?: number }) {
  if (!calendarPolicy.update(ctx.actor)) throw errors.forbidden();
  return ctx.db.transaction().execute(async (trx) => {
    const before = await findCalendarDay(trx, date);
    const values = { kind: input.kind, name: input.name };
    if (!before) {
      // A version names a row the caller read; it is gone, so their view is stale.
      if (input.version !== undefined) throw errors.stale();
      const after = await insertCalendarDay(trx, { date, ...values });
      if (!after) throw errors.stale();
      await writeAudit(trx, ctx, { action: 'calendar_day.create', entityType: 'calendar_day', entityId: date, after });
      return { created: true, day: present(after) };
    }
    const after = await updateCalendarDay(trx, date, input.version ?? before.version, values);
    if (!after) throw errors.stale();
    await writeAudit(trx, ctx, { action: 'calendar_day.update', entityType: 'calendar_day', entityId: date, before, after });
    return { created: false, day: present(after) };
  });
}

/** Removes a date's entry: the date becomes an ordinary day of its weekday again. */
export async function removeCalendarDay(ctx: ServiceContext, date: string): Promise<void> {
  if (!calendarPolicy.update(ctx.actor)) throw errors.forbidden();
  await ctx.db.transaction().execute(async (trx) => {
    const before = await deleteCalendarDay(trx, date);
    if (!before) throw errors.notFound();
    await writeAudit(trx, ctx, { action: 'calendar_day.delete', entityType: 'calendar_day', entityId: date, before });
  });
}

/**
 * The calendar an SLA clock runs on, as in force on `asOf` (a business date, e.g. the date an
 * order was received): round the clock, or the company time zone, `sla.workingHours` and the
 * holiday calendar. Only calendar days in `range` are loaded (default: 30 days before `asOf`
 * to 400 days after); days outside it count as ordinary days of their weekday.
 */
export async function loadBusinessCalendar(
  db: Db,
  priorityCalendarKind: 'business' | '24x7',
  asOf: string,
  range: { from: string; to: string } = { from: addDays(asOf, -30), to: addDays(asOf, 400) },
): Promise<BusinessCalendar> {
  if (priorityCalendarKind === '24x7') return { kind: '24x7' };
  const [timeZone, hours, days] = await Promise.all([
    getSetting(db, 'company.timeZone', asOf),
    getSetting(db, 'sla.workingHours', asOf),
    calendarDaysBetween(db, range.from, range.to),
  ]);
  return {
    kind: 'business',
    timeZone,
    workingWeekdays: [...hours.weekdays],
    dayStart: hours.start,
    dayEnd: hours.end,
    holidays: new Set(days.filter((d) => d.kind === 'holiday').map((d) => d.date)),
    makeUpWorkdays: new Set(days.filter((d) => d.kind === 'workday').map((d) => d.date)),
  };
}
