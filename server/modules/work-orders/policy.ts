import type { ActorKind } from '../../../core/work-order-lifecycle.ts';
import type { Actor } from '../../platform/actor.ts';
import { can } from '../../platform/actor.ts';

type OrderRef = { customerId: string; assigneeId: string | null; teamId: string | null };

/**
 * How the caller stands to this order. A supervisor dispatches the orders of the teams they
 * lead (and unrouted ones); agents, managers and administrators dispatch any order.
 */
export function actorKinds(actor: Actor, order: OrderRef, actorTeamId: string | null): Set<ActorKind> {
  const kinds = new Set<ActorKind>();
  if (can(actor, 'work_orders.dispatch')) {
    const ownTeam = order.teamId === null || actor.supervisedTeamIds.includes(order.teamId);
    if (actor.role !== 'supervisor' || ownTeam) kinds.add('dispatcher');
  }
  if (can(actor, 'work_orders.work') && actor.employeeId) {
    if (order.assigneeId === actor.employeeId) kinds.add('assignee');
    if (!order.assigneeId && order.teamId && order.teamId === actorTeamId) kinds.add('pool_member');
  }
  if (actor.role === 'customer' && actor.customerId === order.customerId) kinds.add('customer');
  return kinds;
}

/**
 * Who may see an order at all: staff who dispatch see every order; a technician sees the
 * orders assigned to them and those of their team; a customer only their own (others are 404).
 */
export function mayRead(actor: Actor, order: OrderRef, actorTeamId: string | null, consultant: boolean): boolean {
  if (!can(actor, 'work_orders.read')) return false;
  if (actor.role === 'customer') return actor.customerId === order.customerId;
  if (can(actor, 'work_orders.dispatch')) return true;
  return order.assigneeId === actor.employeeId || (order.teamId !== null && order.teamId === actorTeamId) || consultant;
}
