import type { SlaClock, WoAction, WoState, WorkOrderSummary } from '../../api/types.ts';

/**
 * What the assigned technician may do in each state (core/work-order-lifecycle.ts RULES for
 * the `assignee`); workflow.test.ts checks this copy against core. The server still decides.
 */
export const ASSIGNEE_ACTIONS: Record<WoState, WoAction[]> = {
  new: [],
  assigned: ['accept'],
  accepted: ['contact_customer', 'hold'],
  contacted: ['start_diagnosis', 'hold'],
  diagnosing: ['propose_solution', 'hold'],
  solution_proposed: ['resolve_remotely', 'schedule_visit', 'hold'],
  resolved_remotely: ['customer_accept', 'customer_refuse'],
  visit_scheduled: ['depart', 'hold'],
  en_route: ['arrive', 'hold'],
  on_site: ['complete_work', 'hold'],
  work_done: ['customer_accept', 'customer_refuse'],
  customer_accepted: ['close'],
  closed: [],
  on_hold: ['resume'],
  cancelled: [],
};

/** Actions that carry something the user types or picks; the others go at one tap. */
export const FORM_ACTIONS: ReadonlySet<WoAction> = new Set<WoAction>([
  'assign',
  'publish',
  'reassign',
  'propose_solution',
  'resolve_remotely',
  'schedule_visit',
  'depart',
  'complete_work',
  'customer_accept',
  'customer_refuse',
  'settle_refusal',
  'hold',
  'cancel',
  'reopen',
]);

/** Actions whose event records where the technician's phone was (P5.1.2 arrival). */
export const LOCATED_ACTIONS: ReadonlySet<WoAction> = new Set<WoAction>(['depart', 'arrive']);

/** Actions that undo or stop work, shown as danger buttons. */
export const DANGER_ACTIONS: ReadonlySet<WoAction> = new Set<WoAction>(['cancel', 'hold', 'reopen', 'customer_refuse']);

const RESPONSE_PENDING: ReadonlySet<WoState> = new Set(['new', 'assigned', 'accepted']);
const ARRIVAL_PENDING: ReadonlySet<WoState> = new Set(['visit_scheduled', 'en_route']);
const CLOSED: ReadonlySet<WoState> = new Set(['closed', 'cancelled', 'work_done', 'resolved_remotely', 'customer_accepted']);

/** The earliest deadline still running for an order: what a technician's day is sorted by. */
export function nextDeadline(o: WorkOrderSummary): { clock: SlaClock; dueAt: string } | null {
  const candidates: { clock: SlaClock; dueAt: string | null }[] = [];
  if (RESPONSE_PENDING.has(o.state)) candidates.push({ clock: 'response', dueAt: o.responseDueAt });
  if (ARRIVAL_PENDING.has(o.state)) candidates.push({ clock: 'arrival', dueAt: o.arrivalDueAt });
  if (!CLOSED.has(o.state)) candidates.push({ clock: 'resolution', dueAt: o.resolutionDueAt });
  const running = candidates.filter((c): c is { clock: SlaClock; dueAt: string } => Boolean(c.dueAt));
  running.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  return running[0] ?? null;
}

/** Orders by their next deadline, soonest first; those without one last, newest received first. */
export function byDeadline(a: WorkOrderSummary, b: WorkOrderSummary): number {
  const da = nextDeadline(a)?.dueAt;
  const db = nextDeadline(b)?.dueAt;
  if (da && db) return Date.parse(da) - Date.parse(db);
  if (da) return -1;
  if (db) return 1;
  return Date.parse(b.receivedAt) - Date.parse(a.receivedAt);
}
