import type { Kysely, Transaction } from 'kysely';
import type { Requirement } from '../../../core/dispatch/eligibility.ts';
import type { PlanInput, PlanOrder, PlanTechnician } from '../../../core/dispatch/plan.ts';
import type { LatLng } from '../../../core/geo.ts';
import { zonedDayStart } from '../../../core/time.ts';
import type { DB, Priority } from '../../db/schema.ts';
import { getSetting } from '../settings/service.ts';
import { certificatesOf, checkInsBetween, findTeamRow, orderRows, skillsOf, STARTED_STATES, startedJobsOf, technicianRows } from './facts-queries.ts';
import { type Availability, availabilityOn } from '../working-time/availability.ts';

// The facts dispatch decides on, gathered once per team and day: the technicians (skills,
// certificates, working time, start and end places, where they are now, the job under way)
// and the open orders that need a visit (requirement, duration, window, deadline, site).
// Every dispatch decision (ranking, planning, drag and drop, the assign action) reads these.

type Db = Kysely<DB> | Transaction<DB>;

/** Orders that still need a technician's visit; en_route and on_site are under way. */
export { STARTED_STATES, VISIT_STATES } from './facts-queries.ts';

const place = (lat: string | null, lng: string | null): LatLng | null =>
  lat === null || lng === null ? null : { latitude: Number(lat), longitude: Number(lng) };

export interface TechnicianDay extends PlanTechnician {
  position: string;
  availability: Availability;
  /** Latest check-in position today. */
  current: (LatLng & { at: Date }) | null;
}

export interface OrderDay extends PlanOrder {
  state: string;
  category: string;
  customerId: string;
  customerName: string;
  address: string | null;
  teamId: string | null;
  assigneeId: string | null;
  plannedArrivalAt: Date | null;
  routeSequence: number | null;
  arrivalWarnAt: Date | null;
  started: boolean;
  version: number;
}

export interface DispatchDay {
  team: { id: string; name: string; region: string; base: LatLng | null; baseAddress: string | null };
  day: string;
  timeZone: string;
  /** A PlanInput whose technicians and orders carry the board's facts too. */
  input: Omit<PlanInput, 'technicians' | 'orders'> & { technicians: TechnicianDay[]; orders: OrderDay[] };
}

/** The requirement of an order: its own once set (service minutes mark that), else its category's default. */
export async function requirementFor(
  db: Db,
  order: { category: string; teamId: string | null; requiredSkill: string | null; requiredSkillLevel: number | null; serviceMinutes: number | null },
  day: string,
): Promise<{ requirement: Requirement; serviceMinutes: number }> {
  const defaults = await getSetting(db, 'dispatch.requirements', day);
  return requirementOf(defaults, order);
}

function requirementOf(
  defaults: Awaited<ReturnType<typeof getSetting<'dispatch.requirements'>>>,
  order: { category: string; teamId: string | null; requiredSkill: string | null; requiredSkillLevel: number | null; serviceMinutes: number | null },
) {
  const d = defaults[order.category] ?? { skill: null, level: 1, certificates: [], serviceMinutes: 60 };
  const own = order.serviceMinutes !== null;
  return {
    requirement: {
      skill: own ? order.requiredSkill : d.skill,
      level: own ? (order.requiredSkillLevel ?? 1) : d.level,
      certificates: d.certificates,
      teamId: order.teamId,
    },
    serviceMinutes: own ? order.serviceMinutes! : d.serviceMinutes,
  };
}

/**
 * Loads technicians' facts; `ids` narrows to some employees (else the team's technicians, or
 * every active technician when `teamId` is null). `anyPosition` also loads named employees who
 * are not technicians (the lifecycle may hand an order to any active employee: the same rules
 * then decide whether they may take it).
 */
export async function loadTechnicians(
  db: Db,
  teamId: string | null,
  day: string,
  dayStart: Date,
  now: Date,
  ids?: readonly string[],
  options: { anyPosition?: boolean } = {},
): Promise<TechnicianDay[]> {
  const rows = await technicianRows(db, teamId, ids, options.anyPosition ?? false);
  if (rows.length === 0) return [];
  const employeeIds = rows.map((r) => r.id);
  const dayEnd = new Date(dayStart.getTime() + 86_400_000);
  const [skills, certificates, availability, checkIns, started] = await Promise.all([
    skillsOf(db, employeeIds),
    certificatesOf(db, employeeIds),
    availabilityOn(db, employeeIds, day),
    checkInsBetween(db, employeeIds, dayStart, dayEnd),
    startedJobsOf(db, employeeIds),
  ]);
  const defaults = await getSetting(db, 'dispatch.requirements', day);
  return rows.map((r): TechnicianDay => {
    const a = availability.get(r.id)!;
    const home = place(r.homeLatitude, r.homeLongitude);
    const base = place(r.baseLatitude, r.baseLongitude);
    const start = a.shift?.startsFrom === 'home' ? (home ?? base) : (base ?? home);
    const end = a.shift?.endsAt === 'home' ? (home ?? base) : (base ?? home);
    const last = checkIns.find((c) => c.actorEmployeeId === r.id);
    const job = started.find((s) => s.assigneeId === r.id && s.latitude !== null);
    let underWay: PlanTechnician['started'] = null;
    if (job) {
      const minutes = requirementOf(defaults, job).serviceMinutes;
      const arrived = job.arrivedAt ?? job.expectedArrivalAt ?? now;
      const until = new Date(Math.max(arrived.getTime() + minutes * 60_000, now.getTime()));
      underWay = { orderId: job.id, number: job.number, at: place(job.latitude, job.longitude)!, arrivedAt: arrived, until };
    }
    return {
      id: r.id,
      name: r.name,
      position: r.position,
      teamId: r.teamId,
      skills: skills.filter((s) => s.employeeId === r.id).map((s) => ({ skill: s.skill, level: s.level })),
      certificates: certificates.filter((c) => c.employeeId === r.id).map((c) => ({ name: c.name, expiresOn: c.expiresOn })),
      shift: a.shift ? { start: a.shift.start, end: a.shift.end } : null,
      leave: a.leave,
      start,
      end,
      started: underWay,
      availability: a,
      current: last && last.latitude !== null ? { latitude: Number(last.latitude), longitude: Number(last.longitude), at: last.at } : null,
    };
  });
}

/** Loads orders' facts: the team's open orders needing a visit on the day, or the given ids. */
export async function loadOrders(db: Db, teamId: string | null, day: string, dayStart: Date, ids?: readonly string[]): Promise<OrderDay[]> {
  const dayEnd = new Date(dayStart.getTime() + 86_400_000);
  const rows = await orderRows(db, teamId, dayStart, dayEnd, ids);
  const [defaults, objective] = await Promise.all([getSetting(db, 'dispatch.requirements', day), getSetting(db, 'dispatch.objective', day)]);
  return rows.map((r): OrderDay => {
    const { requirement, serviceMinutes } = requirementOf(defaults, r);
    return {
      id: r.id,
      number: r.number,
      title: r.title,
      priority: r.priority,
      location: place(r.latitude, r.longitude),
      requirement,
      serviceMinutes,
      windowFrom: r.preferredFrom,
      windowTo: r.preferredTo,
      deadline: r.arrivalDueAt,
      hardDeadline: objective.hardDeadline[r.priority as Priority],
      currentTechnicianId: r.assigneeId,
      state: r.state,
      category: r.category,
      customerId: r.customerId,
      customerName: r.customerName,
      address: r.address,
      teamId: r.teamId,
      assigneeId: r.assigneeId,
      plannedArrivalAt: r.plannedArrivalAt,
      routeSequence: r.routeSequence,
      arrivalWarnAt: r.arrivalWarnAt,
      started: (STARTED_STATES as readonly string[]).includes(r.state),
      version: r.version,
    };
  });
}

/** Everything dispatch needs for one team and day. */
export async function loadDispatchDay(db: Db, teamId: string, day: string, now = new Date()): Promise<DispatchDay | null> {
  const team = await findTeamRow(db, teamId);
  if (!team) return null;
  const [timeZone, objective] = await Promise.all([getSetting(db, 'company.timeZone', day), getSetting(db, 'dispatch.objective', day)]);
  const dayStart = zonedDayStart(day, timeZone);
  const [technicians, orders] = await Promise.all([loadTechnicians(db, teamId, day, dayStart, now), loadOrders(db, teamId, day, dayStart)]);
  return {
    team: { id: team.id, name: team.name, region: team.region, base: place(team.baseLatitude, team.baseLongitude), baseAddress: team.baseAddress },
    day,
    timeZone,
    input: { day, dayStart, now, technicians, orders, objective },
  };
}
