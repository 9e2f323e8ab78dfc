import type { Catalog } from './catalog.ts';

// Messages of the site-work module, in both languages.
export const siteWorkMessages = {
  'checklist.incomplete': {
    en: '{count} required checklist item(s) are not done yet',
    'zh-CN': '还有 {count} 项必做检查项未完成',
  },
  'checklist.not_on_site': {
    en: 'Checklist results are recorded on site, while the order is in progress there',
    'zh-CN': '检查项结果只能在现场作业期间记录',
  },
  'visit.not_open': { en: 'There is no open visit to check out of', 'zh-CN': '没有可签退的进行中上门记录' },
  'visit.already_open': { en: 'You are already checked in on this visit', 'zh-CN': '本次上门已签到' },
  'tools.order_closed': { en: 'The order is finished; its tools can no longer change', 'zh-CN': '工单已结束，不能再调整所需工具' },
  'field.justification_required': {
    en: 'The value is out of range: give a justification',
    'zh-CN': '测量值超出范围，请填写说明',
  },
  'field.photo_required': { en: 'This item needs a photo', 'zh-CN': '此项需要拍照' },
  'field.value_required': { en: 'This item needs a measured value', 'zh-CN': '此项需要填写测量值' },
  'field.no_measurement': { en: 'This item takes no measured value', 'zh-CN': '此项无需测量值' },
  'field.tool_unavailable': { en: 'The tool is not in service', 'zh-CN': '该工具不在用' },
} as const satisfies Catalog;
