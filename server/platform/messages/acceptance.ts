import type { Catalog } from './catalog.ts';

// Messages of the acceptance module (P4.4.1, P5.1.1), in both languages.
export const acceptanceMessages = {
  'field.signature_not_png': { en: 'The signature is not a PNG image', 'zh-CN': '签名不是 PNG 图片' },
  'field.signature_too_large': {
    en: 'The signature image is larger than {maxKilobytes} KB',
    'zh-CN': '签名图片超过 {maxKilobytes} KB',
  },
  'field.signature_unsupported': {
    en: 'The signature is not a supported image (8-bit, not interlaced)',
    'zh-CN': '签名图片格式不受支持（需 8 位、非隔行扫描）',
  },
  'field.signature_empty': { en: 'The signature is empty: please sign on the pad', 'zh-CN': '签名为空，请在签名板上签字' },
  'field.answer_required': { en: 'Please answer this question (1-5)', 'zh-CN': '请为此项打分（1-5）' },
  'field.answer_unknown': { en: 'The questionnaire has no such question', 'zh-CN': '问卷中没有此问题' },
  'field.answer_out_of_range': { en: 'A score from 1 to 5', 'zh-CN': '分值应为 1 到 5' },
  'field.rating_required': {
    en: 'Give the overall rating when answering the questions',
    'zh-CN': '填写问卷时请同时给出总体评分',
  },
  'acceptance.no_refusal': {
    en: 'There is no unhandled refusal on this order to settle',
    'zh-CN': '该工单没有待处理的拒绝验收',
  },
  'survey.invalid': {
    en: 'This survey link is not valid: it may have been mistyped or altered',
    'zh-CN': '该调查链接无效：可能输入有误或已被改动',
  },
  'survey.used': {
    en: 'This survey has already been answered; thank you',
    'zh-CN': '该调查已经提交过了，感谢您的评价',
  },
  'survey.expired': {
    en: 'This survey link has expired',
    'zh-CN': '该调查链接已过期',
  },
} as const satisfies Catalog;
