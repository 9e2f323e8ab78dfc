import { z } from 'zod';

// The work-order lifecycle (P4.1-P4.4) in one place: the states, the actions that move an
// order between them, who may take each action, and what each action must carry.

export const STATES = [
  'new', // received (P4.1.2), possibly published to a team's job pool
  'assigned', // handed to a technician
  'accepted', // the technician took it
  'contacted', // the technician contacted the customer (P4.2.1): the response clock stops
  'diagnosing', // P4.2.2
  'solution_proposed', // P4.2.2 (possibly agreed in a team consultation, P4.2.3)
  'resolved_remotely', // solved without a visit: the resolution clock stops
  'visit_scheduled',
  'en_route',
  'on_site', // the arrival clock stops (P5.1.2)
  'work_done', // the resolution clock stops
  'customer_accepted', // P4.4.1
  'closed',
  'on_hold', // waiting for the customer or for parts: the SLA clocks pause
  'cancelled',
] as const;
export type State = (typeof STATES)[number];

export const OPEN_STATES: readonly State[] = STATES.filter((s) => !['closed', 'cancelled'].includes(s));
export const TERMINAL_STATES: readonly State[] = ['closed', 'cancelled'];

/**
 * Who is acting, relative to the order: a dispatcher (agent, supervisor, manager, admin), the
 * assigned technician, a technician of the order's team while it waits in the job pool, or
 * the customer the order belongs to.
 */
export type ActorKind = 'dispatcher' | 'assignee' | 'pool_member' | 'customer';

const text = (max: number) => z.string().trim().min(1).max(max);
const instant = z.iso.datetime({ offset: true });
const empty = z.object({ note: z.string().trim().max(2000).optional() }).strict();

export const ACTION_PAYLOADS = {
  assign: z.object({ assigneeId: z.uuid(), note: z.string().trim().max(2000).optional() }).strict(),
  publish: z.object({ teamId: z.uuid() }).strict(),
  take: empty,
  reassign: z.object({ assigneeId: z.uuid(), reason: text(500) }).strict(),
  accept: empty,
  contact_customer: empty,
  start_diagnosis: empty,
  propose_solution: z.object({ solution: text(4000) }).strict(),
  resolve_remotely: z.object({ resolution: text(4000) }).strict(),
  schedule_visit: z.object({ visitAt: instant, note: z.string().trim().max(2000).optional() }).strict(),
  depart: z.object({ expectedArrivalAt: instant }).strict(),
  arrive: empty,
  complete_work: z.object({ resolution: text(4000) }).strict(),
  // P4.4.1: the signer's drawn signature (a PNG data URL, checked by the acceptance module),
  // and the satisfaction rating on the questionnaire when the customer gives it there and then.
  customer_accept: z
    .object({
      signerName: text(100),
      signature: z.string().min(1).max(1_400_000),
      rating: z.number().int().min(1).max(5).optional(),
      answers: z.record(z.string(), z.number().int().min(1).max(5)).optional(),
      comment: z.string().trim().max(2000).optional(),
    })
    .strict(),
  customer_refuse: z.object({ reason: text(1000), signerName: z.string().trim().max(100).optional() }).strict(),
  settle_refusal: z.object({ note: text(2000) }).strict(),
  close: empty,
  hold: z.object({ reason: z.enum(['customer', 'parts', 'other']), note: text(1000) }).strict(),
  resume: empty,
  cancel: z.object({ reason: text(500) }).strict(),
  reopen: z.object({ reason: text(1000) }).strict(),
} as const;
export type Action = keyof typeof ACTION_PAYLOADS;
export const ACTIONS = Object.keys(ACTION_PAYLOADS) as Action[];
export type Payload<A extends Action> = z.infer<(typeof ACTION_PAYLOADS)[A]>;

/** Payload fields kept out of the timeline and the audit trail (stored by the module that owns them). */
export const PRIVATE_PAYLOAD_FIELDS: readonly string[] = ['signature'];

/** Facts an action stamps on the order; the service writes them with the transition's time. */
export type Mark = 'respondedAt' | 'arrivedAt' | 'resolvedAt' | 'closedAt' | 'cancelledAt';

type Rule = { action: Action; from: readonly State[]; to: State | 'held_from'; by: readonly ActorKind[]; marks?: Mark[] };

const ACTIVE_BEFORE_VISIT: State[] = ['accepted', 'contacted', 'diagnosing', 'solution_proposed', 'visit_scheduled'];
const HOLDABLE: State[] = [...ACTIVE_BEFORE_VISIT, 'en_route', 'on_site'];

export const RULES: readonly Rule[] = [
  { action: 'assign', from: ['new'], to: 'assigned', by: ['dispatcher'] },
  { action: 'publish', from: ['new'], to: 'new', by: ['dispatcher'] },
  { action: 'take', from: ['new'], to: 'accepted', by: ['pool_member'] },
  { action: 'reassign', from: ['assigned', ...ACTIVE_BEFORE_VISIT, 'en_route', 'on_hold'], to: 'assigned', by: ['dispatcher'] },
  { action: 'accept', from: ['assigned'], to: 'accepted', by: ['assignee'] },
  { action: 'contact_customer', from: ['accepted'], to: 'contacted', by: ['assignee'], marks: ['respondedAt'] },
  { action: 'start_diagnosis', from: ['contacted'], to: 'diagnosing', by: ['assignee'] },
  { action: 'propose_solution', from: ['diagnosing'], to: 'solution_proposed', by: ['assignee'] },
  { action: 'resolve_remotely', from: ['solution_proposed'], to: 'resolved_remotely', by: ['assignee'], marks: ['resolvedAt'] },
  { action: 'schedule_visit', from: ['solution_proposed'], to: 'visit_scheduled', by: ['assignee', 'dispatcher'] },
  { action: 'depart', from: ['visit_scheduled'], to: 'en_route', by: ['assignee'] },
  { action: 'arrive', from: ['en_route'], to: 'on_site', by: ['assignee'], marks: ['arrivedAt'] },
  { action: 'complete_work', from: ['on_site'], to: 'work_done', by: ['assignee'], marks: ['resolvedAt'] },
  { action: 'customer_accept', from: ['work_done', 'resolved_remotely'], to: 'customer_accepted', by: ['customer', 'assignee'] },
  // A refusal sends the order back to work (P4.4.1); a dispatcher may settle an unreasonable one.
  { action: 'customer_refuse', from: ['work_done'], to: 'on_site', by: ['customer', 'assignee'] },
  { action: 'customer_refuse', from: ['resolved_remotely'], to: 'diagnosing', by: ['customer', 'assignee'] },
  { action: 'settle_refusal', from: ['on_site', 'diagnosing'], to: 'customer_accepted', by: ['dispatcher'], marks: ['resolvedAt'] },
  { action: 'close', from: ['customer_accepted'], to: 'closed', by: ['assignee', 'dispatcher'], marks: ['closedAt'] },
  { action: 'hold', from: HOLDABLE, to: 'on_hold', by: ['assignee', 'dispatcher'] },
  { action: 'resume', from: ['on_hold'], to: 'held_from', by: ['assignee', 'dispatcher'] },
  { action: 'cancel', from: ['new', 'assigned', ...ACTIVE_BEFORE_VISIT, 'on_hold'], to: 'cancelled', by: ['dispatcher'], marks: ['cancelledAt'] },
  { action: 'cancel', from: ['new', 'assigned'], to: 'cancelled', by: ['customer'], marks: ['cancelledAt'] },
  { action: 'reopen', from: ['resolved_remotely', 'customer_accepted', 'closed'], to: 'assigned', by: ['dispatcher', 'customer'] },
];

export type OrderSnapshot = { state: State; heldFromState: State | null };

function rulesFor(order: OrderSnapshot, actors: ReadonlySet<ActorKind>): Rule[] {
  return RULES.filter((r) => r.from.includes(order.state) && r.by.some((b) => actors.has(b)));
}

/** The actions this caller may take on the order now, each listed once, in lifecycle order. */
export function allowedActions(order: OrderSnapshot, actors: ReadonlySet<ActorKind>): Action[] {
  return [...new Set(rulesFor(order, actors).map((r) => r.action))];
}

export type TransitionPlan =
  | { ok: true; action: Action; from: State; to: State; marks: Mark[] }
  | { ok: false; allowed: Action[] };

/** Where an action takes the order, or the actions that would have been legal instead. */
export function planTransition(order: OrderSnapshot, action: Action, actors: ReadonlySet<ActorKind>): TransitionPlan {
  const rule = rulesFor(order, actors).find((r) => r.action === action);
  if (!rule) return { ok: false, allowed: allowedActions(order, actors) };
  const to = rule.to === 'held_from' ? (order.heldFromState ?? 'accepted') : rule.to;
  return { ok: true, action, from: order.state, to, marks: rule.marks ?? [] };
}

/** A fault that comes back within the set number of days reopens the order (P5.1.3); later, it is a new order. */
export function mayReopen(resolvedAt: Date | null, now: Date, reopenWithinDays: number): boolean {
  if (!resolvedAt) return true;
  return now.getTime() - resolvedAt.getTime() <= reopenWithinDays * 86_400_000;
}

/** States in which the SLA clocks are paused. */
export function isPaused(state: State): boolean {
  return state === 'on_hold';
}
