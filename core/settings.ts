import { z } from 'zod';

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
