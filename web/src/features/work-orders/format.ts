import type { TFunction } from 'i18next';

/** 90 → "1 h 30 min" in the UI language. */
export function formatMinutes(t: TFunction, minutes: number): string {
  const total = Math.max(0, Math.round(minutes));
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return t('duration.minutes', { n: m });
  if (m === 0) return t('duration.hours', { n: h });
  return t('duration.hoursMinutes', { h, m });
}

/** "due in 2 h" / "overdue by 15 min", from now to an instant. */
export function formatDueIn(t: TFunction, dueAt: string, now = Date.now()): string {
  const minutes = Math.round((Date.parse(dueAt) - now) / 60_000);
  return minutes >= 0 ? t('workOrders.dueIn', { time: formatMinutes(t, minutes) }) : t('workOrders.overdueBy', { time: formatMinutes(t, -minutes) });
}

/** A string field of an event's free-form data. */
export function dataText(data: unknown, key: string): string | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const value = (data as Record<string, unknown>)[key];
  return typeof value === 'string' && value.trim() ? value : undefined;
}
