import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

// Demo data: mainland China's public holidays and make-up working days (调休). These are data
// the company maintains in its holiday calendar every year (the State Council publishes each
// year's arrangement, usually in November); nothing in the software derives them.

type Entry = { date: string; kind: 'holiday' | 'workday'; name: string };

function days(from: string, to: string, name: string): Entry[] {
  const out: Entry[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push({ date: new Date(t).toISOString().slice(0, 10), kind: 'holiday', name });
  }
  return out;
}
const workday = (date: string, name: string): Entry => ({ date, kind: 'workday', name: `${name}调休上班` });

/** 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04). */
const Y2026: Entry[] = [
  ...days('2026-01-01', '2026-01-03', '元旦'),
  workday('2026-01-04', '元旦'),
  ...days('2026-02-15', '2026-02-23', '春节'),
  workday('2026-02-14', '春节'),
  workday('2026-02-28', '春节'),
  ...days('2026-04-04', '2026-04-06', '清明节'),
  ...days('2026-05-01', '2026-05-05', '劳动节'),
  workday('2026-05-09', '劳动节'),
  ...days('2026-06-19', '2026-06-21', '端午节'),
  ...days('2026-09-25', '2026-09-27', '中秋节'),
  ...days('2026-10-01', '2026-10-07', '国庆节'),
  workday('2026-09-20', '国庆节'),
  workday('2026-10-10', '国庆节'),
];

/**
 * 2027: only the statutory holiday days themselves (全国年节及纪念日放假办法, 2024 revision:
 * 元旦 1, 春节 4 from 除夕, 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3). The bridge days and
 * make-up working days are added when the State Council publishes the 2027 arrangement.
 */
const Y2027: Entry[] = [
  ...days('2027-01-01', '2027-01-01', '元旦'),
  ...days('2027-02-05', '2027-02-08', '春节'),
  ...days('2027-04-05', '2027-04-05', '清明节'),
  ...days('2027-05-01', '2027-05-02', '劳动节'),
  ...days('2027-06-09', '2027-06-09', '端午节'),
  ...days('2027-09-15', '2027-09-15', '中秋节'),
  ...days('2027-10-01', '2027-10-03', '国庆节'),
];

export const CHINA_CALENDAR_DAYS: readonly Entry[] = [...Y2026, ...Y2027];

/** Inserts the demo holidays and make-up working days; dates the calendar already has are left as they are. Returns how many were added. */
export async function seedChinaHolidays(db: Kysely<DB> | Transaction<DB>): Promise<number> {
  const inserted = await db
    .insertInto('calendarDays')
    .values([...CHINA_CALENDAR_DAYS])
    .onConflict((oc) => oc.column('date').doNothing())
    .returning('date')
    .execute();
  return inserted.length;
}
