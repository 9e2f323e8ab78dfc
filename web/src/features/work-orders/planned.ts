import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import type { PlannedWorkOrderSummary } from './types.ts';
import { byDeadline } from './workflow.ts';

dayjs.extend(utc);
dayjs.extend(timezone);

// A technician's day (issue 5): the visits the accepted day plan gives them today, in its
// sequence, come first; every other order after them, soonest deadline first.

/** Planned to be visited on `today` (YYYY-MM-DD in the company time zone). */
export function plannedOn(o: PlannedWorkOrderSummary, today: string, timeZone: string): boolean {
  return Boolean(o.plannedArrivalAt) && dayjs(o.plannedArrivalAt).tz(timeZone).format('YYYY-MM-DD') === today;
}

/** By route sequence, then planned arrival (a sequence-less stop goes by its time). */
function byRoute(a: PlannedWorkOrderSummary, b: PlannedWorkOrderSummary): number {
  const sa = a.routeSequence ?? Number.POSITIVE_INFINITY;
  const sb = b.routeSequence ?? Number.POSITIVE_INFINITY;
  if (sa !== sb) return sa - sb;
  return Date.parse(a.plannedArrivalAt ?? '') - Date.parse(b.plannedArrivalAt ?? '') || byDeadline(a, b);
}

export function planMyDay<T extends PlannedWorkOrderSummary>(orders: readonly T[], today: string, timeZone: string): { planned: T[]; others: T[] } {
  const planned = orders.filter((o) => plannedOn(o, today, timeZone)).sort(byRoute);
  const others = orders.filter((o) => !plannedOn(o, today, timeZone)).sort(byDeadline);
  return { planned, others };
}

/** `HH:mm` of an instant in the company time zone. */
export function clockIn(iso: string, timeZone: string): string {
  return dayjs(iso).tz(timeZone).format('HH:mm');
}
