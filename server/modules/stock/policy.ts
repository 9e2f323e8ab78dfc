import type { ActorKind, State } from '../../../core/work-order-lifecycle.ts';
import { type Actor, can } from '../../platform/actor.ts';

export const partPolicy = {
  manage: (actor: Actor) => can(actor, 'parts.manage'),
  abilities(actor: Actor, p: { active: boolean }) {
    const manage = this.manage(actor);
    return { update: manage, deactivate: manage && p.active, reactivate: manage && !p.active };
  },
};

export const stockPolicy = {
  manage: (actor: Actor) => can(actor, 'stock.manage'),
  /** The warehouse is open to anyone who reads parts; a van to its holder and to stock managers. */
  readLocation: (actor: Actor, location: { kind: 'warehouse' | 'van'; employeeId: string | null }) =>
    location.kind === 'warehouse' || can(actor, 'stock.manage') || (actor.employeeId !== null && actor.employeeId === location.employeeId),
};

export type OrderPartOp = 'plan' | 'reserve' | 'release' | 'issue' | 'consume' | 'return';

// P4.3.1: the visit's parts are prepared from the proposed solution until the technician is on
// site; parts are used on site (and corrected once the work is done).
const PREPARING: readonly State[] = ['solution_proposed', 'visit_scheduled', 'en_route', 'on_site'];
const OP_STATES: Record<OrderPartOp, readonly State[] | 'any'> = {
  plan: PREPARING,
  reserve: PREPARING,
  issue: PREPARING,
  consume: ['on_site', 'work_done'],
  // A reservation or unused parts must be given back whatever became of the order.
  release: 'any',
  return: 'any',
};

export function opStates(op: OrderPartOp): readonly State[] | 'any' {
  return OP_STATES[op];
}

export function inOpState(op: OrderPartOp, state: State): boolean {
  const states = OP_STATES[op];
  return states === 'any' || states.includes(state);
}

/** Who may take each step on an order's parts, by how they stand to the order. */
export function mayOp(op: OrderPartOp, actor: Actor, kinds: ReadonlySet<ActorKind>): boolean {
  const dispatcher = kinds.has('dispatcher');
  const assignee = kinds.has('assignee');
  switch (op) {
    case 'plan':
    case 'reserve':
      return assignee || dispatcher;
    case 'release':
      return dispatcher;
    case 'issue':
      return dispatcher && can(actor, 'stock.manage');
    case 'consume':
      return assignee;
    case 'return':
      return assignee || (dispatcher && can(actor, 'stock.manage'));
  }
}

export function orderPartAbilities(actor: Actor, kinds: ReadonlySet<ActorKind>, state: State) {
  const ops: OrderPartOp[] = ['plan', 'reserve', 'release', 'issue', 'consume', 'return'];
  return Object.fromEntries(ops.map((op) => [op, mayOp(op, actor, kinds) && inOpState(op, state)])) as Record<OrderPartOp, boolean>;
}
