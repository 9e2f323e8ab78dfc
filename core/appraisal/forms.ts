// Evaluation forms (P5.3.1 self-evaluation, P5.3.2 supervisor evaluation): HR keeps the
// templates; a form's answers become a 0-100 score with its formula. Pure.
import { z } from 'zod';

const localized = z.object({ 'zh-CN': z.string().trim().min(1).max(200), en: z.string().trim().min(1).max(200) }).strict();

/** Item keys stay camelCase letters and digits: they are jsonb keys, and the database layer renames snake_case ones. */
export const templateItem = z
  .object({
    key: z.string().regex(/^[a-z][a-zA-Z0-9]{0,39}$/),
    label: localized,
    kind: z.enum(['score', 'text']),
    /** Weight of a score item in the form's score; text items carry none. */
    weight: z.number().min(0).max(100).default(0),
    required: z.boolean().default(true),
  })
  .strict();
export type TemplateItem = z.infer<typeof templateItem>;

export const templateItems = z
  .array(templateItem)
  .min(1)
  .max(30)
  .refine((items) => new Set(items.map((i) => i.key)).size === items.length, { params: { messageKey: 'field.invalid' } })
  .refine((items) => items.some((i) => i.kind === 'score' && i.weight > 0), { params: { messageKey: 'field.invalid' } });

export type Answers = Record<string, number | string>;

/** The problems with a form's answers, by item key: a required item unanswered, a score outside 1-5, text too long, an unknown item. */
export function answersProblems(items: readonly TemplateItem[], answers: Answers): Record<string, 'required' | 'score' | 'text' | 'unknown'> {
  const problems: Record<string, 'required' | 'score' | 'text' | 'unknown'> = {};
  const keys = new Set(items.map((i) => i.key));
  for (const key of Object.keys(answers)) if (!keys.has(key)) problems[key] = 'unknown';
  for (const item of items) {
    const a = answers[item.key];
    if (a === undefined || a === '') {
      if (item.required) problems[item.key] = 'required';
      continue;
    }
    if (item.kind === 'score' && !(typeof a === 'number' && Number.isInteger(a) && a >= 1 && a <= 5)) problems[item.key] = 'score';
    if (item.kind === 'text' && !(typeof a === 'string' && a.length <= 2000)) problems[item.key] = 'text';
  }
  return problems;
}

/** A form's score: each answered score item's 1-5 mapped to 0-100, weighted. */
export function formScore(items: readonly TemplateItem[], answers: Answers): { score: number | null; formula: string } {
  const scored = items.filter((i) => i.kind === 'score' && i.weight > 0 && typeof answers[i.key] === 'number');
  const total = scored.reduce((a, i) => a + i.weight, 0);
  if (!total) return { score: null, formula: 'no score item answered' };
  const score = Math.round(scored.reduce((a, i) => a + (((answers[i.key] as number) - 1) / 4) * 100 * i.weight, 0) / total * 10) / 10;
  const formula = `${scored.map((i) => `${i.key} ${answers[i.key]}/5 × ${i.weight}`).join(' + ')} ÷ ${total} → ${score}`;
  return { score, formula };
}

/** The forms a fresh installation starts with; HR edits them. */
export const DEFAULT_TEMPLATES: Record<'self' | 'supervisor', { name: string; items: TemplateItem[] }> = {
  self: {
    name: '月度自评表 / Monthly self-evaluation',
    items: [
      { key: 'quality', label: { 'zh-CN': '服务质量', en: 'Quality of service' }, kind: 'score', weight: 40, required: true },
      { key: 'punctuality', label: { 'zh-CN': '守时与响应', en: 'Punctuality and response' }, kind: 'score', weight: 30, required: true },
      { key: 'learning', label: { 'zh-CN': '学习与成长', en: 'Learning and growth' }, kind: 'score', weight: 30, required: true },
      { key: 'achievements', label: { 'zh-CN': '本月主要工作与成绩', en: "This month's main work and achievements" }, kind: 'text', weight: 0, required: true },
      { key: 'improvements', label: { 'zh-CN': '不足与改进计划', en: 'Shortcomings and plan to improve' }, kind: 'text', weight: 0, required: false },
    ],
  },
  supervisor: {
    name: '主管月度评价表 / Supervisor monthly evaluation',
    items: [
      { key: 'performance', label: { 'zh-CN': '日常工作表现', en: 'Daily performance' }, kind: 'score', weight: 50, required: true },
      { key: 'completion', label: { 'zh-CN': '任务完成情况', en: 'Task completion' }, kind: 'score', weight: 50, required: true },
      { key: 'comment', label: { 'zh-CN': '评语', en: 'Comment' }, kind: 'text', weight: 0, required: false },
    ],
  },
};
