import type { Catalog } from './catalog.ts';

// Messages of the dispatch module (issue 5), in both languages. A refused assignment names
// the technician and each reason (core/dispatch/eligibility.ts `Reason`); build the problem with
// `ineligibleError()` (server/modules/dispatch/effects.ts), which renders every reason in both
// languages, so the title reads in the caller's language.
export const dispatchMessages = {
  'dispatch.ineligible': {
    en: '{name} cannot take this order: {reasonsEn}',
    'zh-CN': '{name}不能承接此工单：{reasonsZh}',
  },
  'dispatch.reason.skill_missing': {
    en: 'lacks the skill {skill} (level {level} needed)',
    'zh-CN': '不具备技能“{skill}”（需要 {level} 级）',
  },
  'dispatch.reason.skill_level': {
    en: 'holds {skill} at level {held}; level {level} is needed',
    'zh-CN': '技能“{skill}”为 {held} 级，需要 {level} 级',
  },
  'dispatch.reason.certificate_missing': {
    en: 'holds no {certificate}',
    'zh-CN': '未持有“{certificate}”',
  },
  'dispatch.reason.certificate_expired': {
    en: 'the certificate {certificate} expired on {expiredOn}',
    'zh-CN': '证书“{certificate}”已于 {expiredOn} 过期',
  },
  'dispatch.reason.off_shift': {
    en: 'not on shift that day',
    'zh-CN': '当天不在班',
  },
  'dispatch.reason.on_leave': {
    en: 'on {kind} leave ({from} to {to})',
    'zh-CN': '休{kind}（{from} 至 {to}）',
  },
  'dispatch.reason.other_team': {
    en: "not in the order's team",
    'zh-CN': '不属于该工单的班组',
  },
  'dispatch.reason.deadline': {
    en: 'cannot arrive by the deadline {deadline} (earliest {earliest})',
    'zh-CN': '赶不上到场时限 {deadline}（最早 {earliest} 到达）',
  },
  'dispatch.reason.deadline_no_time': {
    en: 'cannot arrive by the deadline {deadline}: no working time left that day',
    'zh-CN': '赶不上到场时限 {deadline}：当天已无可用工作时间',
  },
  'dispatch.reason.no_location': {
    en: 'no location to plan from',
    'zh-CN': '缺少位置，无法规划',
  },
  'dispatch.reason.window': {
    en: 'would miss the appointment window of {number}',
    'zh-CN': '会错过工单 {number} 的预约时段',
  },
  'dispatch.reason.shift_end': {
    en: 'the day would end after the shift',
    'zh-CN': '当天工作会超出班次结束时间',
  },
  'dispatch.leave.annual': { en: 'annual', 'zh-CN': '年假' },
  'dispatch.leave.sick': { en: 'sick', 'zh-CN': '病假' },
  'dispatch.leave.personal': { en: 'personal', 'zh-CN': '事假' },
  'dispatch.leave.training': { en: 'training', 'zh-CN': '培训假' },
  'dispatch.leave.other': { en: 'other', 'zh-CN': '其他假' },
  /** The reason a reassignment from the board records on the order's timeline. */
  'dispatch.reassign_reason': { en: 'Reassigned on the dispatch board', 'zh-CN': '在派工看板上改派' },
} as const satisfies Catalog;
