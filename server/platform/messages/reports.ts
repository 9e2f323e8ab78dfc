import type { Catalog } from './catalog.ts';

// Messages of the reports module (the service report and fault codes, P4.4.2), in both languages.
export const reportsMessages = {
  'report.incomplete': {
    en: 'The report cannot be filed yet: {count} field(s) missing',
    'zh-CN': '服务报告尚不能提交：还缺 {count} 项',
  },
  'report.not_ready': {
    en: 'The report can be filed only when the work is done (or solved remotely)',
    'zh-CN': '只有在完工（或远程解决）后才能提交服务报告',
  },
  'report.not_editable': {
    en: 'The report cannot be changed in the order\'s current state',
    'zh-CN': '工单当前状态下不能修改服务报告',
  },
  'report.already_filed': {
    en: 'The report is already filed',
    'zh-CN': '服务报告已提交',
  },
  'report.not_filed': {
    en: 'The report is not filed yet',
    'zh-CN': '服务报告尚未提交',
  },
  'fault_code.already_active': { en: 'The fault code is already active', 'zh-CN': '该故障代码已是启用状态' },
  'fault_code.already_inactive': { en: 'The fault code is already inactive', 'zh-CN': '该故障代码已停用' },
  'field.fault_code_inactive': { en: 'Not an active fault code', 'zh-CN': '不是有效（启用中）的故障代码' },
  'field.report_required': { en: 'Required to file the report', 'zh-CN': '提交报告时必填' },
} as const satisfies Catalog;
