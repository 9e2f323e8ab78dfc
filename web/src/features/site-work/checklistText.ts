import type { Measurement } from '../../../../core/measurement.ts';

/** The label in the UI language. */
export function textIn(label: { 'zh-CN': string; en: string }, language: string): string {
  return language.startsWith('zh') ? label['zh-CN'] : label.en;
}


/** "2 – 16 A", "≥ 2 MΩ", "≤ 16 A". */
export function rangeText(m: Measurement): string {
  if (m.min !== null && m.max !== null) return `${m.min} – ${m.max} ${m.unit}`;
  if (m.min !== null) return `≥ ${m.min} ${m.unit}`;
  if (m.max !== null) return `≤ ${m.max} ${m.unit}`;
  return m.unit;
}
