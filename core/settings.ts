import { z } from 'zod';

// Dated policy settings: every number the policy names lives here with the date it takes
// effect, never as a constant in code. Each definition says what its value may be.

export type SettingKind = 'timeZone' | 'integer' | 'percent' | 'text';
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

const definitions = [
  {
    key: 'company.timeZone',
    kind: 'timeZone',
    label: { 'zh-CN': '公司时区', en: 'Company time zone' },
    description: {
      'zh-CN': '业务日期（考勤日、请假日、考核周期）按此时区划分，时间按此时区显示。',
      en: 'Business dates (attendance days, leave days, appraisal periods) fall in this zone, and times are shown in it.',
    },
    schema: z.string().max(64).refine(isTimeZone, { params: { messageKey: 'field.time_zone' } }),
    defaultValue: 'Asia/Shanghai',
  } satisfies SettingDefinition<string>,
  {
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
  } satisfies SettingDefinition<number>,
  {
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
  } satisfies SettingDefinition<number>,
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

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function dateInZone(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** The earliest date a setting history starts from when a default is installed. */
export const DEFAULTS_EFFECTIVE_FROM = '2000-01-01';
