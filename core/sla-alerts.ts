import type { SlaClock } from './work-orders.ts';

// SLA warning and escalation (issue point 5, P5.1.2): which alerts an open order is due, from
// its stored deadlines and warning instants (server/modules/work-orders/sla.ts stores them).

export type AlertLevel = 'warning' | 'breach';
export type DueAlert = { clock: SlaClock; level: AlertLevel };

export type StoredOrderClocks = {
  state: string;
  respondedAt: Date | null;
  arrivedAt: Date | null;
  resolvedAt: Date | null;
  responseWarnAt: Date | null;
  responseDueAt: Date | null;
  arrivalWarnAt: Date | null;
  arrivalDueAt: Date | null;
  resolutionWarnAt: Date | null;
  resolutionDueAt: Date | null;
};

const NOT_WATCHED = new Set(['closed', 'cancelled', 'on_hold']);

/**
 * The alerts an order is due now, per clock: a warning once the warning instant has come
 * (`warnAt <= now`), a breach once the deadline has passed (`dueAt < now`), while the clock is
 * not met. Closed, cancelled and held orders are not watched; the arrival clock does not apply
 * to an order resolved without a visit.
 */
export function dueAlerts(o: StoredOrderClocks, now: Date): DueAlert[] {
  if (NOT_WATCHED.has(o.state)) return [];
  const remote = o.state === 'resolved_remotely' || (o.resolvedAt !== null && o.arrivedAt === null);
  const clocks: [SlaClock, Date | null, Date | null, Date | null][] = [
    ['response', o.respondedAt, o.responseWarnAt, o.responseDueAt],
    ['arrival', remote ? now : o.arrivedAt, o.arrivalWarnAt, o.arrivalDueAt],
    ['resolution', o.resolvedAt, o.resolutionWarnAt, o.resolutionDueAt],
  ];
  const due: DueAlert[] = [];
  for (const [clock, met, warnAt, dueAt] of clocks) {
    if (met) continue;
    if ((warnAt && warnAt <= now) || (dueAt && dueAt < now)) due.push({ clock, level: 'warning' });
    if (dueAt && dueAt < now) due.push({ clock, level: 'breach' });
  }
  return due;
}
