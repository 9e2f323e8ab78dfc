import type { ActorKind } from '../../../core/work-order-lifecycle.ts';
import { type Actor, can } from '../../platform/actor.ts';

type ToolRef = { holderId: string | null };
type OrderRef = { state: string };
const FINISHED = new Set(['closed', 'cancelled']);

// P2.2.3: the tool register is read with tools.read and kept with tools.manage; the engineer who
// holds a tool records its calibration and maintenance too.
export const toolPolicy = {
  read: (actor: Actor) => can(actor, 'tools.read'),
  manage: (actor: Actor) => can(actor, 'tools.manage'),
  logMaintenance: (actor: Actor, tool: ToolRef) =>
    can(actor, 'tools.manage') || (can(actor, 'tools.read') && actor.employeeId !== null && tool.holderId === actor.employeeId),
  abilities(actor: Actor, tool: ToolRef) {
    return { update: this.manage(actor), logMaintenance: this.logMaintenance(actor, tool) };
  },
};

/** Field records of an order are internal: staff who may see the order see them; customers do not. */
export const mayReadFieldRecords = (actor: Actor) => actor.role !== 'customer';

// P4.3.1: the assignee or a dispatcher lists the tools the visit needs, until the order is finished.
export const orderToolPolicy = {
  change: (kinds: ReadonlySet<ActorKind>, order: OrderRef) =>
    (kinds.has('assignee') || kinds.has('dispatcher')) && !FINISHED.has(order.state),
};

// P4.3.2: the technician on site checks out and records the checklist results.
export const siteWorkPolicy = {
  checkOut: (kinds: ReadonlySet<ActorKind>) => kinds.has('assignee'),
  recordChecklist: (kinds: ReadonlySet<ActorKind>, order: OrderRef) => kinds.has('assignee') && order.state === 'on_site',
};
