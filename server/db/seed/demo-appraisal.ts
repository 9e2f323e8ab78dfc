import { createHash, randomUUID } from 'node:crypto';
import type { Insertable, Kysely, Transaction } from 'kysely';
import { addDays, monthPeriod, type PeriodSpan } from '../../../core/appraisal/cycle.ts';
import { ineligibility } from '../../../core/dispatch/eligibility.ts';
import { haversineMeters, isWithinRadius } from '../../../core/geo.ts';
import { TECHNICIAN_POSITIONS } from '../../../core/people.ts';
import { normalizedAnswers } from '../../../core/questionnaire.ts';
import { dateInZone } from '../../../core/settings.ts';
import { isWorkingDay } from '../../../core/sla-clock.ts';
import { zonedDayStart } from '../../../core/time.ts';
import { type Category, formatOrderNumber, type Priority } from '../../../core/work-orders.ts';
import { openPeriod } from '../../modules/appraisal/periods.ts';
import { loadBusinessCalendar } from '../../modules/calendar/service.ts';
import { getSetting } from '../../modules/settings/service.ts';
import { workOrderSearchKeys } from '../../modules/work-orders/search-keys.ts';
import { type CalendarCache, type SlaPolicy, slaPolicyFor, storedDeadlines } from '../../modules/work-orders/sla.ts';
import type {
  AcceptancesTable,
  ArrivalExcusesTable,
  ConsultationMessagesTable,
  ConsultationParticipantsTable,
  ConsultationsTable,
  CustomerRatingsTable,
  DB,
  ExcuseReason,
  GrowthRecordsTable,
  ServiceReportsTable,
  SiteVisitsTable,
  SurveyInvitationsTable,
  WorkOrderCommentsTable,
  WorkOrderEventsTable,
  WorkOrdersTable,
} from '../schema.ts';
import { Random } from './random.ts';
import { signaturePng } from './signature-png.ts';

// A month of appraisal data (issue 6, P5.1) for the demo company: for the month before the
// reference date (company time zone), every technician of the demo team (the one the
// `supervisor` sign-in leads) gets 8-15 closed orders with arrivals against their SLA arrival
// deadlines (most on time, 1-3 late; one of `support`'s late arrivals excused by the
// supervisor with a reason and evidence, P5.1.2), customer ratings on most of them (P5.1.1), a
// reopened order or two (P5.1.3), growth records entered by HR (P5.1.4), a consultation a
// colleague joined and helped resolve and visits to colleagues' orders (P5.1.5); the other
// teams get a lighter month. Then the month's period is opened as the 1st-of-month job does
// (P5.2), so its results are computed and frozen from these records.
//
// The orders are inserted directly, as the lifecycle would have left them (the same states,
// marks, events, check-ins, acceptances, ratings, survey invitations and filed reports; the SLA
// deadlines come from the product's own policy and calendar; numbers come from the per-day
// counters, after any demo order already numbered that day), so a month of history costs a few
// batched inserts instead of thousands of service calls. Deterministic for a reference date
// (apart from row ids). Runs once: null when the month's data or period is already there.

const SEED = 0x41505052;
/** Orders per technician in the month, and late arrivals among them (P5.1.2). */
const DEMO_TEAM = { orders: [8, 15], late: [1, 3] } as const;
const OTHER_TEAMS = { orders: [3, 5], late: [0, 1] } as const;
const CHUNK = 250;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Company-local working hours the demo's visits fall in (minutes from midnight). */
const VISIT_HOURS: readonly [number, number] = [8 * 60 + 30, 17 * 60 + 30];

type Texts = { title: string; description: string; solution: string; resolution: string };
const TEXTS: Record<Category, readonly Texts[]> = {
  fault_repair: [
    { title: '机组频繁停机', description: '热泵机组运行十几分钟后停机，面板报高压保护，复位后反复出现。', solution: '检查冷凝风机与高压开关，清洗冷凝器。', resolution: '冷凝风机电容失效导致高压保护，已更换电容并清洗冷凝器，试运行两小时正常。' },
    { title: '变频器过流跳闸', description: '变频器启动时报 OC 过流故障，电机无法启动，产线停机。', solution: '检测电机绝缘与变频器输出模块。', resolution: '电机接线端子松动打火，已重新压接并紧固，变频器参数复核后运行正常。' },
    { title: '压缩机不启动', description: '机组上电后压缩机无动作，风机正常，客户车间温度上升。', solution: '检查启动电容与交流接触器。', resolution: '交流接触器触点烧蚀，已更换接触器，压缩机启动电流正常。' },
  ],
  installation: [
    { title: '新机安装', description: '新购机组已到货，需要上门就位、接管接线并完成开机前检查。', solution: '按安装规范就位、接管、接线并调试。', resolution: '机组已安装就位，管路保压合格，接线检查无误，试运行正常并完成客户培训。' },
    { title: '扩容设备安装', description: '客户车间扩建，新增一台冷水机组需要安装并接入现有管网。', solution: '现场确认管网接口后安装接入。', resolution: '新增机组已接入管网，水力平衡调整完毕，运行参数记录在案。' },
  ],
  commissioning: [
    { title: '系统联调', description: '新装机组需要与楼宇自控系统联调，核对点位并整定运行参数。', solution: '逐点核对通讯点位，整定控制参数。', resolution: '点位全部核对通过，控制参数已整定，远程监控数据正常。' },
  ],
  maintenance: [
    { title: '季度保养', description: '合同约定的季度保养：清洗过滤网、检查电气接线和制冷剂压力。', solution: '按保养清单逐项执行。', resolution: '保养清单全部完成，制冷剂压力正常，已清洗过滤网并紧固接线。' },
    { title: '换热器清洗', description: '冷凝器换热效果下降，按保养计划安排清洗并记录运行参数。', solution: '化学清洗冷凝器并复测参数。', resolution: '冷凝器已清洗，冷凝压力下降 0.3 MPa，运行参数恢复正常。' },
  ],
  consultation: [
    { title: '现场操作指导', description: '客户新员工需要现场讲解日常操作、定时设置和报警处理。', solution: '现场演示操作并讲解报警处理。', resolution: '已现场培训三名操作人员，定时与节能模式设置完成。' },
    { title: '节能运行咨询', description: '客户希望降低夜间能耗，咨询机组节能模式和定时策略。', solution: '根据负荷曲线给出节能设置建议。', resolution: '已按客户负荷调整节能模式与定时策略，并说明预计节能效果。' },
  ],
  complaint: [{ title: '维修后仍有异响', description: '客户反映上次维修后设备仍有间歇异响，要求上门复查。', solution: '上门复查异响来源。', resolution: '异响来自风机支架螺栓松动，已紧固并加装减振垫，客户确认无异响。' }],
  other: [{ title: '设备移位评估', description: '客户计划调整车间布局，需要评估设备移位的可行性和工作量。', solution: '现场勘察并出具移位方案。', resolution: '已完成现场勘察，移位方案与工作量清单已交客户确认。' }],
};
/** Preferred work by trade; each order's category must also be one the technician may take (P4.1.2). */
const TRADE: Record<(typeof TECHNICIAN_POSITIONS)[number], ReadonlyArray<readonly [Category, number]>> = {
  support_engineer: [['consultation', 4], ['maintenance', 3], ['complaint', 1], ['other', 1], ['commissioning', 1]],
  repair_engineer: [['fault_repair', 5], ['maintenance', 3], ['complaint', 1]],
  installation_engineer: [['installation', 4], ['commissioning', 3], ['maintenance', 1]],
};
const PRIORITIES: ReadonlyArray<readonly [Priority, number]> = [['urgent', 1], ['high', 3], ['normal', 5], ['low', 1]];
const EXCUSES: Record<'customer_reschedule' | 'customer_absent', string[]> = {
  customer_reschedule: ['客户设备管理员于原定到场前来电，要求改约至次日上午，通话记录已存档。', '客户因车间停产检修临时改约，改约短信截图已上传至工单备注。'],
  customer_absent: ['按约定时间到场，客户现场无人，联系人电话未接通，门卫登记记录可查。'],
};
const TRAININGS = ['变频器原理与维修实训', '制冷系统故障诊断专题培训', '安全用电与登高作业培训', '楼宇自控系统集成培训', '客户沟通与服务礼仪培训'];
const EXAMS = ['制冷设备维修中级考核', '电气故障排查技能考核', '产品知识季度考试', '安装工艺规范考试'];
const CERTIFICATES = ['制冷与空调设备运行操作证', '高处作业证', '厂商高级维修工程师认证'];

export type DemoAppraisalSummary = { month: string; periodId: string | null; orders: number; technicians: number; excused: number; reopened: number };

type Tech = {
  id: string;
  name: string;
  position: (typeof TECHNICIAN_POSITIONS)[number];
  teamId: string;
  userId: string | null;
  username: string | null;
  demo: boolean;
};
type Site = { siteId: string; customerId: string; latitude: number; longitude: number; productId: string | null; city: string };
type Actor = { userId: string | null; employeeId: string | null; label: string };
type Arrival = 'on_time' | 'late' | 'excused';

/** Seeds the previous month's appraisal records and opens its period; null when there is no demo team or it ran already. */
export async function seedDemoAppraisal(db: Kysely<DB>, options: { now?: Date } = {}): Promise<DemoAppraisalSummary | null> {
  const now = options.now ?? new Date();
  const zone = await getSetting(db, 'company.timeZone', dateInZone(now, 'UTC'));
  const today = dateInZone(now, zone);
  const span = monthPeriod(addDays(`${today.slice(0, 8)}01`, -1));
  if (await db.selectFrom('appraisalPeriods').select('id').where('kind', '=', 'monthly').where('startsOn', '=', span.startsOn).executeTakeFirst()) return null;
  const seeded = await db.transaction().execute((trx) => seedMonth(trx, span, zone, now));
  if (!seeded) return null;
  // As the job does on the 1st (P5.2): the month's period is claimed, computed and frozen.
  const opened = await openPeriod(db, span, { label: 'system', today });
  return { ...seeded, periodId: opened?.periodId ?? null };
}

async function seedMonth(trx: Transaction<DB>, span: PeriodSpan, zone: string, now: Date): Promise<Omit<DemoAppraisalSummary, 'periodId'> | null> {
  const marker = { action: 'seed', entityType: 'appraisal_month', entityId: span.label };
  const done = await trx
    .selectFrom('auditLog')
    .select('id')
    .where('action', '=', marker.action)
    .where('entityType', '=', marker.entityType)
    .where('entityId', '=', marker.entityId)
    .executeTakeFirst();
  if (done) return null;
  const users = await trx
    .selectFrom('users')
    .select(['id', 'username', 'displayName', 'employeeId'])
    .where('active', '=', true)
    .where('employeeId', 'is not', null)
    .execute();
  const byName = (n: string) => users.find((u) => u.username === n);
  const supervisor = byName('supervisor');
  const hr = byName('hr');
  const agent = byName('agent');
  if (!supervisor || !hr || !agent) return null;
  const teams = await trx.selectFrom('teams').select(['id', 'city', 'supervisorId']).orderBy('name').execute();
  const demoTeam = teams.find((t) => t.supervisorId === supervisor.employeeId);
  if (!demoTeam) return null;

  const rng = new Random(SEED);
  const monthEnd = zonedDayStart(span.endsOn, zone);
  // Everything in the month happened before the seed runs.
  const latest = Math.min(monthEnd.getTime() - HOUR, now.getTime() - HOUR);
  const employees = await trx
    .selectFrom('employees')
    .select(['id', 'name', 'position', 'teamId', 'hireDate'])
    .where('position', 'in', TECHNICIAN_POSITIONS)
    .where('status', '=', 'active')
    .where('teamId', 'is not', null)
    .where('hireDate', '<=', span.startsOn)
    .orderBy('employeeNo')
    .execute();
  const userOf = new Map(users.map((u) => [u.employeeId!, u]));
  const techs: Tech[] = employees.map((e) => ({
    id: e.id,
    name: e.name,
    position: e.position as Tech['position'],
    teamId: e.teamId!,
    userId: userOf.get(e.id)?.id ?? null,
    username: userOf.get(e.id)?.username ?? null,
    demo: e.teamId === demoTeam.id,
  }));
  const team = techs.filter((t) => t.demo);
  const support = team.find((t) => t.username === 'support');
  if (!support) return null;

  const ids = techs.map((t) => t.id);
  const [requirements, questionnaire, surveyDays, radius, skills, certificates, calendar] = await Promise.all([
    getSetting(trx, 'dispatch.requirements', span.startsOn),
    getSetting(trx, 'acceptance.questionnaire', span.startsOn),
    getSetting(trx, 'survey.linkValidDays', span.startsOn),
    getSetting(trx, 'visits.checkInRadiusMeters', span.startsOn),
    trx.selectFrom('employeeSkills').select(['employeeId', 'skill', 'level']).where('employeeId', 'in', ids).execute(),
    trx.selectFrom('employeeCertificates').select(['employeeId', 'name', 'expiresOn']).where('employeeId', 'in', ids).execute(),
    loadBusinessCalendar(trx, 'business', span.startsOn, { from: addDays(span.startsOn, -7), to: addDays(span.endsOn, 14) }),
  ]);
  const siteRows = await trx
    .selectFrom('customerSites as s')
    .innerJoin('customers as c', 'c.id', 's.customerId')
    .leftJoin('installedProducts as p', 'p.siteId', 's.id')
    .select(['s.id as siteId', 's.customerId', 's.latitude', 's.longitude', 's.city', 'p.id as productId'])
    .where('s.latitude', 'is not', null)
    .where('c.status', '=', 'active')
    .orderBy('c.customerNo')
    .orderBy('s.name')
    .orderBy('p.serialNumber')
    .execute();
  const sites: Site[] = [...new Map(siteRows.map((s) => [s.siteId, s])).values()].map((s) => ({
    siteId: s.siteId,
    customerId: s.customerId,
    latitude: Number(s.latitude),
    longitude: Number(s.longitude),
    productId: s.productId,
    city: s.city,
  }));
  if (!sites.length) return null;
  const contacts = await trx.selectFrom('customerContacts').select(['customerId', 'name', 'email']).orderBy('name').execute();
  const contactOf = (customerId: string) => contacts.find((c) => c.customerId === customerId);
  const faultCodes = (await trx.selectFrom('faultCodes').select(['code', 'category']).where('active', '=', true).orderBy('code').execute());
  const signature = Buffer.from(signaturePng().split(',')[1]!, 'base64');
  const signatureSha256 = createHash('sha256').update(signature).digest('hex');

  const workdays: string[] = [];
  for (let d = span.startsOn; d < span.endsOn; d = addDays(d, 1)) if (isWorkingDay(d, calendar)) workdays.push(d);
  if (workdays.length < 5) return null;
  // Day starts are asked for thousands of times; each costs two Intl formatters, so they are kept.
  const dayStarts = new Map<string, number>();
  const dayStart = (day: string) => {
    const known = dayStarts.get(day);
    if (known !== undefined) return known;
    const t = zonedDayStart(day, zone).getTime();
    dayStarts.set(day, t);
    return t;
  };
  const local = (day: string, minutes: number) => new Date(dayStart(day) + minutes * MINUTE);
  const localMinutes = (t: number) => (t - dayStart(dateInZone(new Date(t), zone))) / MINUTE;
  /** An instant in [lo, hi] during working hours of a working day, when there is one (drawn, not searched). */
  const duringWork = (lo: number, hi: number) => {
    for (let i = 0; i < 40; i++) {
      const t = lo + Math.floor(rng.next() * Math.max(0, hi - lo));
      const m = localMinutes(t);
      if (m >= VISIT_HOURS[0] && m <= VISIT_HOURS[1] && isWorkingDay(dateInZone(new Date(t), zone), calendar)) return t;
    }
    return lo;
  };
  const minutes = (a: number, b: number) => rng.int(a, b) * MINUTE;

  // The SLA policy and calendar an order's deadlines come from are those in force on the day it
  // was received (intake.ts). When none of the settings they read changes during the month (the
  // usual case), the month's first day answers for every day, read once instead of per order.
  const slaKeys = ['sla.targets', 'sla.warnAtPercent', 'sla.workingHours', 'company.timeZone'];
  const changed = await trx
    .selectFrom('settings')
    .select('key')
    .where('key', 'in', slaKeys)
    .where('effectiveFrom', '>', span.startsOn)
    .where('effectiveFrom', '<', span.endsOn)
    .executeTakeFirst();
  const steady = changed === undefined;
  const slaCache: CalendarCache = new Map();
  if (steady) {
    const business = loadBusinessCalendar(trx, 'business', span.startsOn, { from: addDays(span.startsOn, -30), to: addDays(span.endsOn, 400) });
    for (let d = span.startsOn; d < span.endsOn; d = addDays(d, 1)) {
      slaCache.set(`business:${d}`, business);
      slaCache.set(`24x7:${d}`, Promise.resolve({ kind: '24x7' as const }));
    }
  }
  const policies = new Map<string, SlaPolicy>();
  const policyFor = async (priority: Priority, day: string) => {
    const key = steady ? priority : `${priority}:${day}`;
    if (!policies.has(key)) policies.set(key, await slaPolicyFor(trx, priority, steady ? span.startsOn : day));
    return { ...policies.get(key)!, asOf: day };
  };
  const mayTake = (t: Tech, category: Category) => {
    const need = requirements[category];
    if (!need) return true;
    const facts = {
      id: t.id,
      name: t.name,
      teamId: null,
      skills: skills.filter((s) => s.employeeId === t.id),
      certificates: certificates.filter((c) => c.employeeId === t.id),
      shift: { start: now, end: now },
      leave: [],
      start: null,
      end: null,
    };
    return ineligibility(facts, { skill: need.skill, level: need.level, certificates: need.certificates, teamId: null }, span.startsOn).length === 0;
  };

  const rows = {
    orders: [] as Insertable<WorkOrdersTable>[],
    events: [] as Insertable<WorkOrderEventsTable>[],
    visits: [] as Insertable<SiteVisitsTable>[],
    acceptances: [] as Insertable<AcceptancesTable>[],
    ratings: [] as Insertable<CustomerRatingsTable>[],
    invitations: [] as Insertable<SurveyInvitationsTable>[],
    reports: [] as Insertable<ServiceReportsTable>[],
    excuses: [] as Insertable<ArrivalExcusesTable>[],
    growth: [] as Insertable<GrowthRecordsTable>[],
    consultations: [] as Insertable<ConsultationsTable>[],
    participants: [] as Insertable<ConsultationParticipantsTable>[],
    messages: [] as Insertable<ConsultationMessagesTable>[],
    comments: [] as Insertable<WorkOrderCommentsTable>[],
  };
  const agentActor: Actor = { userId: agent.id, employeeId: agent.employeeId, label: agent.displayName };
  const actorOf = (t: Tech): Actor => ({ userId: t.userId, employeeId: t.id, label: t.name });
  const event = (orderId: string, at: number, by: Actor, action: string, from: string | null, to: string | null, data: Record<string, unknown> = {}, fix?: { latitude: number; longitude: number }) =>
    rows.events.push({
      workOrderId: orderId,
      at: new Date(at),
      actorUserId: by.userId,
      actorEmployeeId: by.employeeId,
      actorLabel: by.label,
      action,
      fromState: from,
      toState: to,
      data: JSON.stringify(data),
      latitude: fix?.latitude.toFixed(6) ?? null,
      longitude: fix?.longitude.toFixed(6) ?? null,
    });

  type Made = { id: string; tech: Tech; site: Site; arrival: Arrival | null; arrivedAt: number | null; reopened: boolean; diagnosisAt: number; proposeAt: number; category: Category };
  const made: Made[] = [];
  const counters = new Map<string, number>();

  /** One order from receipt to close, as the lifecycle would have recorded it. */
  const order = async (t: Tech, o: { arrival: Arrival | null; reopen: boolean; excuse?: keyof typeof EXCUSES }) => {
    const tech = actorOf(t);
    const choices = TRADE[t.position].filter(([c]) => mayTake(t, c));
    const category = choices.length ? rng.weighted(choices) : 'maintenance';
    const text = rng.pick(TEXTS[category]);
    const cityName = teams.find((x) => x.id === t.teamId)?.city;
    const citySites = sites.filter((s) => s.city === cityName);
    const site = rng.pick(citySites.length ? citySites : sites);
    // Receipt on a working day early enough for the work (and a reopen) to end inside the month.
    let plan: ReturnType<typeof timeline> | null = null;
    let priority: Priority = 'normal';
    let sla: SlaPolicy | null = null;
    let deadlines: Awaited<ReturnType<typeof storedDeadlines>> | null = null;
    for (let attempt = 0; attempt < 12 && !plan; attempt++) {
      const last = Math.max(1, Math.floor(workdays.length * (attempt < 6 ? 0.8 : 0.5)) - (o.reopen ? 6 : 0));
      const day = workdays[rng.int(0, Math.max(0, last - 1))]!;
      const receivedAt = local(day, rng.int(8 * 60 + 30, 16 * 60 + 30)).getTime();
      priority = attempt < 10 ? rng.weighted(PRIORITIES) : 'urgent';
      sla = await policyFor(priority, day);
      const times = { receivedAt: new Date(receivedAt), respondedAt: null, arrivedAt: null, resolvedAt: null, state: 'new', visitScheduledAt: null, sla };
      deadlines = await storedDeadlines(trx, times, [], new Date(receivedAt), slaCache);
      const p = timeline(receivedAt, deadlines, o.arrival, requirements[category]?.serviceMinutes ?? 60, o.reopen);
      // The arrival must be what was drawn: on time up to the deadline, late after it (P5.1.2).
      const dueAt = deadlines.arrivalDueAt?.getTime() ?? Number.POSITIVE_INFINITY;
      const kept = o.arrival === null || (o.arrival === 'on_time' ? p.arrivedAt! <= dueAt : p.arrivedAt! > dueAt);
      if (p.end <= latest && kept) plan = p;
    }
    if (!plan || !sla || !deadlines) return;
    const id = randomUUID();
    const day = dateInZone(new Date(plan.receivedAt), zone);
    const number = formatOrderNumber(day, (counters.get(day) ?? 0) + 1); // renumbered from the counters below
    counters.set(day, (counters.get(day) ?? 0) + 1);
    const need = requirements[category];
    const contact = contactOf(site.customerId);
    const visitFix = { latitude: site.latitude + 0.0002, longitude: site.longitude - 0.0001 };
    const distance = Math.round(haversineMeters(visitFix, site));
    const final = plan.passes.at(-1)!;
    rows.orders.push({
      id,
      number,
      channel: rng.pick(['phone', 'phone', 'phone', 'email', 'portal'] as const),
      customerId: site.customerId,
      contactId: null,
      siteId: site.siteId,
      productId: site.productId,
      reporterName: contact?.name ?? null,
      reporterPhone: null,
      reporterEmail: null,
      title: text.title,
      description: text.description,
      category,
      priority,
      preferredFrom: null,
      preferredTo: null,
      state: 'closed',
      teamId: t.teamId,
      assigneeId: t.id,
      receivedAt: new Date(plan.receivedAt),
      respondedAt: new Date(plan.passes[0]!.contact),
      // A reopen clears the marks of the first pass (transitions.ts): only the last pass's remain.
      arrivedAt: final.arrive === null ? null : new Date(final.arrive),
      resolvedAt: new Date(final.resolved),
      closedAt: new Date(final.close),
      visitScheduledAt: final.schedule === null ? null : new Date(final.visitAt!),
      expectedArrivalAt: final.depart === null ? null : new Date(final.expectedAt!),
      solution: text.solution,
      resolution: text.resolution,
      reopenCount: plan.passes.length - 1,
      sla: JSON.stringify(sla),
      ...deadlines,
      createdBy: agent.id,
      ...(need ? { requiredSkill: need.skill, requiredSkillLevel: need.level, serviceMinutes: need.serviceMinutes } : {}),
      ...workOrderSearchKeys({ number, title: text.title, description: text.description }),
      version: 1, // set below: one per step taken
      createdAt: new Date(plan.receivedAt),
      updatedAt: new Date(final.close),
    });
    const firstEvent = rows.events.length;
    event(id, plan.receivedAt, agentActor, 'receive', null, 'new', { channel: rows.orders.at(-1)!.channel, duplicateOfId: null });
    event(id, plan.assign, agentActor, 'assign', 'new', 'assigned', { assigneeId: t.id, assigneeName: t.name });
    const reportId = randomUUID();
    for (const [k, pass] of plan.passes.entries()) {
      if (k > 0) {
        event(id, pass.reopen!, agentActor, 'reopen', 'closed', 'assigned', { reason: '客户来电反映同一故障再次出现，要求重新处理。' });
      }
      event(id, pass.accept, tech, 'accept', 'assigned', 'accepted');
      event(id, pass.contact, tech, 'contact_customer', 'accepted', 'contacted');
      event(id, pass.diagnose, tech, 'start_diagnosis', 'contacted', 'diagnosing');
      const solution = k === 0 ? text.solution : '远程指导客户复位控制器并调整保护参数，观察运行。';
      event(id, pass.propose, tech, 'propose_solution', 'diagnosing', 'solution_proposed', { solution });
      let doneFrom = 'solution_proposed';
      if (pass.arrive !== null) {
        event(id, pass.schedule!, tech, 'schedule_visit', 'solution_proposed', 'visit_scheduled', { visitAt: new Date(pass.visitAt!).toISOString() });
        event(id, pass.depart!, tech, 'depart', 'visit_scheduled', 'en_route', { expectedArrivalAt: new Date(pass.expectedAt!).toISOString() });
        event(id, pass.arrive, tech, 'arrive', 'en_route', 'on_site', { distanceMeters: distance, withinRadius: isWithinRadius(distance, radius) }, visitFix);
        rows.visits.push({
          workOrderId: id,
          employeeId: t.id,
          departedAt: new Date(pass.depart!),
          checkInAt: new Date(pass.arrive),
          checkInLatitude: visitFix.latitude.toFixed(6),
          checkInLongitude: visitFix.longitude.toFixed(6),
          checkInAccuracyM: 15,
          checkInDistanceM: distance,
          checkOutAt: new Date(pass.resolved - 2 * MINUTE),
          checkOutLatitude: visitFix.latitude.toFixed(6),
          checkOutLongitude: visitFix.longitude.toFixed(6),
          checkOutAccuracyM: 15,
          checkOutDistanceM: distance,
        });
        event(id, pass.resolved, tech, 'complete_work', 'on_site', 'work_done', { resolution: text.resolution });
        doneFrom = 'work_done';
      } else {
        event(id, pass.resolved, tech, 'resolve_remotely', 'solution_proposed', 'resolved_remotely', { resolution: k === 0 ? text.resolution : '客户按指导复位后运行正常，保护参数已调整。' });
        doneFrom = 'resolved_remotely';
      }
      // P4.4.1, P5.1.1: most customers rate on the technician's phone; some by the survey later; a few never.
      const acceptanceId = randomUUID();
      const how = rng.weighted([['on_site', 7], ['survey', 2], ['none', 1]] as const);
      const late = k === 0 && (o.arrival === 'late' || o.arrival === 'excused');
      const score = () => (late ? rng.weighted([[3, 2], [4, 3], [5, 1]] as const) : rng.weighted([[3, 1], [4, 4], [5, 6]] as const));
      const rating = how === 'on_site' || (how === 'survey' && pass.accepted + 3 * 24 * HOUR < latest) ? score() : null;
      const answers = rating === null ? null : normalizedAnswers(questionnaire, { punctuality: late ? rng.int(2, 3) : rng.int(4, 5), quality: Math.max(rating, rng.int(3, 5)), attitude: rng.int(4, 5) });
      const onSiteRating = how === 'on_site' && rating !== null;
      rows.acceptances.push({
        id: acceptanceId,
        workOrderId: id,
        outcome: 'accepted',
        channel: 'on_site',
        signerName: contact?.name ?? '设备主管',
        signaturePng: signature,
        signatureSha256,
        comment: null,
        recordedBy: t.userId,
        recordedByLabel: t.name,
        at: new Date(pass.accepted),
      });
      event(id, pass.accepted, tech, 'customer_accept', doneFrom, 'customer_accepted', {
        signerName: contact?.name ?? '设备主管',
        ...(onSiteRating ? { rating, answers } : {}),
        acceptanceId,
        channel: 'on_site',
        surveyInvited: !onSiteRating,
      });
      const rated = onSiteRating ? pass.accepted : how === 'survey' && rating !== null ? pass.accepted + rng.int(4, 60) * HOUR : null;
      if (!onSiteRating) {
        rows.invitations.push({ workOrderId: id, email: contact?.email ?? '', expiresAt: new Date(pass.accepted + surveyDays * 24 * HOUR), usedAt: rated === null ? null : new Date(rated), createdAt: new Date(pass.accepted) });
      }
      if (rating !== null && rated !== null) {
        rows.ratings.push({
          workOrderId: id,
          technicianId: t.id,
          source: onSiteRating ? 'on_site' : 'survey',
          rating,
          answers: JSON.stringify(answers),
          questionnaire: JSON.stringify(questionnaire),
          comment: rating === 5 && rng.chance(0.3) ? '工程师很专业，处理及时。' : null,
          ratedAt: new Date(rated),
        });
      }
      event(id, pass.close, tech, 'close', 'customer_accepted', 'closed');
      if (k === plan.passes.length - 1) {
        const installing = category === 'installation' || category === 'commissioning';
        const codes = faultCodes.filter((f) => (installing ? f.category === 'installation' : f.category !== 'installation'));
        rows.reports.push({
          id: reportId,
          workOrderId: id,
          kind: installing ? 'installation' : 'repair',
          faultCode: codes.length ? rng.pick(codes).code : null,
          faultCause: installing ? '新机安装，无故障。' : text.description,
          solution: text.resolution,
          travelMinutes: plan.passes[0]!.depart !== null ? Math.round((plan.passes[0]!.arrive! - plan.passes[0]!.depart!) / MINUTE) : null,
          onSiteMinutes: plan.passes[0]!.arrive !== null ? Math.round((plan.passes[0]!.resolved - plan.passes[0]!.arrive!) / MINUTE) : null,
          ...(installing ? { trainingTopics: '开关机、定时与节能模式设置、日常清洁与安全注意事项', trainingAttendees: '设备管理员 2 人', trainingMinutes: 40 } : {}),
          status: 'filed',
          filedAt: new Date(pass.close - 5 * MINUTE),
          filedByLabel: t.name,
          pdfAttachmentId: null,
          pdfLocale: null,
          createdBy: t.userId,
          version: plan.passes.length * 2,
          createdAt: new Date(plan.passes[0]!.resolved),
          updatedAt: new Date(pass.close - 5 * MINUTE),
        });
      }
    }
    rows.orders.at(-1)!.version = rows.events.length - firstEvent;
    if (o.arrival === 'excused' && o.excuse) {
      // P5.1.2: the supervisor records why the late arrival is not the technician's doing, with evidence.
      rows.excuses.push({
        workOrderId: id,
        reason: o.excuse satisfies ExcuseReason,
        evidence: rng.pick(EXCUSES[o.excuse]),
        recordedBy: supervisor.id,
        recordedByLabel: supervisor.displayName,
        recordedAt: new Date(plan.passes[0]!.close + rng.int(30, 240) * MINUTE),
      });
    }
    made.push({
      id,
      tech: t,
      site,
      arrival: o.arrival,
      arrivedAt: final.arrive,
      reopened: plan.passes.length > 1,
      diagnosisAt: plan.passes[0]!.diagnose,
      proposeAt: plan.passes[0]!.propose,
      category,
    });
  };

  /**
   * The instants of an order's steps: assignment and response within minutes, a visit on time
   * (before the SLA arrival deadline) or late (after it), the work, acceptance and close; with a
   * reopen, a second pass a few days later resolved remotely.
   */
  function timeline(receivedAt: number, due: { arrivalDueAt: Date | null }, arrival: Arrival | null, serviceMinutes: number, reopen: boolean) {
    const assign = receivedAt + minutes(3, 15);
    type Pass = {
      reopen: number | null;
      accept: number;
      contact: number;
      diagnose: number;
      propose: number;
      schedule: number | null;
      visitAt: number | null;
      depart: number | null;
      expectedAt: number | null;
      arrive: number | null;
      resolved: number;
      accepted: number;
      close: number;
    };
    const pass = (start: number, reopenAt: number | null, visit: Arrival | null): Pass => {
      const accept = start + minutes(2, 12);
      const contact = accept + minutes(3, 15);
      const diagnose = contact + minutes(5, 20);
      const propose = diagnose + minutes(10, 40);
      if (visit === null) {
        const resolved = propose + minutes(20, 90);
        const accepted = resolved + minutes(10, 60);
        return { reopen: reopenAt, accept, contact, diagnose, propose, schedule: null, visitAt: null, depart: null, expectedAt: null, arrive: null, resolved, accepted, close: accepted + minutes(10, 90) };
      }
      const schedule = propose + minutes(2, 10);
      const deadline = due.arrivalDueAt?.getTime() ?? schedule + 24 * HOUR;
      const earliest = schedule + 50 * MINUTE;
      const arrive =
        visit === 'on_time'
          ? Math.min(duringWork(earliest, Math.max(earliest, deadline - 10 * MINUTE)), Math.max(earliest, deadline - 5 * MINUTE))
          : Math.max(earliest, duringWork(deadline + 20 * MINUTE, deadline + 20 * HOUR));
      const depart = arrive - minutes(20, 45);
      const visitAt = Math.floor(arrive / (30 * MINUTE)) * 30 * MINUTE;
      const expectedAt = arrive + minutes(-10, 10);
      const resolved = arrive + Math.round(serviceMinutes * (0.7 + rng.next() * 0.8)) * MINUTE;
      const accepted = resolved + minutes(2, 10);
      return { reopen: reopenAt, accept, contact, diagnose, propose, schedule, visitAt, depart, expectedAt, arrive, resolved, accepted, close: accepted + minutes(15, 90) };
    };
    const passes = [pass(assign, null, arrival)];
    if (reopen) {
      const back = duringWork(passes[0]!.close + 2 * 24 * HOUR, passes[0]!.close + 6 * 24 * HOUR);
      passes.push(pass(back, back, null));
    }
    return { receivedAt, assign, passes, arrivedAt: passes[0]!.arrive, end: passes.at(-1)!.close + 4 * HOUR };
  }

  // The month per technician: the demo team in full, the others lighter.
  const reopenTechs = new Set(rng.sample(team.filter((t) => t !== support && t.position !== 'support_engineer'), 2).map((t) => t.id));
  const absentTech = rng.pick(team.filter((t) => t !== support));
  for (const t of techs) {
    const shape = t.demo ? DEMO_TEAM : OTHER_TEAMS;
    const count = rng.int(shape.orders[0], shape.orders[1]);
    // Support engineers resolve some of their orders remotely: those have no arrival to be on time for.
    const remote = t.position === 'support_engineer' ? Math.floor(count * 0.25) : 0;
    const arrivals: (Arrival | null)[] = Array(count).fill('on_time');
    for (let i = 0; i < remote; i++) arrivals[i] = null;
    const late = rng.int(shape.late[0], shape.late[1]);
    for (let i = 0; i < late; i++) arrivals[remote + i] = 'late';
    const excuses: (keyof typeof EXCUSES | undefined)[] = Array(count).fill(undefined);
    if (t === support) {
      // At least one late arrival excused and one not (the browser test opens them, P5.1.2).
      arrivals[remote] = 'excused';
      excuses[remote] = 'customer_reschedule';
      arrivals[remote + 1] = 'late';
    } else if (t === absentTech && late > 0) {
      arrivals[remote] = 'excused';
      excuses[remote] = 'customer_absent';
    }
    const shuffled = rng.shuffle(arrivals.map((a, i) => ({ arrival: a, excuse: excuses[i] })));
    const reopenAt = reopenTechs.has(t.id) ? shuffled.findIndex((x) => x.arrival === 'on_time') : -1;
    for (const [i, x] of shuffled.entries()) await order(t, { arrival: x.arrival, excuse: x.excuse, reopen: i === reopenAt });
  }

  // P5.1.5: a consultation on one of `repair`'s orders (else a colleague's), which `support`
  // joined and helped resolve; a second colleague joined without posting.
  const byUser = (u: string) => team.find((t) => t.username === u);
  const owner = byUser('repair') ?? team.find((t) => t !== support);
  const consulted = owner && made.find((m) => m.tech === owner && m.arrival !== null && !m.reopened);
  if (owner && consulted) {
    const consultationId = randomUUID();
    // Inside the diagnosis: opened, joined, discussed and agreed before the solution was proposed.
    const during = consulted.proposeAt - consulted.diagnosisAt;
    const at = (share: number) => consulted.diagnosisAt + Math.round(during * share);
    const opened = at(0.1);
    const agreedAt = at(0.9);
    const third = team.find((t) => t !== owner && t !== support && t.position === owner.position);
    const topic = `${TEXTS[consulted.category][0]!.title}：请协助判断故障原因`;
    const solution = rows.orders.find((o) => o.id === consulted.id)!.solution!;
    rows.consultations.push({ id: consultationId, workOrderId: consulted.id, topic, status: 'agreed', openedBy: owner.id, agreedSolution: solution, agreedAt: new Date(agreedAt), agreedBy: owner.id, version: 2, createdAt: new Date(opened) });
    rows.participants.push(
      { consultationId, employeeId: owner.id, role: 'owner', invitedBy: null, invitedAt: new Date(opened), joinedAt: new Date(opened), contributed: true },
      { consultationId, employeeId: support.id, role: 'invited', invitedBy: owner.id, invitedAt: new Date(opened), joinedAt: new Date(at(0.25)), contributed: true },
      ...(third ? [{ consultationId, employeeId: third.id, role: 'invited' as const, invitedBy: owner.id, invitedAt: new Date(opened), joinedAt: new Date(at(0.5)), contributed: false }] : []),
    );
    const question = randomUUID();
    rows.messages.push(
      { id: question, consultationId, parentId: null, authorId: owner.id, body: '客户描述的现象和报警记录已上传，大家看看可能是哪里的问题？', mentions: [support.id], createdAt: new Date(at(0.15)) },
      { id: randomUUID(), consultationId, parentId: question, authorId: support.id, body: '远程调取运行数据看，故障前电流有明显波动，建议先查启动元件和接线端子。', mentions: [], createdAt: new Date(at(0.35)) },
    );
    const ownerActor = actorOf(owner);
    event(consulted.id, opened, ownerActor, 'consultation_open', null, null, { consultationId, topic, invitees: [support, ...(third ? [third] : [])].map((t) => ({ id: t.id, name: t.name })) });
    event(consulted.id, agreedAt, ownerActor, 'consultation_agreed', null, null, { consultationId, topic, solution });
  }

  // P5.1.5: colleagues who came along to help on someone else's visit (a second pair of hands).
  const helpers = [
    [byUser('install'), owner],
    ...rng.sample(team, 4).map((t, i, all) => [t, all[(i + 1) % all.length]] as const),
  ].slice(0, 3);
  for (const [helper, of] of helpers) {
    const m = helper && of && helper !== of ? made.find((x) => x.tech === of && x.arrivedAt !== null && !rows.visits.some((v) => v.workOrderId === x.id && v.employeeId !== of.id)) : undefined;
    if (!helper || !m || m.arrivedAt === null) continue;
    const visit = rows.visits.find((v) => v.workOrderId === m.id && v.employeeId === of!.id && (v.checkInAt as Date).getTime() === m.arrivedAt)!;
    const fix = { latitude: m.site.latitude - 0.0001, longitude: m.site.longitude + 0.0002 };
    const d = Math.round(haversineMeters(fix, m.site));
    rows.visits.push({
      workOrderId: m.id,
      employeeId: helper.id,
      departedAt: visit.departedAt,
      checkInAt: new Date(m.arrivedAt + minutes(3, 12)),
      checkInLatitude: fix.latitude.toFixed(6),
      checkInLongitude: fix.longitude.toFixed(6),
      checkInAccuracyM: 20,
      checkInDistanceM: d,
      checkOutAt: visit.checkOutAt,
      checkOutLatitude: fix.latitude.toFixed(6),
      checkOutLongitude: fix.longitude.toFixed(6),
      checkOutAccuracyM: 20,
      checkOutDistanceM: d,
    });
    rows.comments.push({
      workOrderId: m.id,
      kind: 'note',
      visibility: 'internal',
      parentId: null,
      authorUserId: helper.userId,
      authorLabel: helper.name,
      body: `到场协助${of!.name}：设备搬运与带电测量需要两人配合。`,
      createdAt: new Date(m.arrivedAt + 15 * MINUTE),
    });
  }

  // P5.1.4: what HR recorded for the month: a training for everyone in the demo team, an exam
  // passed for most, a certificate or an accepted improvement proposal for a few; the other
  // teams' training for about half of them.
  const day = (k: number) => workdays[Math.min(workdays.length - 1, k)]!;
  const recorder = { recordedBy: hr.id, recordedByLabel: hr.displayName };
  for (const t of techs) {
    if (!t.demo && !rng.chance(0.5)) continue;
    const training = rng.pick(TRAININGS);
    rows.growth.push({ employeeId: t.id, kind: 'training', occurredOn: day(rng.int(2, workdays.length - 3)), title: training, hours: String(rng.pick([4, 6, 8, 12, 16])), note: '公司内训，签到记录在人事部。', ...recorder });
    if (!t.demo) continue;
    if (t === support || rng.chance(0.75)) {
      const score = rng.int(72, 98);
      rows.growth.push({ employeeId: t.id, kind: 'exam', occurredOn: day(rng.int(5, workdays.length - 2)), title: rng.pick(EXAMS), score, passed: true, ...recorder });
    }
    if (rng.chance(0.25)) rows.growth.push({ employeeId: t.id, kind: 'certificate', occurredOn: day(rng.int(3, workdays.length - 2)), title: rng.pick(CERTIFICATES), note: '证书复印件已归档。', ...recorder });
    if (rng.chance(0.15)) {
      rows.growth.push({ employeeId: t.id, kind: 'innovation', occurredOn: day(rng.int(3, workdays.length - 2)), title: '现场快速检漏工装改进建议', accepted: true, note: '技术部评审采纳。', ...recorder });
    }
  }

  // Numbers from the per-day counters (P4.1.2), after any demo order already numbered that day:
  // each day's block is reserved in one statement, then handed out in order of receipt.
  if (counters.size) {
    const reserved = await trx
      .insertInto('workOrderCounters')
      .values([...counters].map(([d, n]) => ({ day: d, last: n })))
      .onConflict((oc) => oc.column('day').doUpdateSet((eb) => ({ last: eb('workOrderCounters.last', '+', eb.ref('excluded.last')) })))
      .returning(['day', 'last'])
      .execute();
    const next = new Map(reserved.map((r) => [r.day, r.last - counters.get(r.day)! + 1]));
    for (const o of [...rows.orders].sort((a, b) => (a.receivedAt as Date).getTime() - (b.receivedAt as Date).getTime())) {
      const d = dateInZone(o.receivedAt as Date, zone);
      const seq = next.get(d)!;
      next.set(d, seq + 1);
      o.number = formatOrderNumber(d, seq);
      Object.assign(o, workOrderSearchKeys({ number: o.number, title: o.title, description: o.description }));
    }
  }

  const insert = async <T extends keyof DB>(table: T, values: Insertable<DB[T]>[]) => {
    for (let i = 0; i < values.length; i += CHUNK) await trx.insertInto(table).values(values.slice(i, i + CHUNK) as never).execute();
  };
  await insert('workOrders', rows.orders);
  await insert('workOrderEvents', rows.events.sort((a, b) => (a.at as Date).getTime() - (b.at as Date).getTime()));
  await insert('siteVisits', rows.visits);
  await insert('acceptances', rows.acceptances);
  await insert('customerRatings', rows.ratings);
  await insert('surveyInvitations', rows.invitations);
  await insert('serviceReports', rows.reports);
  await insert('arrivalExcuses', rows.excuses);
  await insert('growthRecords', rows.growth);
  await insert('consultations', rows.consultations);
  await insert('consultationParticipants', rows.participants);
  await insert('consultationMessages', rows.messages);
  await insert('workOrderComments', rows.comments);
  const summary = {
    month: span.label,
    orders: rows.orders.length,
    technicians: techs.length,
    excused: rows.excuses.length,
    reopened: made.filter((m) => m.reopened).length,
  };
  await trx
    .insertInto('auditLog')
    .values({ actorUserId: null, actorLabel: 'system', ...marker, before: null, after: JSON.stringify(summary), requestId: null })
    .execute();
  return summary;
}
