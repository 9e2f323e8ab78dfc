import dayjs from 'dayjs';
import '../../lib/time.ts';

/** Wall-clock time (HH:mm) of an instant in the board's time zone. */
export function clockTime(at: number | string | null | undefined, timeZone: string): string {
  if (at === null || at === undefined) return '';
  const d = dayjs(at);
  return d.isValid() ? d.tz(timeZone).format('HH:mm') : '';
}

/** Midnight of a business date in a time zone, epoch milliseconds. */
export function dayStartMs(day: string, timeZone: string): number {
  return dayjs.tz(day, timeZone).valueOf();
}

export const PRIORITY_STYLE: Record<string, { color: string; background: string }> = {
  urgent: { color: '#cf1322', background: '#fff1f0' },
  high: { color: '#d46b08', background: '#fff7e6' },
  normal: { color: '#0958d9', background: '#e6f4ff' },
  low: { color: '#595959', background: '#fafafa' },
};

export const priorityStyle = (priority: string | undefined) => PRIORITY_STYLE[priority ?? ''] ?? PRIORITY_STYLE.normal!;

/** The drag payload's type: an order id. */
export const DRAG_TYPE = 'application/x-aftersales-order';

export function readDraggedOrder(e: { dataTransfer: DataTransfer | null }): string | null {
  const dt = e.dataTransfer;
  if (!dt) return null;
  return dt.getData(DRAG_TYPE) || dt.getData('text/plain') || null;
}

export function startOrderDrag(e: { dataTransfer: DataTransfer | null }, orderId: string) {
  if (!e.dataTransfer) return;
  e.dataTransfer.setData(DRAG_TYPE, orderId);
  e.dataTransfer.setData('text/plain', orderId);
  e.dataTransfer.effectAllowed = 'move';
}
