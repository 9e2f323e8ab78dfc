import type { Catalog } from './catalog.ts';

// Messages of the working-time module (issue 5), in both languages.
export const workingTimeMessages = {
  'working_time.leave_overlap': {
    en: '{name} already has leave recorded from {from} to {to}',
    'zh-CN': '{name}在 {from} 至 {to} 已有请假记录',
  },
  'field.working_time.range_too_long': {
    en: 'At most {days} days at a time',
    'zh-CN': '一次最多查询 {days} 天',
  },
  'field.working_time.end_before_start': {
    en: 'Must be later than the start',
    'zh-CN': '必须晚于开始时间',
  },
  'field.working_time.outside_day': {
    en: 'Must fall between {from} and {to} (the day ± {hours} hours)',
    'zh-CN': '必须在 {from} 至 {to} 之间（当天前后 {hours} 小时内）',
  },
  'field.working_time.leave_too_long': {
    en: 'One leave record covers at most {days} days',
    'zh-CN': '一条请假记录最多 {days} 天',
  },
} as const satisfies Catalog;
