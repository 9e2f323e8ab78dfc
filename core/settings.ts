import { z } from 'zod';
import { isValidCurve, weightsProblem } from './appraisal/scoring.ts';

// Dated policy settings: every number the policy names lives here with the date it takes
// effect, never as a constant in code. Each definition says what its value may be.

/** How the settings screen edits a value; 'json' is a structured value (an object) edited as JSON. */
export const SETTING_KINDS = ['timeZone', 'integer', 'percent', 'text', 'json'] as const;
export type SettingKind = (typeof SETTING_KINDS)[number];
type Text = { 'zh-CN': string; en: string };

export type SettingDefinition<T = unknown> = {
  key: string;
  kind: SettingKind;
  label: Text;
  description: Text;
  /** Policy clause this setting serves, when there is one. */
  clause?: string;
  schema: z.ZodType<T>;
  defaultValue: T;
};

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A wall-clock time of day, 'HH:MM' (00:00-23:59, or 24:00 for the end of the day). */
const timeOfDay = z.string().refine((v) => /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/.test(v), { params: { messageKey: 'field.invalid_format' } });
/** A number of minutes an SLA clock allows: a positive whole number, at most a year. */
const slaMinutes = z.number().int().min(1).max(525_600);

const slaTarget = z
  .object({
    responseMinutes: slaMinutes,
    arrivalMinutes: slaMinutes,
    resolutionMinutes: slaMinutes,
    /** 'business': working hours of working days; '24x7': round the clock. */
    calendar: z.enum(['business', '24x7']),
  })
  .strict()
  .refine((t) => t.responseMinutes <= t.arrivalMinutes && t.arrivalMinutes <= t.resolutionMinutes, {
    params: { messageKey: 'field.invalid' },
  });
export type SlaTarget = z.infer<typeof slaTarget>;

const slaTargets = z.object({ urgent: slaTarget, high: slaTarget, normal: slaTarget, low: slaTarget }).strict();
export type SlaTargets = z.infer<typeof slaTargets>;

const workingHours = z
  .object({
    /** ISO weekdays, 1 = Monday .. 7 = Sunday. */
    weekdays: z
      .array(z.number().int().min(1).max(7))
      .min(1)
      .max(7)
      .refine((days) => new Set(days).size === days.length, { params: { messageKey: 'field.invalid' } }),
    start: timeOfDay,
    end: timeOfDay,
  })
  .strict()
  .refine((h) => h.start < h.end, { params: { messageKey: 'field.invalid' } });
export type WorkingHours = z.infer<typeof workingHours>;

const label = z.object({ 'zh-CN': z.string().trim().min(1).max(200), en: z.string().trim().min(1).max(200) }).strict();
const uniqueKeys = (items: { key: string }[]) => new Set(items.map((i) => i.key)).size === items.length;
const settingKey = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);

/** The customer questionnaire (P5.1.1): an overall 1-5 rating plus these questions, each rated 1-5. */
const questionnaire = z
  .object({
    questions: z
      .array(z.object({ key: settingKey, label, required: z.boolean() }).strict())
      .max(20)
      .refine(uniqueKeys, { params: { messageKey: 'field.duplicate' } }),
  })
  .strict();
export type Questionnaire = z.infer<typeof questionnaire>;

/** A maintained list of codes with labels in both languages (defect categories). */
const labelledCodes = z
  .array(z.object({ key: settingKey, label }).strict())
  .min(1)
  .max(100)
  .refine(uniqueKeys, { params: { messageKey: 'field.duplicate' } });

/** What each order category needs by default: a skill at a level, certificates, and a duration. */
const dispatchRequirement = z
  .object({
    skill: z.string().trim().min(1).max(100).nullable(),
    level: z.number().int().min(1).max(5),
    /** Certificate names (as on the employee's record) that must be held and unexpired. */
    certificates: z.array(z.string().trim().min(1).max(200)).max(10),
    serviceMinutes: z.number().int().min(5).max(1440),
  })
  .strict();
export type DispatchRequirement = z.infer<typeof dispatchRequirement>;
const dispatchRequirements = z.record(z.string().regex(/^[a-z_]{1,40}$/), dispatchRequirement);

export const DISPATCH_MODES = ['suggest', 'assign', 'pool'] as const;
export type DispatchMode = (typeof DISPATCH_MODES)[number];
const dispatchModes = z
  .object({ default: z.enum(DISPATCH_MODES), teams: z.record(z.uuid(), z.enum(DISPATCH_MODES)) })
  .strict();

/** Road travel estimate: straight-line distance times a road factor, at an average speed. */
const travelProfile = z.object({ roadFactor: z.number().min(1).max(5), speedKmh: z.number().min(1).max(200) }).strict();
export type TravelProfile = z.infer<typeof travelProfile>;
const dispatchTravel = z
  .object({
    default: travelProfile,
    /** By team region (teams.region). */
    regions: z.record(z.string().min(1).max(100), travelProfile),
    /** 'haversine' needs nothing; 'osrm' and 'valhalla' call the company's own routing server at url. */
    provider: z.enum(['haversine', 'osrm', 'valhalla']),
    url: z.string().trim().max(500).nullable(),
  })
  .strict()
  .refine((t) => t.provider === 'haversine' || (t.url !== null && /^https?:\/\//.test(t.url)), {
    params: { messageKey: 'field.invalid' },
    path: ['url'],
  });
export type DispatchTravel = z.infer<typeof dispatchTravel>;

const dispatchObjective = z
  .object({
    /** Per priority: whether the SLA arrival deadline is hard (never planned late) or soft (late at a cost). */
    hardDeadline: z.object({ urgent: z.boolean(), high: z.boolean(), normal: z.boolean(), low: z.boolean() }).strict(),
    /** Cost, in travel-minute equivalents, of one order arriving after its deadline. */
    missedDeadlineCost: z.number().min(0).max(1_000_000),
    /** Cost per minute of lateness. */
    latenessCostPerMinute: z.number().min(0).max(10_000),
    /** Weight on the square of each technician's working minutes: higher spreads work more evenly. */
    balanceWeight: z.number().min(0).max(1),
    /** Cost of moving an already planned order to another technician when re-planning. */
    reassignCost: z.number().min(0).max(100_000),
  })
  .strict();
export type DispatchObjective = z.infer<typeof dispatchObjective>;

const dispatchRanking = z
  .object({
    /** Points per factor; the ranking score is their weighted sum (0-100 each). */
    skillFit: z.number().min(0).max(100),
    travel: z.number().min(0).max(100),
    workload: z.number().min(0).max(100),
    deadline: z.number().min(0).max(100),
    history: z.number().min(0).max(100),
    /** The travel factor falls from 100 points (on the spot) to 0 at this many minutes away. */
    travelZeroMinutes: z.number().int().min(10).max(600),
    /** Skill-fit points lost per level held above the one the work needs (keeps experts for harder work). */
    levelAbovePenalty: z.number().min(0).max(50),
  })
  .strict();
export type DispatchRanking = z.infer<typeof dispatchRanking>;

const dispatchDefaultShift = z
  .object({ start: timeOfDay, end: timeOfDay, startsFrom: z.enum(['home', 'office']), endsAt: z.enum(['home', 'office']) })
  .strict()
  .refine((h) => h.start < h.end, { params: { messageKey: 'field.invalid' } });
export type DispatchDefaultShift = z.infer<typeof dispatchDefaultShift>;

const dispatchLimits = z
  .object({
    maxOrders: z.number().int().min(1).max(20_000),
    maxTechnicians: z.number().int().min(1).max(2_000),
    /** Longest a planning run may take. */
    maxSeconds: z.number().int().min(1).max(300),
    /** Default budget of one team's plan. */
    teamSeconds: z.number().min(0.1).max(60),
  })
  .strict();
export type DispatchLimits = z.infer<typeof dispatchLimits>;

/** An appraisal indicator's policy (P5.1): target, scoring curve (value -> 0-100 points), weight, minimum samples. */
const indicatorPolicy = z
  .object({
    target: z.number(),
    curve: z
      .array(z.tuple([z.number(), z.number().min(0).max(100)]))
      .min(2)
      .max(20)
      .refine((c) => isValidCurve(c), { params: { messageKey: 'field.invalid' } }),
    weight: z.number().min(0).max(100),
    minSamples: z.number().int().min(0).max(1000),
  })
  .strict();
const appraisalIndicators = z
  .object({
    customerSatisfaction: indicatorPolicy,
    onTime: indicatorPolicy,
    resolution: indicatorPolicy,
    growth: indicatorPolicy,
    teamwork: indicatorPolicy,
    /** What an indicator with too few samples counts as: left out, its weight spread over the others; or scored at its target. */
    insufficient: z.enum(['reweight', 'at_target']),
  })
  .strict()
  .refine(
    (v) =>
      weightsProblem({
        customerSatisfaction: v.customerSatisfaction.weight,
        onTime: v.onTime.weight,
        resolution: v.resolution.weight,
        growth: v.growth.weight,
        teamwork: v.teamwork.weight,
      }) === null,
    {
      params: { messageKey: 'field.weights_sum' },
    },
  );
export type AppraisalIndicators = z.infer<typeof appraisalIndicators>;
const appraisalComposite = z
  .object({ self: z.number().min(0).max(100), supervisor: z.number().min(0).max(100), customer: z.number().min(0).max(100), indicators: z.number().min(0).max(100) })
  .strict()
  .refine((v) => weightsProblem(v) === null, { params: { messageKey: 'field.weights_sum' } });
export type AppraisalComposite = z.infer<typeof appraisalComposite>;

/** Grade bands of the composite (P5.3.4), an optional forced distribution, and the pay coefficient of each grade (P5.4.1, P7.1.2). */
const appraisalGrades = z
  .object({
    bands: z
      .array(z.object({ grade: z.string().trim().min(1).max(8), min: z.number().min(0).max(100) }).strict())
      .min(2)
      .max(10)
      .refine((b) => new Set(b.map((x) => x.grade)).size === b.length && b.some((x) => x.min === 0), { params: { messageKey: 'field.invalid' } }),
    /** Percent of people per grade when the distribution is forced; null: grades follow the bands only. */
    forcedShares: z.record(z.string(), z.number().min(0).max(100)).nullable(),
    /** Performance-pay coefficient per grade. */
    payCoefficients: z.record(z.string(), z.number().min(0).max(5)),
  })
  .strict()
  .refine((g) => g.bands.every((b) => g.payCoefficients[b.grade] !== undefined), { params: { messageKey: 'field.invalid' }, path: ['payCoefficients'] })
  .refine((g) => g.forcedShares === null || weightsProblem(g.forcedShares) === null, { params: { messageKey: 'field.weights_sum' }, path: ['forcedShares'] });
export type AppraisalGrades = z.infer<typeof appraisalGrades>;

/** How growth records and teamwork activity become the points the growth and teamwork curves read (P5.1.4, P5.1.5). */
const appraisalMeasures = z
  .object({
    growth: z
      .object({
        perTrainingHour: z.number().min(0).max(100),
        perExamPassed: z.number().min(0).max(100),
        perCertificate: z.number().min(0).max(100),
        perInnovation: z.number().min(0).max(100),
      })
      .strict(),
    teamwork: z
      .object({
        perConsultationJoined: z.number().min(0).max(100),
        perConsultationHelped: z.number().min(0).max(100),
        perAssist: z.number().min(0).max(100),
        /** Percent of the teamwork points that come from the supervisor's 1-5 teamwork rating, once given. */
        supervisorRatingShare: z.number().min(0).max(100),
      })
      .strict(),
  })
  .strict();
export type AppraisalMeasures = z.infer<typeof appraisalMeasures>;

/** The monthly cycle's deadlines as days of the following month (P5.2: results by the 10th). */
const appraisalCycle = z
  .object({
    selfDueDay: z.number().int().min(1).max(28),
    reviewDueDay: z.number().int().min(1).max(28),
    publishDueDay: z.number().int().min(1).max(28),
    /** Days after publication within which an employee may appeal. */
    appealDays: z.number().int().min(1).max(60),
    /** A self-evaluation after its deadline: refused, or accepted and marked late. */
    lateSelfEvaluation: z.enum(['refuse', 'mark_late']),
    /** Reminders go out this many days before a deadline; an overdue step escalates the day after. */
    reminderDaysBefore: z.number().int().min(0).max(14),
  })
  .strict()
  .refine((c) => c.selfDueDay <= c.reviewDueDay && c.reviewDueDay <= c.publishDueDay, { params: { messageKey: 'field.invalid' }, path: ['reviewDueDay'] });
export type AppraisalCycle = z.infer<typeof appraisalCycle>;

/** The annual appraisal (P5.2, P5.4.2): the twelve monthly results combined with an annual review. */
const appraisalAnnual = z
  .object({
    monthlyWeight: z.number().min(0).max(100),
    reviewWeight: z.number().min(0).max(100),
    /** Fewer published monthly results than this: the annual result is marked insufficient. */
    minMonths: z.number().int().min(1).max(12),
    /** Annual grades that count as "excellent": eligible for promotion or a raise. */
    excellentGrades: z.array(z.string().trim().min(1).max(8)).min(1).max(10),
  })
  .strict()
  .refine((a) => weightsProblem({ monthlyWeight: a.monthlyWeight, reviewWeight: a.reviewWeight }) === null, { params: { messageKey: 'field.weights_sum' } });
export type AppraisalAnnual = z.infer<typeof appraisalAnnual>;

const localizedText = z.object({ 'zh-CN': z.string().trim().min(1).max(500), en: z.string().trim().min(1).max(500) }).strict();
/** Targeted development (P5.4.3): which indicators count as weak, how many actions per result, and what training to suggest. */
const appraisalDevelopment = z
  .object({
    belowPoints: z.number().min(0).max(100),
    maxActions: z.number().int().min(0).max(5),
    dueDays: z.number().int().min(1).max(365),
    suggestions: z
      .object({ customerSatisfaction: localizedText, onTime: localizedText, resolution: localizedText, growth: localizedText, teamwork: localizedText })
      .strict(),
  })
  .strict();
export type AppraisalDevelopment = z.infer<typeof appraisalDevelopment>;

/**
 * One registry entry. Keeps its key a literal type, so `SettingKey` names the known keys and
 * `SettingValue<K>` is the value its schema yields, and checks the default against the schema.
 */
function define<const K extends string, S extends z.ZodType>(d: Omit<SettingDefinition<z.output<S>>, 'key' | 'schema'> & { key: K; schema: S }) {
  return d;
}

const definitions = [
  define({
    key: 'company.timeZone',
    kind: 'timeZone',
    label: { 'zh-CN': '公司时区', en: 'Company time zone' },
    description: {
      'zh-CN': '业务日期（考勤日、请假日、考核周期）按此时区划分，时间按此时区显示。',
      en: 'Business dates (attendance days, leave days, appraisal periods) fall in this zone, and times are shown in it.',
    },
    schema: z.string().max(64).refine(isTimeZone, { params: { messageKey: 'field.time_zone' } }),
    defaultValue: 'Asia/Shanghai',
  }),
  define({
    key: 'security.signIn.maxFailures',
    kind: 'integer',
    label: { 'zh-CN': '登录失败锁定次数', en: 'Failed sign-ins before lock' },
    description: {
      'zh-CN': '同一用户名连续登录失败达到此次数后暂时锁定。',
      en: 'An account is locked for a while after this many failed sign-ins in a row.',
    },
    clause: 'P6.4.1',
    schema: z.number().int().min(3).max(20),
    defaultValue: 5,
  }),
  define({
    key: 'security.signIn.lockMinutes',
    kind: 'integer',
    label: { 'zh-CN': '登录锁定时长（分钟）', en: 'Sign-in lock (minutes)' },
    description: {
      'zh-CN': '锁定持续的分钟数；最后一次失败超过此时长后，失败计数清零。',
      en: 'How long a lock lasts; the failure count also resets when the last failure is older than this.',
    },
    clause: 'P6.4.1',
    schema: z.number().int().min(1).max(1440),
    defaultValue: 15,
  }),
  define({
    key: 'sla.targets',
    kind: 'json',
    label: { 'zh-CN': 'SLA 时限（按优先级）', en: 'SLA targets by priority' },
    description: {
      'zh-CN':
        '自受理起，每个优先级的响应（联系客户）、到场、解决时限（分钟），以及计时日历：business 按工作时间（工作日、节假日、调休）计时，24x7 全天候计时。响应 ≤ 到场 ≤ 解决。因客户或备件原因挂起的时间不计入。',
      en: 'For each priority, minutes from receipt to response (customer contacted), arrival on site and resolution, and the calendar the clocks run on: business (working hours of working days, skipping holidays, counting make-up days) or 24x7 (round the clock). Response ≤ arrival ≤ resolution. Time on hold for customer- or parts-caused reasons does not count.',
    },
    clause: 'P4.1.2/P4.2.1',
    schema: slaTargets,
    defaultValue: {
      urgent: { responseMinutes: 60, arrivalMinutes: 240, resolutionMinutes: 480, calendar: '24x7' },
      high: { responseMinutes: 120, arrivalMinutes: 480, resolutionMinutes: 1440, calendar: 'business' },
      normal: { responseMinutes: 240, arrivalMinutes: 1440, resolutionMinutes: 2880, calendar: 'business' },
      low: { responseMinutes: 480, arrivalMinutes: 2880, resolutionMinutes: 7200, calendar: 'business' },
    },
  }),
  define({
    key: 'sla.workingHours',
    kind: 'json',
    label: { 'zh-CN': 'SLA 工作时间', en: 'SLA working hours' },
    description: {
      'zh-CN':
        '按工作时间计时的 SLA 时钟只在这些星期几（1=周一 … 7=周日）的上班至下班时间内走动（公司时区）；法定节假日不计，调休上班日照常计时（见节假日日历）。',
      en: 'Business-hours SLA clocks run only on these weekdays (1 = Monday .. 7 = Sunday) between start and end, in the company time zone; statutory holidays are skipped and make-up working days count (see the holiday calendar).',
    },
    clause: 'P4.1.2',
    schema: workingHours,
    defaultValue: { weekdays: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' },
  }),
  define({
    key: 'sla.warnAtPercent',
    kind: 'percent',
    label: { 'zh-CN': 'SLA 预警比例', en: 'SLA warning threshold' },
    description: {
      'zh-CN': '工单已用工作时间达到时限的此比例时，标记为“有超时风险”，并提醒负责技术员及其主管。',
      en: 'An order whose elapsed business time reaches this share of its allowance is "at risk", and its technician and supervisor are warned.',
    },
    clause: 'P4.2.1',
    schema: z.number().int().min(1).max(99),
    defaultValue: 80,
  }),
  define({
    key: 'workOrders.reopenWithinDays',
    kind: 'integer',
    label: { 'zh-CN': '返修重开期限（天）', en: 'Reopen window (days)' },
    description: {
      'zh-CN': '故障在解决后此天数内复发的，重新打开原工单，并计入解决质量考核。',
      en: 'A fault that comes back within this many days of resolution reopens the order and counts against its resolution.',
    },
    clause: 'P5.1.3',
    schema: z.number().int().min(1).max(365),
    defaultValue: 30,
  }),
  define({
    key: 'visits.checkInRadiusMeters',
    kind: 'integer',
    label: { 'zh-CN': '签到距离范围（米）', en: 'Check-in radius (metres)' },
    description: {
      'zh-CN': '签到位置距客户现场超过此距离时，签到仍记录，但标记为"不在现场范围"，供到场准时率核查。',
      en: 'A check-in farther than this from the customer site is still recorded, but flagged as outside the site, for the on-time rate review.',
    },
    clause: 'P5.1.2',
    schema: z.number().int().min(10).max(100_000),
    defaultValue: 500,
  }),
  define({
    key: 'tools.calibrationWarnDays',
    kind: 'integer',
    label: { 'zh-CN': '工具校准提前提醒（天）', en: 'Calibration due-soon warning (days)' },
    description: {
      'zh-CN': '工具或仪器的校准/保养到期日在此天数内时显示"即将到期"；已过期的在需要它的上门任务上标红。',
      en: 'A tool or instrument whose calibration or maintenance falls due within this many days shows as due soon; an overdue one is flagged on the visits that need it.',
    },
    clause: 'P2.2.3',
    schema: z.number().int().min(0).max(365),
    defaultValue: 30,
  }),
  define({
    key: 'acceptance.questionnaire',
    kind: 'json',
    label: { 'zh-CN': '客户满意度问卷', en: 'Customer satisfaction questionnaire' },
    description: {
      'zh-CN': '验收时客户给出 1-5 分的总体满意度，并按此处的问题逐项打 1-5 分（required 为必答）。用于客户满意度指标与客户评价。',
      en: 'At acceptance the customer gives an overall 1-5 rating and rates each question here 1-5 (required ones must be answered). Feeds the customer satisfaction indicator and the customer evaluation.',
    },
    clause: 'P5.1.1',
    schema: questionnaire,
    defaultValue: {
      questions: [
        { key: 'punctuality', label: { 'zh-CN': '上门准时', en: 'Arrived on time' }, required: true },
        { key: 'quality', label: { 'zh-CN': '维修/安装质量', en: 'Quality of the work' }, required: true },
        { key: 'attitude', label: { 'zh-CN': '服务态度', en: 'Courtesy and communication' }, required: true },
        { key: 'explanation', label: { 'zh-CN': '讲解与培训', en: 'Explanation and training' }, required: false },
      ],
    },
  }),
  define({
    key: 'acceptance.signatureMaxKilobytes',
    kind: 'integer',
    label: { 'zh-CN': '签名图片上限（KB）', en: 'Signature image limit (KB)' },
    description: { 'zh-CN': '客户手写签名 PNG 图片的最大大小。', en: 'The largest drawn-signature PNG accepted.' },
    clause: 'P4.4.1',
    schema: z.number().int().min(10).max(900),
    defaultValue: 300,
  }),
  define({
    key: 'survey.linkValidDays',
    kind: 'integer',
    label: { 'zh-CN': '满意度调查链接有效期（天）', en: 'Survey link validity (days)' },
    description: {
      'zh-CN': '现场未评价的客户会收到带签名的调查链接邮件；链接在此天数后失效，且只能使用一次。',
      en: 'A customer who did not rate on site is emailed a signed survey link; it expires after this many days and works once.',
    },
    clause: 'P5.1.1',
    schema: z.number().int().min(1).max(90),
    defaultValue: 7,
  }),
  define({
    key: 'followUps.dueDays',
    kind: 'integer',
    label: { 'zh-CN': '客户问题跟进期限（天）', en: 'Follow-up due (days)' },
    description: {
      'zh-CN': '客户提出的问题生成跟进任务，默认在此天数内完成；逾期即升级给主管。',
      en: 'A problem the customer raised becomes a follow-up task due within this many days by default; when late it is escalated to the supervisor.',
    },
    clause: 'P4.4.3',
    schema: z.number().int().min(1).max(90),
    defaultValue: 3,
  }),
  define({
    key: 'feedback.defectCategories',
    kind: 'json',
    label: { 'zh-CN': '产品缺陷类别', en: 'Product defect categories' },
    description: {
      'zh-CN': '上报产品缺陷与质量问题时可选的类别（key 为代码，label 为中英文名称）。',
      en: 'The categories a product defect or quality problem is filed under (key is the code, label the names).',
    },
    clause: 'P2.2.2',
    schema: labelledCodes,
    defaultValue: [
      { key: 'electrical', label: { 'zh-CN': '电气故障', en: 'Electrical' } },
      { key: 'mechanical', label: { 'zh-CN': '机械故障', en: 'Mechanical' } },
      { key: 'software', label: { 'zh-CN': '软件/固件', en: 'Software or firmware' } },
      { key: 'material', label: { 'zh-CN': '材料/元器件', en: 'Material or component' } },
      { key: 'assembly', label: { 'zh-CN': '装配/工艺', en: 'Assembly or workmanship' } },
      { key: 'packaging', label: { 'zh-CN': '包装/运输', en: 'Packaging or transport' } },
      { key: 'documentation', label: { 'zh-CN': '说明书/标识', en: 'Manuals or labelling' } },
      { key: 'other', label: { 'zh-CN': '其他', en: 'Other' } },
    ],
  }),
  define({
    key: 'dispatch.requirements',
    kind: 'json',
    label: { 'zh-CN': '派工要求（按工单类别）', en: 'Dispatch requirements by category' },
    description: {
      'zh-CN':
        '每个工单类别默认需要的技能及等级（1-5）、必须持有且在有效期内的证书（与员工档案中的证书名称一致），以及预计服务时长（分钟）。派工员可对单个工单修改技能与时长。证书过期的技术员不能被派此类工单。',
      en: 'For each order category: the skill and level (1-5) the work needs by default, the certificates (named as on the employee record) that must be held and unexpired, and the expected service minutes. Dispatchers may change the skill and duration of one order. A technician with an expired required certificate cannot be assigned.',
    },
    clause: 'P4.1.2',
    schema: dispatchRequirements,
    defaultValue: {
      fault_repair: { skill: '电气故障排查', level: 2, certificates: ['低压电工作业证'], serviceMinutes: 90 },
      installation: { skill: '设备安装', level: 2, certificates: ['低压电工作业证'], serviceMinutes: 180 },
      commissioning: { skill: '系统调试', level: 2, certificates: [], serviceMinutes: 120 },
      maintenance: { skill: null, level: 1, certificates: [], serviceMinutes: 60 },
      consultation: { skill: null, level: 1, certificates: [], serviceMinutes: 30 },
      complaint: { skill: null, level: 1, certificates: [], serviceMinutes: 45 },
      other: { skill: null, level: 1, certificates: [], serviceMinutes: 60 },
    },
  }),
  define({
    key: 'dispatch.modes',
    kind: 'json',
    label: { 'zh-CN': '自动派工方式（按班组）', en: 'Auto-dispatch mode by team' },
    description: {
      'zh-CN':
        'suggest：只给出推荐，由主管选择；assign：自动派给排名第一的合格技术员；pool：发布到班组抢单池，合格技术员先到先得（仍须赶得上到场时限）。teams 按班组 ID 覆盖默认值。',
      en: 'suggest: rank technicians and let the supervisor choose; assign: give the order to the first eligible technician; pool: publish to the team job pool, where eligible technicians take orders first come, first served (still only if they can meet the arrival deadline). teams overrides the default by team id.',
    },
    clause: 'P4.1.2',
    schema: dispatchModes,
    defaultValue: { default: 'suggest', teams: {} },
  }),
  define({
    key: 'dispatch.travel',
    kind: 'json',
    label: { 'zh-CN': '路程时间估算', en: 'Travel time estimate' },
    description: {
      'zh-CN':
        '默认按直线距离 × 道路系数 ÷ 平均车速估算路程时间，可按班组所在区域设置。provider 可改为 osrm 或 valhalla，并在 url 填写公司自建的路径服务地址。',
      en: 'By default travel time is the straight-line distance times a road factor, at an average speed; both may be set per team region. provider may be osrm or valhalla, with url pointing at the company’s own routing server.',
    },
    clause: 'P5.1.2',
    schema: dispatchTravel,
    defaultValue: {
      default: { roadFactor: 1.4, speedKmh: 30 },
      regions: {},
      provider: 'haversine',
      url: null,
    },
  }),
  define({
    key: 'dispatch.objective',
    kind: 'json',
    label: { 'zh-CN': '排程目标', en: 'Route planning objective' },
    description: {
      'zh-CN':
        '日程规划先避免错过到场时限，再减少迟到分钟，再减少路程时间，同时均衡工作量。hardDeadline 按优先级设定到场时限是否为硬约束；其余为软约束的代价（以路程分钟计）。reassignCost 是重新规划时把已排工单换给其他技术员的代价，用于尽量少改动。',
      en: 'Day plans first avoid missed arrival deadlines, then minimise minutes late, then travel time, while balancing work. hardDeadline says per priority whether the arrival deadline is hard; the other numbers are the costs of soft deadlines, in travel-minute equivalents. reassignCost is the cost of moving a planned order to another technician when re-planning, so that a re-plan changes little.',
    },
    clause: 'P5.1.2',
    schema: dispatchObjective,
    defaultValue: {
      hardDeadline: { urgent: false, high: false, normal: false, low: false },
      missedDeadlineCost: 10_000,
      latenessCostPerMinute: 20,
      balanceWeight: 0.002,
      reassignCost: 60,
    },
  }),
  define({
    key: 'dispatch.ranking',
    kind: 'json',
    label: { 'zh-CN': '技术员推荐权重', en: 'Technician ranking weights' },
    description: {
      'zh-CN':
        '为新工单推荐技术员时各因素的权重：技能匹配、路程时间、当日工作量、能否赶上到场时限、是否曾服务该客户。travelZeroMinutes：路程达到此分钟数时路程得分为 0；levelAbovePenalty：技能等级每高出要求一级扣减的匹配分（把高级工程师留给更难的工作）。',
      en: 'Weights of the factors when ranking technicians for a new order: skill fit, travel time, workload today, meeting the arrival deadline, and having served the customer before. travelZeroMinutes: the travel score reaches 0 at this many minutes away; levelAbovePenalty: skill-fit points lost per level above the one needed (keeps experts for harder work).',
    },
    clause: 'P4.1.2',
    schema: dispatchRanking,
    defaultValue: { skillFit: 25, travel: 25, workload: 15, deadline: 25, history: 10, travelZeroMinutes: 120, levelAbovePenalty: 10 },
  }),
  define({
    key: 'dispatch.defaultShift',
    kind: 'json',
    label: { 'zh-CN': '默认班次', en: 'Default shift' },
    description: {
      'zh-CN': '工作日没有排班记录的技术员按此班次上班（公司时区），从办公室（班组地址）或家出发、回到办公室或家。',
      en: 'A technician with no shift record on a working day works this shift (company time zone), starting from and ending at the office (the team base) or home.',
    },
    schema: dispatchDefaultShift,
    defaultValue: { start: '08:30', end: '17:30', startsFrom: 'office', endsAt: 'office' },
  }),
  define({
    key: 'dispatch.limits',
    kind: 'json',
    label: { 'zh-CN': '排程规模上限', en: 'Route planning limits' },
    description: {
      'zh-CN': '一次规划最多的工单数、技术员数和运行秒数；超出时拒绝并说明。teamSeconds 是一个班组一天规划的默认时长。',
      en: 'The most orders, technicians and seconds one planning run may take; a larger request is refused with the limit named. teamSeconds is the default budget of one team’s day plan.',
    },
    schema: dispatchLimits,
    defaultValue: { maxOrders: 5000, maxTechnicians: 500, maxSeconds: 60, teamSeconds: 1.5 },
  }),
  define({
    key: 'dispatch.mapTileUrl',
    kind: 'text',
    label: { 'zh-CN': '地图瓦片地址', en: 'Map tile URL' },
    description: {
      'zh-CN': '派工看板地图使用的瓦片地址模板，如 https://tile.example.com/{z}/{x}/{y}.png。留空则不加载底图，只显示位置与路线。',
      en: 'The tile URL template of the dispatch board map, such as https://tile.example.com/{z}/{x}/{y}.png. Empty: no base map, only the places and routes.',
    },
    schema: z.string().trim().max(500),
    defaultValue: '',
  }),
  define({
    key: 'appraisal.indicators',
    kind: 'json',
    label: { 'zh-CN': '考核指标（目标、计分曲线、权重、最少样本）', en: 'Appraisal indicators (target, scoring curve, weight, minimum samples)' },
    description: {
      'zh-CN':
        '五项指标：客户满意度（1-5 分均值）、到场及时率、故障解决率（0-1）、技术成长（积分）、团队协作（积分）。curve 为 [数值, 得分] 拐点，拐点之间线性计分；weight 为在指标部分中的权重，五项合计须为 100；样本少于 minSamples 时不计分，按 insufficient 规则处理：reweight 把权重分给其他指标，at_target 按目标值计分。',
      en: 'The five indicators: customer satisfaction (mean of 1-5 ratings), on-time rate, resolution rate (0-1), technical growth (points), teamwork (points). curve lists [value, points] corners, linear between them; weight is the share within the indicators part and the five must sum to 100; with fewer samples than minSamples an indicator is not scored and the insufficient rule applies: reweight spreads its weight over the others, at_target scores it at its target.',
    },
    clause: 'P5.1',
    schema: appraisalIndicators,
    defaultValue: {
      customerSatisfaction: { target: 4.5, curve: [[3, 0], [4, 60], [4.5, 85], [5, 100]], weight: 30, minSamples: 3 },
      onTime: { target: 0.95, curve: [[0.7, 0], [0.9, 80], [1, 100]], weight: 25, minSamples: 3 },
      resolution: { target: 0.95, curve: [[0.7, 0], [0.9, 80], [1, 100]], weight: 25, minSamples: 3 },
      growth: { target: 10, curve: [[0, 40], [10, 85], [20, 100]], weight: 10, minSamples: 0 },
      teamwork: { target: 10, curve: [[0, 40], [10, 85], [20, 100]], weight: 10, minSamples: 0 },
      insufficient: 'reweight',
    },
  }),
  define({
    key: 'appraisal.composite',
    kind: 'json',
    label: { 'zh-CN': '综合评分权重', en: 'Composite score weights' },
    description: {
      'zh-CN': '人力资源部汇总综合得分时自评、主管评价、客户评价与指标得分的权重（百分比），合计须为 100。',
      en: 'The weights (percent) of the self-evaluation, the supervisor evaluation, the customer evaluation and the indicators in the composite HR reviews; they must sum to 100.',
    },
    clause: 'P5.3.4',
    schema: appraisalComposite,
    defaultValue: { self: 10, supervisor: 30, customer: 20, indicators: 40 },
  }),
  define({
    key: 'appraisal.grades',
    kind: 'json',
    label: { 'zh-CN': '考核等级与绩效系数', en: 'Appraisal grades and performance-pay coefficients' },
    description: {
      'zh-CN':
        '综合得分达到 min 即落入该等级（取最高者）；forcedShares 不为空时按比例强制分布（各等级百分比合计 100）；payCoefficients 为各等级的绩效工资系数，供薪酬核算使用。',
      en: 'A composite score reaching min falls in that grade (the highest one reached); when forcedShares is set, grades are forced to those percentages (summing to 100); payCoefficients is the performance-pay coefficient of each grade, for payroll.',
    },
    clause: 'P5.4.1',
    schema: appraisalGrades,
    defaultValue: {
      bands: [
        { grade: 'S', min: 95 },
        { grade: 'A', min: 85 },
        { grade: 'B', min: 70 },
        { grade: 'C', min: 60 },
        { grade: 'D', min: 0 },
      ],
      forcedShares: null,
      payCoefficients: { S: 1.5, A: 1.2, B: 1, C: 0.8, D: 0.5 },
    },
  }),
  define({
    key: 'appraisal.measures',
    kind: 'json',
    label: { 'zh-CN': '技术成长与团队协作积分', en: 'Technical growth and teamwork points' },
    description: {
      'zh-CN':
        '技术成长积分 = 培训小时 × perTrainingHour + 通过考试 × perExamPassed + 新获证书 × perCertificate + 采纳的创新建议 × perInnovation；团队协作积分 = 参与会诊 × perConsultationJoined + 协助解决的会诊 × perConsultationHelped + 协助同事到场 × perAssist。主管给出团队协作评分（1-5）后，团队协作得分中 supervisorRatingShare% 来自该评分。',
      en: 'Growth points = training hours × perTrainingHour + exams passed × perExamPassed + certificates gained × perCertificate + accepted innovation proposals × perInnovation; teamwork points = consultations joined × perConsultationJoined + consultations helped resolve × perConsultationHelped + assists on colleagues\' visits × perAssist. Once the supervisor gives a teamwork rating (1-5), supervisorRatingShare% of the teamwork score comes from it.',
    },
    clause: 'P5.1.4',
    schema: appraisalMeasures,
    defaultValue: {
      growth: { perTrainingHour: 1, perExamPassed: 3, perCertificate: 5, perInnovation: 5 },
      teamwork: { perConsultationJoined: 2, perConsultationHelped: 3, perAssist: 2, supervisorRatingShare: 50 },
    },
  }),
  define({
    key: 'appraisal.cycle',
    kind: 'json',
    label: { 'zh-CN': '月度考核期限', en: 'Monthly appraisal deadlines' },
    description: {
      'zh-CN':
        '每月 1 日开启上月考核。自评、主管评价、发布结果的截止日为次月的第几天（P5.2 规定上旬即 10 日前发布）；结果发布后 appealDays 天内可申诉；逾期自评按 lateSelfEvaluation 拒绝（refuse）或标记逾期（mark_late）；截止前 reminderDaysBefore 天提醒，逾期次日升级。',
      en: 'On the 1st of each month the previous month opens. The self-evaluation, supervisor review and publication are due on these days of the following month (P5.2: published within the first ten days); an appeal may be raised within appealDays of publication; a late self-evaluation is refused (refuse) or accepted and marked late (mark_late); reminders go out reminderDaysBefore days ahead, and an overdue step escalates the day after.',
    },
    clause: 'P5.2',
    schema: appraisalCycle,
    defaultValue: { selfDueDay: 3, reviewDueDay: 7, publishDueDay: 10, appealDays: 7, lateSelfEvaluation: 'mark_late', reminderDaysBefore: 1 },
  }),
  define({
    key: 'appraisal.annual',
    kind: 'json',
    label: { 'zh-CN': '年度考核', en: 'Annual appraisal' },
    description: {
      'zh-CN': '每年 1 月进行上年度考核：已发布月度综合得分的平均值与年度评价按权重合成（合计 100）；月度结果少于 minMonths 时标记样本不足；excellentGrades 中的等级为“优秀”，进入晋升与调薪资格名单。',
      en: 'Each January the previous year is appraised: the mean of the published monthly composites and the annual review combine by these weights (summing to 100); with fewer than minMonths monthly results it is marked insufficient; the grades in excellentGrades count as excellent and enter the promotion and raise eligibility list.',
    },
    clause: 'P5.4.2',
    schema: appraisalAnnual,
    defaultValue: { monthlyWeight: 70, reviewWeight: 30, minMonths: 6, excellentGrades: ['S', 'A'] },
  }),
  define({
    key: 'appraisal.development',
    kind: 'json',
    label: { 'zh-CN': '针对性培训与发展', en: 'Targeted development' },
    description: {
      'zh-CN': '结果发布时，得分低于 belowPoints 的指标中最弱的 maxActions 项生成发展行动，附建议培训，dueDays 天内完成，由培训模块落实。',
      en: 'When a result is published, the weakest indicators scoring below belowPoints (at most maxActions of them) become development actions with the suggested training, due within dueDays, for the training module to fulfil.',
    },
    clause: 'P5.4.3',
    schema: appraisalDevelopment,
    defaultValue: {
      belowPoints: 70,
      maxActions: 2,
      dueDays: 90,
      suggestions: {
        customerSatisfaction: { 'zh-CN': '客户沟通与服务礼仪培训', en: 'Customer communication and service etiquette training' },
        onTime: { 'zh-CN': '行程规划与时间管理培训', en: 'Trip planning and time management training' },
        resolution: { 'zh-CN': '故障诊断进阶培训与案例复盘', en: 'Advanced fault diagnosis training and case reviews' },
        growth: { 'zh-CN': '制定个人学习计划并参加认证考试', en: 'A personal learning plan and a certification exam' },
        teamwork: { 'zh-CN': '团队协作与技术会诊实践', en: 'Teamwork and technical consultation practice' },
      },
    },
  }),
] as const;

export type SettingKey = (typeof definitions)[number]['key'];
export type SettingValue<K extends SettingKey> = z.infer<Extract<(typeof definitions)[number], { key: K }>['schema']>;

export const SETTINGS: readonly SettingDefinition[] = definitions as unknown as SettingDefinition[];

export function settingDefinition(key: string): SettingDefinition | undefined {
  return SETTINGS.find((d) => d.key === key);
}

export type DatedValue<T = unknown> = { value: T; effectiveFrom: string };

/** The value in force on a date: the latest one whose effective date is not after it. */
export function valueInForce<T>(history: ReadonlyArray<DatedValue<T>>, date: string): DatedValue<T> | undefined {
  let best: DatedValue<T> | undefined;
  for (const entry of history) {
    if (entry.effectiveFrom <= date && (!best || entry.effectiveFrom > best.effectiveFrom)) best = entry;
  }
  return best;
}

// Building an Intl.DateTimeFormat costs far more than using one; SLA clocks call this often.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function dateInZone(instant: Date, timeZone: string): string {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(timeZone, format);
  }
  return format.format(instant);
}

/** The earliest date a setting history starts from when a default is installed. */
export const DEFAULTS_EFFECTIVE_FROM = '2000-01-01';
