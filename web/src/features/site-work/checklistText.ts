import type { Measurement } from '../../../../core/checklists.ts';

/** The label in the UI language. */
export function textIn(label: { 'zh-CN': string; en: string }, language: string): string {
  return language.startsWith('zh') ? label['zh-CN'] : label.en;
}

/** Mirrors core/checklists.ts isOutOfRange (which brings zod along) so the screen asks for a justification at once. */
export function outOfRange(m: Measurement | null, value: number | null): boolean {
  if (!m || value === null) return false;
  return (m.min !== null && value < m.min) || (m.max !== null && value > m.max);
}

/** "2 – 16 A", "≥ 2 MΩ", "≤ 16 A". */
export function rangeText(m: Measurement): string {
  if (m.min !== null && m.max !== null) return `${m.min} – ${m.max} ${m.unit}`;
  if (m.min !== null) return `≥ ${m.min} ${m.unit}`;
  if (m.max !== null) return `≤ ${m.max} ${m.unit}`;
  return m.unit;
}
