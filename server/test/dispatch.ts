import type { Kysely } from 'kysely';
import { dateInZone } from '../../core/settings.ts';
import { zonedDayStart } from '../../core/time.ts';
import type { DB } from '../db/schema.ts';
import { getSetting } from '../modules/settings/service.ts';
import { availabilityOn } from '../modules/working-time/availability.ts';

// Fixtures for dispatch (issue 5): assigning, reassigning and taking an order check the
// technician's skills, certificates, shift and leave (P4.1.2). A technician made "dispatchable"
// here holds every skill and certificate the default requirements name and works on every day
// around today (a shift of the default hours on the days the calendar has off), so tests that
// are not about eligibility pass on any day of the week.

const DAYS_BEFORE = 3;
const DAYS_AFTER = 14;

/** Every skill (at level 5) and certificate (valid for years) that dispatch.requirements names. */
export async function giveRequiredQualifications(db: Kysely<DB>, employeeId: string): Promise<void> {
  const requirements = await getSetting(db, 'dispatch.requirements');
  const skills = new Set<string>();
  const certificates = new Set<string>();
  for (const r of Object.values(requirements)) {
    if (r.skill) skills.add(r.skill);
    for (const c of r.certificates) certificates.add(c);
  }
  for (const skill of skills) {
    await db
      .insertInto('employeeSkills')
      .values({ employeeId, skill, level: 5 })
      .onConflict((oc) => oc.columns(['employeeId', 'skill']).doUpdateSet({ level: 5 }))
      .execute();
  }
  for (const name of certificates) {
    await db.insertInto('employeeCertificates').values({ employeeId, name, issuer: '应急管理局', number: `T-${employeeId.slice(0, 8)}`, issuedOn: '2024-01-01', expiresOn: '2099-12-31' }).execute();
  }
}

/** A shift of the default hours on each day around `now` that the business calendar has off. */
export async function workEveryDay(db: Kysely<DB>, employeeId: string, now = new Date()): Promise<void> {
  const zone = await getSetting(db, 'company.timeZone');
  const hours = await getSetting(db, 'dispatch.defaultShift');
  const today = dateInZone(now, zone);
  for (let i = -DAYS_BEFORE; i <= DAYS_AFTER; i++) {
    const dayStart = zonedDayStart(today, zone, i);
    const day = dateInZone(new Date(dayStart.getTime() + 3_600_000), zone);
    const a = (await availabilityOn(db, [employeeId], day)).get(employeeId);
    if (a?.shift) continue;
    const at = (hhmm: string) => {
      const [h, m] = hhmm.split(':').map(Number) as [number, number];
      return new Date(dayStart.getTime() + (h * 60 + m) * 60_000);
    };
    await db
      .insertInto('workShifts')
      .values({ employeeId, day, off: false, startsAt: at(hours.start), endsAt: at(hours.end), startsFrom: hours.startsFrom, endsAtPlace: hours.endsAt })
      .onConflict((oc) => oc.columns(['employeeId', 'day']).doNothing())
      .execute();
  }
}

/** Both: the technician may be given any order of the default categories on any day near today. */
export async function makeDispatchable(db: Kysely<DB>, employeeId: string): Promise<void> {
  await giveRequiredQualifications(db, employeeId);
  await workEveryDay(db, employeeId);
}
