import { type Kysely, sql, type Transaction } from 'kysely';
import type { LatLng } from '../../../core/geo.ts';
import { TECHNICIAN_POSITIONS } from '../../../core/people.ts';
import { dateInZone } from '../../../core/settings.ts';
import { isWorkingDay } from '../../../core/sla-clock.ts';
import { zonedDayStart } from '../../../core/time.ts';
import type { Category, Priority } from '../../../core/work-orders.ts';
import { loadBusinessCalendar } from '../../modules/calendar/service.ts';
import { employeeSearchKeys } from '../../modules/people/search-keys.ts';
import { getSetting } from '../../modules/settings/service.ts';
import { receiveOrder } from '../../modules/work-orders/intake.ts';
import { type CalendarCache, slaPolicyFor, storedDeadlines } from '../../modules/work-orders/sla.ts';
import type { DB } from '../schema.ts';
import { Random } from './random.ts';
import { BRAND, CITIES, SKILLS } from './vocabulary.ts';

// The demo company's dispatch day (issue 5): every team works from an office in its city and
// every technician lives 5-15 km from it; for the demo team (the one the `supervisor` sign-in
// leads) today holds about two dozen new orders at customer sites of its city, with the skills,
// durations, appointment windows and SLA deadlines dispatch plans around, one technician on
// leave, one leaving early and a few starting from home. Deterministic for a given day (the
// seed's own generator, rows read in a stable order), and made through the intake service so
// the SLA deadlines are the product's own.

const SEED = 0x44495350;
const HOME_KM: readonly [number, number] = [5, 15];
const HALF_HOUR = 30 * 60_000;
const HOME_STARTERS_PER_TEAM = 2;
/** The demo sign-ins of the demo team's technicians (demo.ts). */
const DEMO_TECHNICIANS = ['support', 'repair', 'install'];
/** Technicians working today who hold each required skill at level 2 or more, where their trade allows (at least two). */
const MIN_HOLDERS = 3;
/** The demo team's day: categories (their requirements come from dispatch.requirements) and priorities. */
const CATEGORY_COUNTS: ReadonlyArray<readonly [Category, number]> = [
  ['fault_repair', 9],
  ['installation', 3],
  ['commissioning', 2],
  ['maintenance', 5],
  ['consultation', 2],
  ['complaint', 2],
  ['other', 1],
];
const PRIORITY_COUNTS: ReadonlyArray<readonly [Priority, number]> = [
  ['urgent', 3],
  ['high', 6],
  ['normal', 10],
  ['low', 5],
];
/**
 * When an order of each priority came in, so that its SLA arrival deadline (sla.targets:
 * urgent 4 h round the clock, high 8 and normal 24 business hours, low 48) falls today or
 * soon after: `ago` minutes before now, or on the working day `workdaysBack` before today
 * between the given local times.
 */
const RECEIVED: Record<Priority, ReadonlyArray<{ ago: readonly [number, number] } | { workdaysBack: number; between: readonly [string, string] }>> = {
  urgent: [{ ago: [20, 100] }],
  high: [{ workdaysBack: 1, between: ['13:00', '17:30'] }],
  normal: [
    { workdaysBack: 3, between: ['12:00', '17:00'] },
    { workdaysBack: 2, between: ['10:00', '17:00'] },
  ],
  low: [{ workdaysBack: 5, between: ['10:00', '17:00'] }],
};

const TEXTS: Record<Category, ReadonlyArray<readonly [string, string]>> = {
  fault_repair: [
    ['控制柜跳闸', '设备控制柜空气开关频繁跳闸，复位后运行约十分钟再次跳闸，疑似电气短路或接地故障。'],
    ['变频器报警停机', '变频器面板显示 OC 过流报警，电机无法启动，生产线停机等待处理。'],
    ['机组不启动', '热泵机组上电后无任何动作，控制面板有显示，压缩机和风机均不启动。'],
    ['电源模块烧毁', '设备电源模块有焦糊味并停止输出，客户已断电，需要上门检查更换。'],
  ],
  installation: [
    ['新机安装', '新购机组已到货，需要上门就位、接管接线，并完成开机前检查。'],
    ['扩容设备安装', '客户扩建车间，新增一台冷水机组需要安装并接入现有管网。'],
  ],
  commissioning: [
    ['系统联调', '新装机组与楼宇自控系统联调，核对点位并完成运行参数整定。'],
    ['改造后调试', '管路改造完成，需要重新调试水力平衡并验证制冷量。'],
  ],
  maintenance: [
    ['季度保养', '合同约定的季度保养：清洗过滤网、检查电气接线和制冷剂压力。'],
    ['换热器清洗', '冷凝器换热效果下降，按保养计划安排清洗并记录运行参数。'],
  ],
  consultation: [['现场操作指导', '客户新员工需要现场讲解日常操作、定时设置和报警处理。']],
  complaint: [['维修后仍有异响', '客户反映上次维修后设备仍有间歇异响，要求上门复查。']],
  other: [['设备移位评估', '客户计划调整车间布局，需要评估设备移位的可行性和工作量。']],
};

export type DemoDispatchSummary = { teamId: string; day: string; orders: number; leave: number; shifts: number };

type Db = Kysely<DB> | Transaction<DB>;

/** Seeds the dispatch day in one transaction; null when there is no demo team or it was seeded already. */
export function seedDemoDispatch(db: Kysely<DB>, options: { now?: Date } = {}): Promise<DemoDispatchSummary | null> {
  return db.transaction().execute((trx) => seedDay(trx, options.now ?? new Date()));
}

async function seedDay(db: Transaction<DB>, now: Date): Promise<DemoDispatchSummary | null> {
  const rng = new Random(SEED);
  const supervisor = await db.selectFrom('users').select(['id', 'employeeId', 'displayName']).where('username', '=', 'supervisor').executeTakeFirst();
  const agent = await db.selectFrom('users').select(['id', 'employeeId', 'displayName']).where('username', '=', 'agent').executeTakeFirst();
  if (!supervisor?.employeeId || !agent) return null;
  const teams = (await db.selectFrom('teams').selectAll().execute()).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const demoTeam = teams.find((t) => t.supervisorId === supervisor.employeeId);
  if (!demoTeam || demoTeam.baseLatitude !== null) return null;

  const timeZone = await getSetting(db, 'company.timeZone', dateInZone(now, 'UTC'));
  const day = dateInZone(now, timeZone);
  const [defaults, requirements, calendar] = await Promise.all([
    getSetting(db, 'dispatch.defaultShift', day),
    getSetting(db, 'dispatch.requirements', day),
    loadBusinessCalendar(db, 'business', day, { from: day, to: day }),
  ]);
  const dayStart = zonedDayStart(day, timeZone);
  const clock = (hhmm: string) => {
    const [h, m] = hhmm.split(':').map(Number) as [number, number];
    return new Date(dayStart.getTime() + (h * 60 + m) * 60_000);
  };
  const dayShift = { start: clock(defaults.start).getTime(), end: clock(defaults.end).getTime() };
  // Seeded with under four hours of the day shift left (an evening start), the demo team works a
  // late shift from now, so the demo day still has work to plan (an e2e run late in the day).
  const late = dayShift.end - now.getTime() < 4 * 3_600_000;
  const shiftStart = late ? new Date(Math.ceil((now.getTime() + 15 * 60_000) / HALF_HOUR) * HALF_HOUR) : new Date(dayShift.start);
  // A late shift ends by midnight: work after it would belong to a day nobody is on shift.
  const shiftEnd = new Date(Math.min(shiftStart.getTime() + (dayShift.end - dayShift.start), late ? zonedDayStart(day, timeZone, 1).getTime() : Number.POSITIVE_INFINITY));

  // Bases and homes.
  const technicians = await db
    .selectFrom('employees')
    .select(['id', 'employeeNo', 'name', 'position', 'teamId', 'phone', 'email'])
    .where('position', 'in', TECHNICIAN_POSITIONS)
    .where('status', '=', 'active')
    .orderBy('employeeNo')
    .execute();
  const bases = new Map<string, LatLng>();
  for (const team of teams) {
    const city = CITIES.find((c) => c.name === team.city) ?? CITIES[0]!;
    const district = rng.pick(city.districts);
    const base = { latitude: district.latitude + (rng.next() - 0.5) * 0.01, longitude: district.longitude + (rng.next() - 0.5) * 0.01 };
    bases.set(team.id, base);
    await db
      .updateTable('teams')
      .set({
        baseAddress: `${city.name}市${district.name}${rng.pick(district.roads)} ${rng.int(100, 999)} 号 ${BRAND}${city.name}服务中心`,
        baseLatitude: base.latitude.toFixed(6),
        baseLongitude: base.longitude.toFixed(6),
      })
      .where('id', '=', team.id)
      .execute();
  }
  const homes = new Map<string, LatLng>();
  for (const t of technicians) {
    const base = t.teamId ? bases.get(t.teamId) : undefined;
    if (base) homes.set(t.id, around(base, HOME_KM[0] + rng.next() * (HOME_KM[1] - HOME_KM[0]), rng.next() * 2 * Math.PI));
  }
  if (homes.size) {
    const rows = [...homes].map(([id, h]) => sql`(${id}::uuid, ${h.latitude.toFixed(6)}::numeric, ${h.longitude.toFixed(6)}::numeric)`);
    await sql`UPDATE employees AS e SET home_latitude = v.lat, home_longitude = v.lng
      FROM (VALUES ${sql.join(rows)}) AS v(id, lat, lng) WHERE e.id = v.id`.execute(db);
  }

  // Today's exceptions: one of the demo team on leave, one leaving early, a few starting from home.
  const demoUsers = await db.selectFrom('users').select(['username', 'employeeId']).where('username', 'in', DEMO_TECHNICIANS).execute();
  const demoTechs = DEMO_TECHNICIANS.flatMap((u) => demoUsers.find((x) => x.username === u)?.employeeId ?? []);
  const demoIds = new Set<string>(demoTechs);
  const team = technicians.filter((t) => t.teamId === demoTeam.id);
  const others = rng.shuffle(team.filter((t) => !demoIds.has(t.id)));
  const onLeave = others[0];
  const leavingEarly = others[1];
  const shifts = new Map<string, { startsAt: Date; endsAt: Date; startsFrom: 'home' | 'office'; endsAtPlace: 'home' | 'office' }>();
  const usual = { startsAt: shiftStart, endsAt: shiftEnd, startsFrom: defaults.startsFrom, endsAtPlace: defaults.endsAt };
  // On a weekend or holiday, or late in the day, the demo team is on duty (a shift record each), so there is a day to plan.
  if (!isWorkingDay(day, calendar) || late) for (const t of team) if (t !== onLeave) shifts.set(t.id, { ...usual });
  // Leaving three and a half hours early (14:00 with the default shift).
  const early = new Date(Math.max(shiftStart.getTime() + 60 * 60_000, shiftEnd.getTime() - 210 * 60_000));
  if (leavingEarly) shifts.set(leavingEarly.id, { ...usual, endsAt: early });
  for (const tm of teams) {
    const candidates = rng.shuffle(technicians.filter((t) => t.teamId === tm.id && t !== onLeave && t !== leavingEarly));
    for (const t of candidates.slice(0, HOME_STARTERS_PER_TEAM)) shifts.set(t.id, { ...usual, startsFrom: 'home', endsAtPlace: 'home' });
  }
  if (shifts.size) {
    await db
      .insertInto('workShifts')
      .values([...shifts].map(([employeeId, s]) => ({ employeeId, day, off: false, ...s })))
      .execute();
  }
  if (onLeave) {
    await db
      .insertInto('leaveRecords')
      .values({ employeeId: onLeave.id, kind: 'annual', startsAt: dayStart, endsAt: zonedDayStart(day, timeZone, 1), note: '年假', createdBy: supervisor.id })
      .execute();
  }

  // Every skill the requirements name is held at level 2 or more, with the certificates the
  // work needs, by MIN_HOLDERS technicians working today: people of that trade, the demo
  // sign-in first; someone of another trade only when fewer than two would hold it.
  const working = team.filter((t) => t !== onLeave);
  const skillRows = await db.selectFrom('employeeSkills').select(['employeeId', 'skill', 'level']).where('employeeId', 'in', team.map((t) => t.id)).execute();
  const certificates = await db.selectFrom('employeeCertificates').select(['employeeId', 'name', 'expiresOn']).where('employeeId', 'in', team.map((t) => t.id)).execute();
  const certified = (id: string, names: readonly string[]) =>
    names.every((n) => certificates.some((c) => c.employeeId === id && c.name === n && (c.expiresOn === null || c.expiresOn >= day)));
  const changed = new Set<string>();
  for (const req of Object.values(requirements)) {
    if (!req.skill) continue;
    const skill = req.skill;
    const level = Math.max(2, req.level);
    const holds = (id: string) => skillRows.some((s) => s.employeeId === id && s.skill === skill && s.level >= level);
    const trade = (p: string) => (SKILLS as Record<string, readonly string[]>)[p]?.includes(skill) ?? false;
    const candidates = working.filter((t) => certified(t.id, req.certificates));
    let holders = candidates.filter((t) => holds(t.id)).length;
    const give = (t: (typeof working)[number]) => {
      const row = skillRows.find((s) => s.employeeId === t.id && s.skill === skill);
      if (row) row.level = level;
      else skillRows.push({ employeeId: t.id, skill, level });
      changed.add(t.id);
      holders++;
    };
    const ofTrade = candidates.filter((t) => trade(t.position) && !holds(t.id));
    for (const t of [...ofTrade.filter((x) => demoIds.has(x.id)), ...ofTrade.filter((x) => !demoIds.has(x.id))]) {
      if (demoIds.has(t.id) || holders < MIN_HOLDERS) give(t);
    }
    for (const t of candidates.filter((x) => !holds(x.id) && !demoIds.has(x.id))) if (holders < 2) give(t);
  }
  for (const id of changed) {
    const t = team.find((x) => x.id === id)!;
    const skills = skillRows.filter((s) => s.employeeId === id);
    await db.deleteFrom('employeeSkills').where('employeeId', '=', id).execute();
    await db.insertInto('employeeSkills').values(skills).execute();
    await db.updateTable('employees').set(employeeSearchKeys({ ...t, skills })).where('id', '=', id).execute();
  }

  // The orders, at customer sites of the team's city, received through the intake service.
  const sites = await db
    .selectFrom('customerSites as s')
    .innerJoin('customers as c', 'c.id', 's.customerId')
    .leftJoin('installedProducts as p', 'p.siteId', 's.id')
    .select(['s.id as siteId', 's.customerId', 's.latitude', 's.longitude', 'p.id as productId'])
    .where('s.city', '=', demoTeam.city)
    .where('s.latitude', 'is not', null)
    .where('c.status', '=', 'active')
    .orderBy('c.customerNo')
    .orderBy('s.name')
    .orderBy('p.serialNumber')
    .execute();
  const bySite = [...new Map(sites.map((s) => [s.siteId, s])).values()];
  const categories = rng.shuffle(CATEGORY_COUNTS.flatMap(([c, n]) => Array<Category>(n).fill(c)));
  const priorities = rng.shuffle(PRIORITY_COUNTS.flatMap(([p, n]) => Array<Priority>(n).fill(p)));
  const chosen = rng.sample(bySite, categories.length);
  // Each technician who signs in gets one order that needs a skill of their own, held by as few
  // of the others as possible (a dispatcher sets an order's own requirement the same way), so
  // the day's plan gives every one of them visits; the order was one without a skill of its own.
  const own = new Map<number, { skill: string; level: number }>();
  for (const id of demoTechs) {
    const held = skillRows.filter((x) => x.employeeId === id);
    const rarity = (x: { skill: string; level: number }) => working.filter((t) => skillRows.some((y) => y.employeeId === t.id && y.skill === x.skill && y.level >= x.level)).length;
    const pick = held.sort((a, b) => rarity(a) - rarity(b) || b.level - a.level || a.skill.localeCompare(b.skill))[0];
    const slot = categories.findIndex((c, i) => !own.has(i) && !requirements[c]?.skill && requirements[c]?.certificates.length === 0);
    if (pick && slot >= 0) own.set(slot, { skill: pick.skill, level: pick.level });
  }
  const workdays = await workdaysBefore(db, day, 10);
  const local = (d: string, minutes: number) => new Date(zonedDayStart(d, timeZone).getTime() + minutes * 60_000);
  const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
  const drafts = categories.flatMap((category, i) => {
    if (!chosen[i]) return [];
    const requirement = own.get(i) ?? null;
    const priority = priorities[i]!;
    const when = rng.pick(RECEIVED[priority]);
    const receivedAt =
      'ago' in when
        ? new Date(now.getTime() - rng.int(when.ago[0], when.ago[1]) * 60_000)
        : local(workdays[when.workdaysBack - 1] ?? day, rng.int(minutesOf(when.between[0]), minutesOf(when.between[1])));
    return [
      {
        category,
        priority,
        requirement,
        receivedAt: new Date(Math.min(receivedAt.getTime(), now.getTime())),
        site: chosen[i]!,
        text: requirement
          ? ([`${requirement.skill}专项服务`, `现场问题需要具备“${requirement.skill}”技能（${requirement.level} 级）的工程师上门处理。`] as const)
          : rng.pick(TEXTS[category]),
        window: null as [Date, Date] | null,
      },
    ];
  });
  // Half have an appointment window of 2-3 hours inside today's working hours (and still
  // ahead) that ends by the arrival deadline (the intake computes the same deadline from the
  // same policy), with time for the work after it; urgent orders are emergencies, without
  // appointments.
  const cache: CalendarCache = new Map();
  for (const d of rng.shuffle(drafts)) {
    if (drafts.filter((x) => x.window).length >= Math.round(drafts.length / 2)) break;
    if (d.priority === 'urgent') continue;
    const sla = await slaPolicyFor(db, d.priority, dateInZone(d.receivedAt, timeZone));
    const times = { receivedAt: d.receivedAt, respondedAt: null, arrivedAt: null, resolvedAt: null, state: 'new' as const, visitScheduledAt: null, sla };
    const due = (await storedDeadlines(db, times, [], d.receivedAt, cache)).arrivalDueAt.getTime();
    const width = rng.pick([120, 150, 180]) * 60_000;
    const service = (requirements[d.category]?.serviceMinutes ?? 60) * 60_000;
    // Not already past when the seed runs: an hour from now at the earliest, on the half hour.
    const first = Math.max(shiftStart.getTime() + 30 * 60_000, Math.ceil((now.getTime() + 60 * 60_000) / HALF_HOUR) * HALF_HOUR);
    const last = Math.min(shiftEnd.getTime() - width, shiftEnd.getTime() - service - 90 * 60_000, due - width);
    if (last < first) continue;
    const from = first + rng.int(0, Math.floor((last - first) / HALF_HOUR)) * HALF_HOUR;
    d.window = [new Date(from), new Date(from + width)];
  }
  const recorder = { userId: agent.id, employeeId: agent.employeeId, label: agent.displayName, requestId: 'seed' };
  let made = 0;
  for (const d of drafts.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime())) {
    const req = requirements[d.category] ?? { skill: null, level: 1, certificates: [], serviceMinutes: 60 };
    const id = await receiveOrder(
      db,
      {
        channel: rng.pick(['phone', 'phone', 'email', 'portal'] as const),
        customerId: d.site.customerId,
        contactId: null,
        siteId: d.site.siteId,
        productId: d.site.productId,
        reporterName: null,
        reporterPhone: null,
        reporterEmail: null,
        title: d.text[0],
        description: d.text[1],
        category: d.category,
        priority: d.priority,
        preferredFrom: d.window?.[0] ?? null,
        preferredTo: d.window?.[1] ?? null,
        duplicateOfId: null,
        assigneeId: null,
        teamId: demoTeam.id,
        attachments: [],
      },
      recorder,
      d.receivedAt,
    );
    // What the work needs: as dispatch.requirements says for the category, or the order's own (P4.1.2).
    const skill = d.requirement ?? (req.skill ? { skill: req.skill, level: req.level } : null);
    await db
      .updateTable('workOrders')
      .set({ requiredSkill: skill?.skill ?? null, requiredSkillLevel: skill?.level ?? null, serviceMinutes: req.serviceMinutes })
      .where('id', '=', id)
      .execute();
    made++;
  }
  return { teamId: demoTeam.id, day, orders: made, leave: onLeave ? 1 : 0, shifts: shifts.size };
}

/** The `count` working days before `day`, latest first (the company calendar: holidays, make-up days). */
async function workdaysBefore(db: Db, day: string, count: number): Promise<string[]> {
  const from = addDays(day, -4 * count - 14);
  const calendar = await loadBusinessCalendar(db, 'business', day, { from, to: day });
  const out: string[] = [];
  for (let d = addDays(day, -1); out.length < count && d >= from; d = addDays(d, -1)) if (isWorkingDay(d, calendar)) out.push(d);
  return out;
}

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The point `km` away from `from` on a bearing (radians from north), on a local flat approximation. */
function around(from: LatLng, km: number, bearing: number): LatLng {
  const kmPerDegLat = 111.195;
  const kmPerDegLng = kmPerDegLat * Math.cos((from.latitude * Math.PI) / 180);
  return { latitude: from.latitude + (km * Math.cos(bearing)) / kmPerDegLat, longitude: from.longitude + (km * Math.sin(bearing)) / kmPerDegLng };
}
