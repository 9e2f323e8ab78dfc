import type { FastifyRequest } from 'fastify';
import type { Locale } from '../db/schema.ts';
import { acceptanceMessages } from './messages/acceptance.ts';
import { appraisalMessages } from './messages/appraisal.ts';
import type { Catalog } from './messages/catalog.ts';
import { dispatchMessages } from './messages/dispatch.ts';
import { dispatchPlansMessages } from './messages/dispatch-plans.ts';
import { workingTimeMessages } from './messages/working-time.ts';
import { feedbackMessages } from './messages/feedback.ts';
import { reportsMessages } from './messages/reports.ts';
import { siteWorkMessages } from './messages/site-work.ts';
import { stockMessages } from './messages/stock.ts';

// Server-side messages in both languages: problem titles and per-field validation messages.
// Modules with many messages of their own keep them in messages/<module>.ts.
const platformCatalog = {
  'validation.failed': { en: 'The request is not valid', 'zh-CN': '请求内容无效' },
  'validation.malformed_json': { en: 'The body is not valid JSON', 'zh-CN': '请求体不是有效的 JSON' },
  'auth.required': { en: 'Sign in first', 'zh-CN': '请先登录' },
  'auth.invalid_credentials': { en: 'Wrong username or password', 'zh-CN': '用户名或密码错误' },
  'auth.locked': {
    en: 'Too many failed sign-ins; try again in {seconds} seconds',
    'zh-CN': '登录失败次数过多，请在 {seconds} 秒后重试',
  },
  'auth.csrf': { en: 'Missing or wrong CSRF token', 'zh-CN': '缺少或错误的 CSRF 令牌' },
  'auth.wrong_password': { en: 'The current password is wrong', 'zh-CN': '当前密码错误' },
  forbidden: { en: 'You may not do this', 'zh-CN': '您没有权限执行此操作' },
  not_found: { en: 'Not found', 'zh-CN': '未找到' },
  'conflict.stale': {
    en: 'Someone changed this record after you opened it; reload and try again',
    'zh-CN': '该记录在您打开后已被他人修改，请刷新后重试',
  },
  'conflict.duplicate': { en: 'This value is already taken', 'zh-CN': '该值已被占用' },
  'conflict.agreed': {
    en: 'This consultation already has an agreed solution',
    'zh-CN': '该会诊已确定解决方案',
  },
  'conflict.transition': {
    en: 'This step is not possible in the order\'s current state',
    'zh-CN': '工单当前状态下不能执行此操作',
  },
  business_rule: { en: 'This is not allowed', 'zh-CN': '不允许此操作' },
  'closing.incomplete': {
    en: 'The order cannot close yet: {count} item(s) still to do',
    'zh-CN': '工单尚不能关闭：还有 {count} 项未完成',
  },
  internal: { en: 'Something went wrong on the server', 'zh-CN': '服务器出错了' },
  // per-field validation issues (zod issue codes and our own)
  'field.required': { en: 'Required', 'zh-CN': '必填' },
  'field.invalid_type': { en: 'Expected {expected}', 'zh-CN': '类型错误，应为 {expected}' },
  'field.too_big.string': { en: 'At most {maximum} characters', 'zh-CN': '最多 {maximum} 个字符' },
  'field.too_small.string': { en: 'At least {minimum} characters', 'zh-CN': '至少 {minimum} 个字符' },
  'field.too_big.number': { en: 'At most {maximum}', 'zh-CN': '不能大于 {maximum}' },
  'field.too_small.number': { en: 'At least {minimum}', 'zh-CN': '不能小于 {minimum}' },
  'field.too_big.array': { en: 'At most {maximum} items', 'zh-CN': '最多 {maximum} 项' },
  'field.too_small.array': { en: 'At least {minimum} items', 'zh-CN': '至少 {minimum} 项' },
  'field.unrecognized_keys': { en: 'Unknown field', 'zh-CN': '未知字段' },
  'field.invalid_format': { en: 'Invalid format ({format})', 'zh-CN': '格式无效（{format}）' },
  'field.invalid_value': { en: 'Must be one of: {values}', 'zh-CN': '必须是以下之一：{values}' },
  'field.invalid_date': { en: 'Not a valid date (YYYY-MM-DD)', 'zh-CN': '不是有效日期（YYYY-MM-DD）' },
  'field.date_range': { en: 'Date out of range', 'zh-CN': '日期超出范围' },
  'field.invalid': { en: 'Invalid value', 'zh-CN': '值无效' },
  'field.weights_sum': { en: 'The weights must add up to 100%', 'zh-CN': '各项权重之和必须为 100%' },
  'field.duplicate': { en: 'Already taken', 'zh-CN': '已被占用' },
  'field.time_zone': { en: 'Not a known time zone', 'zh-CN': '不是有效的时区' },
  'field.reference': { en: 'No such record', 'zh-CN': '引用的记录不存在' },
  'field.not_participant': { en: 'Not a participant of this consultation', 'zh-CN': '不是该会诊的参与者' },
  'field.self': { en: 'You cannot invite yourself', 'zh-CN': '不能邀请自己' },
} as const satisfies Catalog;

const catalog = {
  ...platformCatalog,
  ...stockMessages,
  ...siteWorkMessages,
  ...acceptanceMessages,
  ...reportsMessages,
  ...feedbackMessages,
  ...dispatchMessages,
  ...appraisalMessages,
  ...dispatchPlansMessages,
  ...workingTimeMessages,
} as const satisfies Catalog;

export type MessageKey = keyof typeof catalog;

export function message(key: MessageKey, locale: Locale, params: Record<string, unknown> = {}): string {
  return catalog[key][locale].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

export function isMessageKey(key: string): key is MessageKey {
  return key in catalog;
}

/** The caller's language: the Accept-Language header first (the UI sends its current one), then the user's. */
export function requestLocale(request: FastifyRequest): Locale {
  const header = request.headers['accept-language'];
  if (typeof header === 'string') {
    const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
    if (first.startsWith('zh')) return 'zh-CN';
    if (first.startsWith('en')) return 'en';
  }
  return request.actor?.locale ?? 'zh-CN';
}

export const messageCatalogForTests = catalog;
