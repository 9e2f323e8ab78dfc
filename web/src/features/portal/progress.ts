import type { TimelineEvent, WorkOrder } from '../../api/types.ts';

export const CUSTOMER_STEPS = ['received', 'assigned', 'en_route', 'on_site', 'done', 'report_ready'] as const;
export type CustomerStep = (typeof CUSTOMER_STEPS)[number];

const STEP_EVENTS: Record<CustomerStep, readonly string[]> = {
  received: ['receive'],
  assigned: ['assign', 'reassign', 'take', 'reopen'],
  en_route: ['depart'],
  on_site: ['arrive'],
  done: ['complete_work', 'resolve_remotely'],
  // the service report (P4.4.2); until the server records it, closing the order stands for it
  report_ready: ['report_ready', 'submit_report', 'close'],
};

export interface StepView {
  step: CustomerStep;
  status: 'finish' | 'process' | 'wait' | 'error';
  event: TimelineEvent | null;
}

/**
 * The customer's view of an order as plain steps: received, assigned, en route, on site, done,
 * report ready. A remote fix skips the visit; a reopened order starts again after receipt.
 */
export function customerProgress(order: Pick<WorkOrder, 'state' | 'timeline'>): StepView[] {
  const events = order.timeline;
  let lastReopen = -1;
  events.forEach((e, i) => {
    if (e.action === 'reopen') lastReopen = i;
  });
  const current = events.filter((_, i) => i >= lastReopen);
  const latest = (step: CustomerStep) => {
    const names = STEP_EVENTS[step];
    const pool = step === 'received' ? events : current;
    return [...pool].reverse().find((e) => names.includes(e.action)) ?? null;
  };
  const remote = current.some((e) => e.action === 'resolve_remotely');
  const steps = CUSTOMER_STEPS.filter((s) => !(remote && (s === 'en_route' || s === 'on_site')));
  const reached = steps.map((s) => latest(s));
  let furthest = 0;
  reached.forEach((event, i) => {
    if (event) furthest = i;
  });
  if (order.state !== 'new' && order.state !== 'cancelled' && furthest === 0) furthest = 1;
  return steps.map((step, i) => ({
    step,
    event: reached[i] ?? null,
    status: i <= furthest ? 'finish' : i === furthest + 1 ? (order.state === 'cancelled' ? 'error' : 'process') : 'wait',
  }));
}

/** A string field of an event's data. */
export function eventText(event: TimelineEvent | null, key: string): string | undefined {
  const data = event?.data;
  if (!data || typeof data !== 'object') return undefined;
  const value = (data as Record<string, unknown>)[key];
  return typeof value === 'string' && value ? value : undefined;
}
